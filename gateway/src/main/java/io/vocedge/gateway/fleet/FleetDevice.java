package io.vocedge.gateway.fleet;

import java.time.Duration;
import java.time.Instant;

/**
 * One device as the Fleet page shows it: registry row plus what its last retained status said.
 *
 * @param online the device's last status said online and it was heard from within {@link FleetQueries#OFFLINE_AFTER}
 * @param offlineReason null when online; {@code last_will} (its last status, or the broker's last will, said offline),
 *     {@code silent} (nothing heard for longer than {@link FleetQueries#OFFLINE_AFTER}), {@code never} (never heard)
 * @param lastSeen the latest of its last status and its last stored batch
 * @param muted null when the device never reported it
 * @param diskHealth {@code ok}, {@code low}, {@code critical}, ... as the device reported it; null when unknown
 * @param micHealth {@code ok} or a short problem ({@code reopening: ...}, {@code 2 dead channels}, {@code clipping})
 */
public record FleetDevice(
        String deviceId,
        String site,
        String name,
        String state,
        boolean online,
        String offlineReason,
        Instant lastSeen,
        String softwareVersion,
        String lexiconVersion,
        Long outboxDepth,
        Instant oldestUnsentAt,
        Boolean muted,
        String diskHealth,
        Long diskFreeMb,
        String micHealth) {

    public boolean revoked() {
        return "revoked".equals(state);
    }

    /** Age of the oldest unsent record at {@code now}; null when the outbox was empty or not reported. */
    public Duration oldestUnsentAge(Instant now) {
        if (oldestUnsentAt == null) {
            return null;
        }
        Duration d = Duration.between(oldestUnsentAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public boolean micOk() {
        return micHealth == null || "ok".equals(micHealth);
    }

    public boolean diskOk() {
        return diskHealth == null || "ok".equals(diskHealth);
    }
}
