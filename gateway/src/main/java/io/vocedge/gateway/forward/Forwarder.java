package io.vocedge.gateway.forward;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vocedge.gateway.ingest.IngestWorker.FaultPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Drains the outbox into one sink on its own thread: claim device keys with pending events, publish them as one batch
 * (bounded by events and bytes), then move the cursors - in that order, so a crash between publish and mark only
 * publishes the same events (same ids) again. While the sink fails it retries with exponential backoff and jitter
 * (from the sink's {@link Sink#retryMin()} doubling to {@link Sink#retryMax()}, each wait drawn between half and all of
 * the current step, never shorter than a Retry-After the destination asked for) and ingest goes on: the outbox grows
 * on disk, never in memory. Lag figures are refreshed every 2 s (less often while a long backlog makes measuring
 * slow) for /health and /metrics.
 */
public final class Forwarder implements AutoCloseable {
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration LAG_MIN_INTERVAL = Duration.ofSeconds(2);
    private static final Duration LAG_MAX_INTERVAL = Duration.ofMinutes(1);
    private static final long LAG_DUTY = 20;

    private final OutboxStore store;
    private final Sink sink;
    private final int maxKeys;
    private final int maxEvents;
    private final long maxBytes;
    private final long lingerMillis;
    private final Duration retention;
    private final FaultPoint faults;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private final Counter published;
    private final Counter publishedBytes;
    private final Counter failures;
    private final Timer commitToPublish;
    private final DistributionSummary batchEvents;
    private final Counter fromMemory;
    private final Counter fromStore;
    private final CommittedEvents held;
    private volatile boolean running;
    private volatile OutboxStore.Lag lag = new OutboxStore.Lag(0, 0, null);
    private volatile Instant lagAt;
    private volatile String lastError;
    private volatile Instant lastPublished;
    private long lastEnsure;
    private long lastLag;
    private long lagInterval = LAG_MIN_INTERVAL.toNanos();
    private long lastPrune;

