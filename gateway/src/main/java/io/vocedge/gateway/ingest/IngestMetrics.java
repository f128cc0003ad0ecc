package io.vocedge.gateway.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Ingest counters, exported at /metrics. */
public final class IngestMetrics {
    private final MeterRegistry registry;
    final Counter received;
    final Counter stored;
    final Counter duplicates;
    final Counter acks;
    final Counter resentBatches;
    final Counter statuses;
    final Counter storeRetries;
    final Timer commit;
    final Counter blockedNanos;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> storeErrors = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        received = Counter.builder("voc_messages_received")
                .description("MQTT messages taken from the broker")
                .register(registry);
        stored = Counter.builder("voc_records_stored")
                .description("records committed for the first time")
                .register(registry);
        duplicates = Counter.builder("voc_records_duplicate")
                .description("records already stored, ignored and acked")
                .register(registry);
        resentBatches = Counter.builder("voc_batches_resent_copies")
                .description(
                        "record batches received again byte for "
                                + "byte after their commit (the device's ack timeout ran out first); answered with the stored ack")
                .register(registry);
        acks = Counter.builder("voc_acks_sent")
                .description("application acks published after a commit")
                .register(registry);
        statuses = Counter.builder("voc_status_updates")
                .description("device status messages applied")
                .register(registry);
        storeRetries = Counter.builder("voc_store_retries")
                .description("store commits retried after an error")
                .register(registry);
        commit = Timer.builder("voc_store_commit")
                .description("store transaction latency")
                .register(registry);
        blockedNanos = Counter.builder("voc_ingest_blocked_nanoseconds")
                .description("time the MQTT callback waited on a full ingest queue (back-pressure to the broker)")
                .register(registry);
    }

    void deadLetter(String reason) {
        deadLetters
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder("voc_dead_letters")
                                .tag("reason", r)
                                .description("messages or records refused, by reason")
                                .register(registry))
                .increment();
    }

    /** A commit failed; {@code cause} is a {@link io.vocedge.gateway.store.StoreFault#code}. */
    void storeError(String cause) {
        storeErrors
                .computeIfAbsent(
                        cause,
                        c -> Counter.builder("voc_store_errors")
                                .tag("cause", c)
                                .description(
                                        "store commits that failed, by cause (only store_refused can reject a record)")
                                .register(registry))
                .increment();
    }

    /** Store errors counted so far for a cause (tests). */
    public double storeErrors(String cause) {
        Counter c = storeErrors.get(cause);
        return c == null ? 0 : c.count();
    }

    /** Dead letters counted so far for a reason (tests and health). */
    public double deadLetters(String reason) {
        Counter c = deadLetters.get(reason);
        return c == null ? 0 : c.count();
    }

    public double stored() {
        return stored.count();
    }

    public double duplicates() {
        return duplicates.count();
    }
}
