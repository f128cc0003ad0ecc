package io.vocedge.device.sync;

import io.vocedge.protocol.Limits;
import java.time.Duration;
import java.util.Objects;

/**
 * Sync settings.
 *
 * @param maxRecordsPerBatch records per MQTT message
 * @param maxBatchBytes payload bytes per MQTT message (below the gateway's {@link Limits#MAX_MESSAGE_BYTES})
 * @param maxInFlightBatches batches sent and not yet acked; the window that bounds memory and resends
 * @param ackTimeout a batch not acked within this is sent again (doubling per attempt, up to 8x)
 * @param reconnectInitial first reconnect delay; doubles with jitter up to {@code reconnectMax}
 * @param sessionExpiry how long the broker keeps this device's session after a disconnect
 * @param linger how long a batch that is not full waits for more records: fewer, fuller MQTT messages for a
 *     little latency (like Nagle's algorithm); 0 sends at once
 */
public record SyncConfig(int maxRecordsPerBatch, int maxBatchBytes, int maxInFlightBatches, Duration ackTimeout,
        Duration reconnectInitial, Duration reconnectMax, Duration sessionExpiry, Duration keepAlive, Duration linger) {
    public SyncConfig {
        if (maxRecordsPerBatch < 1 || maxRecordsPerBatch > Limits.MAX_RECORDS_PER_BATCH) {
            throw new IllegalArgumentException("sync.max_records_per_batch must be 1.." + Limits.MAX_RECORDS_PER_BATCH);
        }
        if (maxBatchBytes < 4096 || maxBatchBytes > Limits.MAX_MESSAGE_BYTES - 1024) {
            throw new IllegalArgumentException("sync.max_batch_bytes must be 4096.." + (Limits.MAX_MESSAGE_BYTES - 1024));
        }
        if (maxInFlightBatches < 1 || maxInFlightBatches > 64) {
            throw new IllegalArgumentException("sync.max_in_flight_batches must be 1..64");
        }
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(reconnectInitial, "reconnectInitial");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (linger.isNegative() || linger.toMillis() > 5000) {
            throw new IllegalArgumentException("sync.linger must be 0..5s, got " + linger);
        }
    }

    public static SyncConfig defaults() {
        return new SyncConfig(200, 192 * 1024, 4, Duration.ofSeconds(15), Duration.ofMillis(500),
                Duration.ofSeconds(60), Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMillis(200));
    }
}
