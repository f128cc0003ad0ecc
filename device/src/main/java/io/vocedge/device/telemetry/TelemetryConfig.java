package io.vocedge.device.telemetry;

import io.vocedge.common.config.ConfigNode;
import java.time.Duration;
import java.util.Map;

/** The {@code telemetry:} section: how often the figures go into the outbox ({@code interval_s}, seconds). */
public record TelemetryConfig(Duration interval) {
    public static TelemetryConfig defaults() {
        return new TelemetryConfig(Duration.ofSeconds(60));
    }

    public static TelemetryConfig read(ConfigNode n) {
        return new TelemetryConfig(Duration.ofSeconds(n.integer("interval_s", 60, 1, 86_400)));
    }

    public Map<String, Object> effective() {
        return Map.of("interval_s", interval.toSeconds());
    }
}
