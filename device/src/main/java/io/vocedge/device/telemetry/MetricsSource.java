package io.vocedge.device.telemetry;

import java.util.Map;

/** Something that contributes named figures to telemetry (outbox, sync, audio, ASR, system). */
@FunctionalInterface
public interface MetricsSource {
    /** Adds this source's current figures; must be quick and must not throw for missing data (skip it). */
    void collect(Map<String, Double> into);
}
