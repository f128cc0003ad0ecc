package io.vocedge.gateway.store;

import java.time.Instant;

/** A device in the fleet registry. {@code state} is {@code registered} or {@code revoked}. */
public record DeviceEntry(
        String deviceId,
        String site,
        String name,
        String certFingerprint,
        String state,
        Instant registeredAt,
        Instant revokedAt,
        Instant lastSeen,
        boolean online,
        String softwareVersion,
        Long outboxDepth) {
    public static final String REGISTERED = "registered";
    public static final String REVOKED = "revoked";

    public boolean revoked() {
        return REVOKED.equals(state);
    }
}
