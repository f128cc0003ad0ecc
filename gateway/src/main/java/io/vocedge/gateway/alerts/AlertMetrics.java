package io.vocedge.gateway.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code voc_alerts_fired_total{rule}}, {@code voc_alert_deliveries_total{channel,outcome=delivered|retried|failed}}
 * (failed = dead-lettered after retry_for) and {@code voc_alert_delivery_latency_seconds{channel}} (store commit of
 * the alert to the receiver's 2xx, histogram).
 */
public final class AlertMetrics {
    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void fired(String rule) {
        Counter.builder("voc_alerts_fired_total")
                .tag("rule", rule)
                .register(registry)
                .increment();
    }

    public void outcome(String channel, String outcome, int alerts) {
        Counter.builder("voc_alert_deliveries_total")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .increment(alerts);
    }

    public void latency(String channel, Duration d) {
        Timer.builder("voc_alert_delivery_latency")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(72))
                .register(registry)
                .record(d.isNegative() ? Duration.ZERO : d);
    }
}
