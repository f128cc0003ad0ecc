package io.vocedge.device.agent;

import io.vocedge.device.storage.DiskWatch;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The data directory's disk: free space and writability, checked every 30 s. */
final class DiskPart implements AgentPart {
    private final DiskWatch watch;

    DiskPart(DiskWatch watch) {
        this.watch = watch;
    }

    @Override
    public String name() {
        return "DiskWatch";
    }

    @Override
    public void start() {
        watch.start(Duration.ofSeconds(30));
    }

    @Override
    public void stop() {
        watch.close();
    }

    @Override
    public void statusFields(Map<String, Object> into) {
        into.put("disk_state", watch.state().name().toLowerCase(Locale.ROOT));
        if (watch.problem() != null) {
            into.put("disk_problem", watch.problem());
        }
    }

    @Override
    public void metrics(Map<String, Double> into) {
        watch.collect(into);
    }
}
