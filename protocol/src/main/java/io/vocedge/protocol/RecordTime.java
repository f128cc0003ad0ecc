package io.vocedge.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * When a record was made. Devices may have no real-time clock: {@code synced} says whether the wall clock
 * was NTP-synchronised, and {@code bootId} with {@code monoMs} (milliseconds since boot, monotonic) lets the
 * gateway correct an unsynchronised wall clock from its own receive time.
 */
public record RecordTime(Instant wall, boolean synced, String bootId, long monoMs) {
    public RecordTime {
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(bootId, "bootId");
        if (monoMs < 0) {
            throw new IllegalArgumentException("monoMs must be >= 0, got " + monoMs);
        }
    }
}