    public Forwarder(
            OutboxStore store,
            Sink sink,
            int maxEvents,
            long maxBytes,
            Duration linger,
            Duration retention,
            FaultPoint faults,
            Clock clock,
            MeterRegistry metrics) {
        this.store = store;
        this.sink = sink;
        this.maxKeys = Math.max(8, Math.min(256, maxEvents));
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.lingerMillis = linger.toMillis();
        this.retention = retention;
        this.faults = faults;
        this.clock = clock;
        String s = sink.name();
        this.published = Counter.builder("voc_forward_published_events_total")
                .tag("sink", s)
                .register(metrics);
        this.publishedBytes = Counter.builder("voc_forward_published_bytes_total")
                .tag("sink", s)
                .register(metrics);
        this.failures =
                Counter.builder("voc_forward_failures_total").tag("sink", s).register(metrics);
        this.batchEvents = DistributionSummary.builder("voc_forward_batch_events")
                .description("events per published batch (one Kafka transaction or HTTP request)")
                .tag("sink", s)
                .register(metrics);
        this.commitToPublish = Timer.builder("voc_forward_commit_to_publish")
                .tag("sink", s)
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
        metrics.gauge(
                "voc_forward_lag_events",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("sink", s)),
                this,
                f -> f.lag.events());
        metrics.gauge(
                "voc_forward_lag_bytes",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("sink", s)),
                this,
                f -> f.lag.bytes());
        metrics.gauge(
                "voc_forward_oldest_unforwarded_age_seconds",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("sink", s)),
                this,
                Forwarder::oldestAgeSeconds);
        // Enough for a few seconds of events at this machine's ingest rates (bench/forward.sh: ~3,000/s), and for
        // several full batches: a forwarder further behind than that reads from the outbox anyway.
        this.held =
                new CommittedEvents(Math.max(HELD_MIN_EVENTS, 20 * maxEvents), Math.max(HELD_MIN_BYTES, 4 * maxBytes));
        this.fromMemory = Counter.builder("voc_forward_events_read_total")
                .description("events published, by where the forwarder got them: held in memory since their commit, or"
                        + " read back from the outbox (after a restart, another gateway's, or more than memory holds)")
                .tag("sink", s)
                .tag("source", "memory")
                .register(metrics);
        this.fromStore = Counter.builder("voc_forward_events_read_total")
                .tag("sink", s)
                .tag("source", "outbox")
                .register(metrics);
        metrics.gauge(
                "voc_forward_held_events",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("sink", s)),
                this,
                f -> f.held.events());
        io.micrometer.core.instrument.FunctionCounter.builder(
                        "voc_forward_held_overflows_total", this, f -> f.held.overflows())
                .description("times the events held in memory were dropped because more arrived than it holds")
                .tag("sink", s)
                .register(metrics);
        this.thread = Thread.ofPlatform().name("forward-" + s).daemon(true).unstarted(this::loop);
    }

    private static final int HELD_MIN_EVENTS = 10_000;
    private static final long HELD_MIN_BYTES = 32L << 20;

    /**
     * Events of stored records that just committed (called on the committing thread, after the commit): held in memory
     * so this forwarder publishes them without reading them back ({@link CommittedEvents}), and the forwarder is woken.
     */
    public void committed(java.util.List<OutboxRow> rows) {
        held.offer(rows);
        wake();
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Something was appended: look again soon instead of at the next idle poll. */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    public String sinkName() {
        return sink.name();
    }

    private double oldestAgeSeconds() {
        Instant oldest = lag.oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** What /health shows for this sink. */
    public Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        OutboxStore.Lag l = lag;
        m.put("lag_events", l.events());
        m.put("lag_bytes", l.bytes());
        m.put("oldest_unforwarded_age_seconds", Math.round(oldestAgeSeconds()));
        m.put("lag_measured_at", lagAt == null ? null : lagAt.toString());
        m.put("last_published_at", lastPublished == null ? null : lastPublished.toString());
        m.put("last_error", lastError);
        return m;
    }

    private void loop() {
        long step = 0;
        while (running) {
            try {
                housekeeping();
                int n = cycle();
                step = 0;
                lastError = null;
                if (n == 0) {
                    wake.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                } else if (n < maxEvents && lingerMillis > 0) {
                    // A batch that was not full: let more events gather before the next one. Every batch costs a
                    // claim and a cursor update in the store and, on Kafka, a transaction with its markers on every
                    // partition it touched, whatever its size; woken per ingest commit, the forwarder otherwise
                    // publishes many small batches (issue 18: the forwarder's CPU per event). A backlog fills
                    // batches and never waits.
                    Thread.sleep(lingerMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                sink.reset();
                long max = sink.retryMax().toMillis();
                step = step == 0 ? Math.min(max, sink.retryMin().toMillis()) : Math.min(max, step * 2);
                long waitMs = jittered(step, e instanceof Sink.RetryLater later ? later.after() : null, max);
                String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!msg.equals(lastError) || step >= max) {
                    Logger.warn("event=forward_failed sink={} retry_in_ms={} error=\"{}\"", sink.name(), waitMs, msg);
                }
                lastError = msg;
                try {
                    refreshLagIfDue(); // keep /health true while the sink is down
                } catch (Exception ignored) {
                    // the store may be down as well; the next cycle reports it
                }
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The wait before the next attempt: uniformly between half and all of {@code stepMs} ("equal jitter": gateways that
     * failed together do not retry together), at least what the destination asked for, at most {@code maxMs}.
     */
    static long jittered(long stepMs, Duration retryAfter, long maxMs) {
        long half = stepMs / 2;
        long wait = half
                + (stepMs - half <= 0
                        ? 0
                        : java.util.concurrent.ThreadLocalRandom.current().nextLong(stepMs - half + 1));
        if (retryAfter != null) {
            wait = Math.max(wait, Math.min(maxMs, retryAfter.toMillis()));
        }
        return Math.max(1, wait);
    }

    private void housekeeping() throws Exception {
        long now = System.nanoTime();
        if (now - lastEnsure > TimeUnit.SECONDS.toNanos(1)) {
            store.ensureCursors(sink.name());
            lastEnsure = now;
        }
        refreshLagIfDue();
        if (now - lastPrune > TimeUnit.MINUTES.toNanos(1)) {
            int n = store.prune(clock.instant().minus(retention), 10_000);
            if (n > 0) {
                Logger.info("event=forward_outbox_pruned events={}", n);
            }
            lastPrune = now;
        }
    }

    /**
     * Measures the lag. Its query reads every pending event, so while a sink is down for long the backlog makes it
     * slow: the next measurement waits at least {@link #LAG_DUTY} times as long as this one took (at most 5 % of a
     * database connection's time goes to it), and never less than {@link #LAG_MIN_INTERVAL}.
     */
    private void refreshLagIfDue() throws Exception {
        if (System.nanoTime() - lastLag > lagInterval) {
            refreshLag();
        }
    }

    private void refreshLag() throws Exception {
        long t0 = System.nanoTime();
        try {
            lag = store.lag(sink.name());
            lagAt = clock.instant();
        } finally {
            long took = System.nanoTime() - t0;
            lastLag = System.nanoTime();
            lagInterval = Math.max(LAG_MIN_INTERVAL.toNanos(), Math.min(LAG_MAX_INTERVAL.toNanos(), took * LAG_DUTY));
        }
    }

    /** One claim-publish-mark round; returns the events published. */
    int cycle() throws Exception {
        try (OutboxStore.Claim claim = store.claim(sink.name(), maxKeys, maxEvents, maxBytes, held)) {
            if (claim.isEmpty()) {
                return 0;
            }
            if (!claim.rows().isEmpty()) {
                faults.reached("forward_before_send");
                sink.publish(claim.rows());
                faults.reached("forward_after_send");
            }
            Instant now = clock.instant();
            claim.markSent(now);
            held.sent(claim.marks());
            fromMemory.increment(claim.fromMemory());
            fromStore.increment(claim.rows().size() - claim.fromMemory());
            long bytes = 0;
            for (OutboxRow r : claim.rows()) {
                bytes += r.bytes();
                commitToPublish.record(Duration.between(r.createdAt(), now));
            }
            published.increment(claim.rows().size());
            if (!claim.rows().isEmpty()) {
                batchEvents.record(claim.rows().size());
            }
            publishedBytes.increment(bytes);
            if (!claim.rows().isEmpty()) {
                lastPublished = now;
            }
            return Math.max(1, claim.rows().size());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sink.close();
    }
}
