package io.vocedge.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * {@code voc.telemetry/1}: periodic device health figures (documented keys in protocol/README.md). Numbers
 * only, so the store can chart them; evicted first when the outbox is full.
 */
public record Telemetry(String deviceId, long seq, RecordTime time, Map<String, Double> metrics) implements UpRecord {
    public Telemetry {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(time, "time");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.TELEMETRY;
    }

    @Override
    public RecordPriority priority() {
        return RecordPriority.TELEMETRY;
    }

    @Override
    public Telemetry withSeq(long newSeq) {
        return new Telemetry(deviceId, newSeq, time, metrics);
    }
}
