package io.vocedge.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code voc.batch/1}: the MQTT payload on {@code up/records}. The gateway stores each record once, then
 * answers with a {@link Ack} naming the same {@code batchId}. {@code bootId} and {@code sentMonoMs} (the
 * device's monotonic clock when it sent the batch) let the gateway correct records stamped by an
 * unsynchronised wall clock: {@code corrected = received_at - (sentMonoMs - record.mono_ms)}.
 */
public record Batch(
        String deviceId,
        String site,
        String batchId,
        Instant sentAt,
        String bootId,
        Long sentMonoMs,
        List<UpRecord> records)
        implements Envelope {
    public Batch {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(batchId, "batchId");
        records = records == null ? List.of() : List.copyOf(records);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.BATCH;
    }
}
