package io.vocedge.device.agent;

import io.vocedge.device.telemetry.TelemetryPublisher;
import java.util.Map;

/** Periodic telemetry records into the outbox; its figures come from every part ({@link PartChain#metrics}). */
final class TelemetryPart implements AgentPart {
    private final TelemetryPublisher telemetry;

    TelemetryPart(TelemetryPublisher telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public String name() {
        return "TelemetryPublisher";
    }

    @Override
    public void start() {
        telemetry.start();
    }

    @Override
    public void stop() {
        telemetry.close();
    }

    @Override
    public void statusFields(Map<String, Object> into) {
        Map<String, Double> last = telemetry.last();
        if (last.containsKey("disk_free_mb")) {
            into.put("disk_free_mb", last.get("disk_free_mb"));
        }
    }
}
