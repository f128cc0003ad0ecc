package io.vocedge.device.sync;

import io.vocedge.common.config.ConfigNode;
import io.vocedge.protocol.Limits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sync settings.
 *
 * @param maxRecordsPerBatch records per MQTT message
 * @param maxBatchBytes payload bytes per MQTT message (below the gateway's {@link Limits#MAX_MESSAGE_BYTES})
 * @param maxInFlightBatches batches sent and not yet acked; the window that bounds memory and resends
 * @param ackTimeout a batch not acked within this is sent again (doubling per attempt, up to 8x but at most 30 s
 *     unless this is longer; back to this after a reconnect)
 * @param reconnectInitial first reconnect delay; doubles with jitter up to {@code reconnectMax}
 * @param sessionExpiry how long the broker keeps this device's session after a disconnect
 * @param linger how long a batch that is not full waits for more records: fewer, fuller MQTT messages for a
 *     little latency (like Nagle's algorithm); 0 sends at once
 */
public record SyncConfig(
        int maxRecordsPerBatch,
        int maxBatchBytes,
        int maxInFlightBatches,
        Duration ackTimeout,
        Duration reconnectInitial,
        Duration reconnectMax,
        Duration sessionExpiry,
        Duration keepAlive,
        Duration linger) {
    public SyncConfig {
        if (maxRecordsPerBatch < 1 || maxRecordsPerBatch > Limits.MAX_RECORDS_PER_BATCH) {
            throw new IllegalArgumentException("sync.max_records_per_batch must be 1.." + Limits.MAX_RECORDS_PER_BATCH);
        }
        if (maxBatchBytes < 4096 || maxBatchBytes > Limits.MAX_MESSAGE_BYTES - 1024) {
            throw new IllegalArgumentException(
                    "sync.max_batch_bytes must be 4096.." + (Limits.MAX_MESSAGE_BYTES - 1024));
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
        return new SyncConfig(
                200,
                192 * 1024,
                4,
                Duration.ofSeconds(15),
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofDays(7),
                Duration.ofSeconds(30),
                Duration.ofMillis(200));
    }

    /** Reads the {@code sync:} section strictly: durations with their unit ({@code 15s}, {@code 500ms}). */
    public static SyncConfig read(ConfigNode s) {
        SyncConfig d = defaults();
        int before = s.document().problemCount();
        int records = s.integer("max_records_per_batch", d.maxRecordsPerBatch(), 1, Limits.MAX_RECORDS_PER_BATCH);
        int bytes = (int) s.bytes("max_batch_bytes", d.maxBatchBytes(), 4096, Limits.MAX_MESSAGE_BYTES - 1024);
        int inFlight = s.integer("max_in_flight_batches", d.maxInFlightBatches(), 1, 64);
        Duration ack = s.duration("ack_timeout", d.ackTimeout(), Duration.ofSeconds(1), Duration.ofHours(1));
        Duration initial =
                s.duration("reconnect_initial", d.reconnectInitial(), Duration.ofMillis(10), Duration.ofMinutes(5));
        Duration max = s.duration("reconnect_max", d.reconnectMax(), Duration.ofMillis(10), Duration.ofHours(1));
        Duration expiry = s.duration("session_expiry", d.sessionExpiry(), Duration.ZERO, Duration.ofDays(365));
        Duration keepAlive = s.duration("keep_alive", d.keepAlive(), Duration.ofSeconds(1), Duration.ofHours(18));
        Duration linger = s.duration("linger", d.linger(), Duration.ZERO, Duration.ofSeconds(5));
        if (s.document().problemCount() == before && max.compareTo(initial) < 0) {
            s.problem(
                    "reconnect_max",
                    "must be at least sync.reconnect_initial (" + ConfigNode.format(initial) + "), got "
                            + ConfigNode.format(max));
        }
        return new SyncConfig(records, bytes, inFlight, ack, initial, max, expiry, keepAlive, linger);
    }

    /** The section as {@code config check} prints it. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_records_per_batch", maxRecordsPerBatch);
        m.put("max_batch_bytes", maxBatchBytes);
        m.put("max_in_flight_batches", maxInFlightBatches);
        m.put("ack_timeout", ConfigNode.format(ackTimeout));
        m.put("reconnect_initial", ConfigNode.format(reconnectInitial));
        m.put("reconnect_max", ConfigNode.format(reconnectMax));
        m.put("session_expiry", ConfigNode.format(sessionExpiry));
        m.put("keep_alive", ConfigNode.format(keepAlive));
        m.put("linger", ConfigNode.format(linger));
        return m;
    }
}
