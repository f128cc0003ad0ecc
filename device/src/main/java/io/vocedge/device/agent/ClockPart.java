package io.vocedge.device.agent;

import io.vocedge.device.clock.SystemRecordClock;
import java.util.Map;
import org.tinylog.Logger;

/** The record clock (wall time never before the floor, boot id, monotonic time) and whether NTP has synchronised it. */
final class ClockPart implements AgentPart {
    private final SystemRecordClock clock;

    ClockPart(SystemRecordClock clock) {
        this.clock = clock;
    }

    SystemRecordClock clock() {
        return clock;
    }

    @Override
    public String name() {
        return "SystemRecordClock";
    }

    @Override
    public void start() {
        if (!clock.isSynchronised()) {
            Logger.warn(
                    "event=clock_not_synchronised action=\"records are marked synced=false; the gateway corrects them\"");
        }
    }

    @Override
    public void stop() {}

    @Override
    public void metrics(Map<String, Double> into) {
        into.put("clock_synced", clock.isSynchronised() ? 1.0 : 0.0);
    }
}
