package io.vocedge.device.outbox;

import java.util.Map;

/**
 * Outbox figures for status and telemetry.
 *
 * @param depth records waiting for an ack
 * @param bytes their stored size
 * @param oldestCreatedMs wall-clock millis of the oldest unacked record, or 0 when empty
 * @param nextSeq the sequence number the next record will get
 * @param evictedByPriority records evicted because the bound was reached, per {@code RecordPriority} name
 * @param rejected records refused (queue full too long, record larger than the bound, disk errors)
 */
public record OutboxStats(
        long depth,
        long bytes,
        long oldestCreatedMs,
        long nextSeq,
        Map<String, Long> evictedByPriority,
        long rejected) {
    public long evictedTotal() {
        return evictedByPriority.values().stream().mapToLong(Long::longValue).sum();
    }
}
