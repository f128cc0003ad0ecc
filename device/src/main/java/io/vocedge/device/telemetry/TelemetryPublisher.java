package io.vocedge.device.telemetry;

import io.vocedge.device.pipeline.RecordClock;
import io.vocedge.device.pipeline.RecordSink;
import io.vocedge.protocol.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Every interval, gathers the figures of all sources into one {@code voc.telemetry/1} record in the outbox
 * (telemetry is the first thing evicted when the outbox is full, so it never crowds out utterances). A failing
 * source or a full outbox is logged and the schedule goes on: one exception must not cancel the repeating job.
 */
public final class TelemetryPublisher implements AutoCloseable {
    private final String deviceId;
    private final List<MetricsSource> sources;
    private final RecordSink sink;
    private final RecordClock clock;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private volatile Map<String, Double> last = Map.of();

    public TelemetryPublisher(
            String deviceId, List<MetricsSource> sources, RecordSink sink, RecordClock clock, Duration interval) {
        if (interval.toMillis() < 1000) {
            throw new IllegalArgumentException("telemetry.interval must be at least 1s, got " + interval);
        }
        this.deviceId = deviceId;
        this.sources = List.copyOf(sources);
        this.sink = sink;
        this.clock = clock;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("telemetry").daemon(true).unstarted(r));
    }

    public void start() {
        timer.scheduleWithFixedDelay(
                this::publishGuarded, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Current figures of all sources (for status and self-test), without writing a record. */
    public Map<String, Double> snapshot() {
        Map<String, Double> m = new TreeMap<>();
        for (MetricsSource s : sources) {
            try {
                s.collect(m);
            } catch (RuntimeException e) {
                Logger.warn(
                        "event=metrics_source_failed source={} error=\"{}\"",
                        s.getClass().getSimpleName(),
                        e.getMessage());
            }
        }
        m.values().removeIf(v -> v == null || v.isNaN() || v.isInfinite());
        return m;
    }

    public Map<String, Double> last() {
        return last;
    }

    void publishGuarded() {
        try {
            Map<String, Double> m = snapshot();
            last = Map.copyOf(m);
            sink.accept(new Telemetry(deviceId, 0, clock.now(), m));
        } catch (Exception e) {
            Logger.warn("event=telemetry_skipped error=\"{}\"", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
