package io.vocedge.device.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.cli.ProcessCpu;
import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.device.sync.OutboxSync;
import io.vocedge.device.sync.SyncConfig;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.TopicHit;
import io.vocedge.protocol.Utterance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * Runs N complete device outbox+sync stacks in one JVM, each with its own SQLite file and MQTT client, feeds
 * each M utterance records of realistic size, and measures: end-to-end rate (first insert to last ack),
 * latency from outbox commit to ack (p50/p99), and the outbox insert rate.
 */
public final class FleetSimulator {
    private final int devices;
    private final int recordsPerDevice;
    private final String brokerUrl;
    private final Path dataDir;
    private final String site;
    private final boolean powerLossSafe;
    private final Duration timeout;
    private final ObjectMapper json;
    private final double ratePerSecond;
    private final Extras extras;
    private final java.util.function.Consumer<Progress> progressSink;

    /**
     * Optional parts of a run.
     *
     * @param progressEvery how often a {@link Progress} snapshot goes to the sink; null or zero = never (for runs
     *     with a fault in the middle, e.g. a broker outage, where the script needs counts over time)
     * @param attentionShare 0 = utterances only (as before); above 0, every conversation's last record (each 20th)
     *     is a {@code voc.conversation/1} summary instead, and this share of the summaries (0..1, spread evenly over
     *     devices and time) says the conversation needs attention (what the gateway's default alert rule acts on)
     * @param sites 1 = every device on {@code site}; N = devices spread round robin over {@code site-00} .. N-1
     * @param devicePrefix device ids are {@code PREFIX-0000} ..; a second fleet against the same gateway (a warm-up
     *     run before the measured one) needs its own prefix, or the gateway would take its records for duplicates
     */
    public record Extras(Duration progressEvery, double attentionShare, int sites, String devicePrefix) {
        public static final Extras NONE = new Extras(null, 0, 1, "sim");

        public Extras(Duration progressEvery, double attentionShare, int sites) {
            this(progressEvery, attentionShare, sites, "sim");
        }

        public Extras {
            if (devicePrefix == null || !devicePrefix.matches("[a-z][a-z0-9]{0,15}")) {
                throw new IllegalArgumentException(
                        "--device-prefix must be 1-16 lower-case letters or digits, starting with a letter, got "
                                + devicePrefix);
            }
            if (!(attentionShare >= 0 && attentionShare <= 1)) {
                throw new IllegalArgumentException("--attention-share must be 0..1, got " + attentionShare);
            }
            if (sites < 1) {
                throw new IllegalArgumentException("--sites must be >= 1, got " + sites);
            }
        }
    }

    /** Records per simulated conversation (the last one is the summary when summaries are on). */
    static final int CONVERSATION_RECORDS = 20;

    /**
     * Counts at one moment: records committed to the outboxes so far, records acked as stored by the gateway, and how
     * many devices have a live broker connection. {@code epochMs} is wall-clock time, comparable with other processes.
     */
    public record Progress(long epochMs, long committed, long acked, int connected, int devices) {
        public String line() {
            return String.format(
                    java.util.Locale.ROOT,
                    "event=sim_progress epoch_ms=%d committed=%d acked=%d connected=%d/%d",
                    epochMs,
                    committed,
                    acked,
                    connected,
                    devices);
        }
    }

    public FleetSimulator(
            int devices,
            int recordsPerDevice,
            String brokerUrl,
            Path dataDir,
            String site,
            boolean powerLossSafe,
            Duration timeout,
            ObjectMapper json,
            double ratePerSecond) {
        this(
                devices,
                recordsPerDevice,
                brokerUrl,
                dataDir,
                site,
                powerLossSafe,
                timeout,
                json,
                ratePerSecond,
                Extras.NONE,
                p -> {});
    }

    /**
     * @param ratePerSecond aggregate records per second over all devices, round robin; 0 = every device inserts as
     *     fast as it can (saturation: measures throughput, latency then includes the queue that builds up)
     */
    public FleetSimulator(
            int devices,
            int recordsPerDevice,
            String brokerUrl,
            Path dataDir,
            String site,
            boolean powerLossSafe,
            Duration timeout,
            ObjectMapper json,
            double ratePerSecond,
            Extras extras,
            java.util.function.Consumer<Progress> progressSink) {
        this.ratePerSecond = ratePerSecond;
        this.extras = extras;
        this.progressSink = progressSink;
        if (extras.sites() > devices) {
            throw new IllegalArgumentException("--sites must not exceed --devices");
        }
        if (devices < 1 || recordsPerDevice < 1) {
            throw new IllegalArgumentException("--devices and --records-per-device must be >= 1");
        }
        this.devices = devices;
        this.recordsPerDevice = recordsPerDevice;
        this.brokerUrl = brokerUrl;
        this.dataDir = dataDir;
        this.site = site;
        this.powerLossSafe = powerLossSafe;
        this.timeout = timeout;
        this.json = json;
    }

    /** Figures of one run. Latencies in milliseconds. */
    public record Report(
            int devices,
            int recordsPerDevice,
            long recordsAcked,
            double seconds,
            double recordsPerSecond,
            double insertSeconds,
            double insertsPerSecond,
            double p50Ms,
            double p99Ms,
            double maxMs,
            long resends,
            boolean complete,
            long cpuMs) {
        public String human() {
            return String.format(
                    java.util.Locale.ROOT,
                    "devices=%d records_per_device=%d acked=%d/%d complete=%s%n"
                            + "end_to_end: %.2f s, %.0f records/s (first insert to last ack)%n"
                            + "latency commit->ack: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                            + "outbox inserts: %.0f records/s (%.2f s for all)%nbatch resends: %d",
                    devices,
                    recordsPerDevice,
                    recordsAcked,
                    (long) devices * recordsPerDevice,
                    complete,
                    seconds,
                    recordsPerSecond,
                    p50Ms,
                    p99Ms,
                    maxMs,
                    insertsPerSecond,
                    insertSeconds,
                    resends);
        }
    }

    public Report run() throws Exception {
        String bootId = "sim-" + Instant.now().toEpochMilli();
        long total = (long) devices * recordsPerDevice;
        List<Map<Long, Long>> commitTimes = new ArrayList<>();
        long[] latenciesNanos = new long[(int) total];
        AtomicLong latencyCount = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        CountDownLatch allAcked = new CountDownLatch(devices);
        List<OutboxSync> stacks = new ArrayList<>();
        long t0 = System.nanoTime();
        java.util.concurrent.ScheduledExecutorService progress = null;
        try {
            for (int i = 0; i < devices; i++) {
                String deviceId = deviceId(i);
                String site = siteOf(i);
                Map<Long, Long> committed = new ConcurrentHashMap<>();
                commitTimes.add(committed);
                AtomicLong ackedHere = new AtomicLong();
                OutboxConfig oc = new OutboxConfig(
                        dataDir.resolve(deviceId).resolve("outbox.db"),
                        64L * 1024 * 1024,
                        powerLossSafe,
                        4096,
                        Duration.ofSeconds(30),
                        512);
                OutboxSync stack = OutboxSync.open(
                        new OutboxSync.Identity(deviceId, site, brokerUrl, null),
                        oc,
                        SyncConfig.defaults(),
                        json,
                        bootId,
                        () -> (System.nanoTime() - t0) / 1_000_000,
                        () -> new Status(deviceId, site, Status.ONLINE, Instant.now(), true, "sim", Map.of()),
                        (channel, payload, retained) -> {},
                        ack -> onAck(ack, committed, latenciesNanos, latencyCount, ackedHere, lastAck, allAcked));
                stacks.add(stack);
            }
            awaitConnected(stacks);
            Logger.info(
                    "event=simulation_start devices={} records_per_device={} broker={}",
                    devices,
                    recordsPerDevice,
                    brokerUrl);

            if (extras.progressEvery() != null && extras.progressEvery().toMillis() > 0) {
                progress = Executors.newSingleThreadScheduledExecutor(r ->
                        Thread.ofPlatform().name("sim-progress").daemon(true).unstarted(r));
                long every = extras.progressEvery().toMillis();
                progress.scheduleAtFixedRate(
                        () -> progressSink.accept(progress(stacks, latencyCount)), 0, every, TimeUnit.MILLISECONDS);
            }
            long start = System.nanoTime();
            long cpuStart = Math.max(0, ProcessCpu.nanos());
            AtomicLong lastCommit = new AtomicLong(start);
            int producers = Math.min(devices, Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
            ExecutorService pool = Executors.newFixedThreadPool(
                    producers,
                    r -> Thread.ofPlatform().name("sim-producer").daemon(true).unstarted(r));
            RecordTime time0 = new RecordTime(Instant.now(), true, bootId, 0);
            if (ratePerSecond > 0) {
                pool.submit(() -> producePaced(stacks, commitTimes, time0, lastCommit, start));
            } else {
                for (int i = 0; i < devices; i++) {
                    int deviceIndex = i;
                    pool.submit(() -> produce(
                            stacks.get(deviceIndex), commitTimes.get(deviceIndex), deviceIndex, time0, lastCommit));
                }
            }
            pool.shutdown();
            pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean complete = allAcked.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long end = complete ? lastAck.get() : System.nanoTime();
            long acked = latencyCount.get();
            long[] lat = Arrays.copyOf(latenciesNanos, (int) Math.min(acked, latenciesNanos.length));
            Arrays.sort(lat);
            long resends = stacks.stream()
                    .mapToLong(s -> s.sync().stats().batchesResent())
                    .sum();
            if (progress != null) {
                progress.shutdownNow();
                progress.awaitTermination(5, TimeUnit.SECONDS);
                progressSink.accept(progress(stacks, latencyCount));
            }
            double seconds = (end - start) / 1e9;
            double insertSeconds = (lastCommit.get() - start) / 1e9;
            return new Report(
                    devices,
                    recordsPerDevice,
                    acked,
                    seconds,
                    acked / seconds,
                    insertSeconds,
                    total / Math.max(insertSeconds, 1e-9),
                    pct(lat, 0.50),
                    pct(lat, 0.99),
                    lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6,
                    resends,
                    complete,
                    (Math.max(0, ProcessCpu.nanos()) - cpuStart) / 1_000_000);
        } finally {
            if (progress != null) {
                progress.shutdownNow();
            }
            stacks.parallelStream().forEach(OutboxSync::close);
        }
    }

    private final AtomicLong committedCount = new AtomicLong();

    private Progress progress(List<OutboxSync> stacks, AtomicLong acked) {
        int connected =
                (int) stacks.stream().filter(s -> s.sync().isConnected()).count();
        return new Progress(System.currentTimeMillis(), committedCount.get(), acked.get(), connected, devices);
    }

    private void produce(
            OutboxSync stack, Map<Long, Long> committed, int deviceIndex, RecordTime time0, AtomicLong lastCommit) {
        String deviceId = deviceId(deviceIndex);
        List<java.util.concurrent.CompletableFuture<Long>> futures = new ArrayList<>(recordsPerDevice);
        for (int n = 0; n < recordsPerDevice; n++) {
            RecordTime time = new RecordTime(time0.wall().plusMillis(n), true, time0.bootId(), n);
            futures.add(stack.outbox().submit(record(deviceIndex, n, time)).whenComplete((seq, err) -> {
                if (err == null) {
                    long now = System.nanoTime();
                    committed.put(seq, now);
                    committedCount.incrementAndGet();
                    lastCommit.accumulateAndGet(now, Math::max);
                } else {
                    Logger.error("event=sim_insert_failed device={} error=\"{}\"", deviceId, err.getMessage());
                }
            }));
        }
        futures.forEach(java.util.concurrent.CompletableFuture::join);
    }

    /** One thread submits records round robin at the aggregate rate (submit does not block on the commit). */
    private void producePaced(
            List<OutboxSync> stacks,
            List<Map<Long, Long>> commitTimes,
            RecordTime time0,
            AtomicLong lastCommit,
            long start) {
        long total = (long) devices * recordsPerDevice;
        for (long k = 0; k < total; k++) {
            long due = start + (long) (k * 1e9 / ratePerSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int d = (int) (k % devices);
            int n = (int) (k / devices);
            Map<Long, Long> committed = commitTimes.get(d);
            RecordTime time = new RecordTime(time0.wall().plusMillis(n), true, time0.bootId(), n);
            stacks.get(d).outbox().submit(record(d, n, time)).whenComplete((seq, err) -> {
                if (err == null) {
                    long now = System.nanoTime();
                    committed.put(seq, now);
                    committedCount.incrementAndGet();
                    lastCommit.accumulateAndGet(now, Math::max);
                }
            });
        }
    }

    private void onAck(
            Ack ack,
            Map<Long, Long> committed,
            long[] latencies,
            AtomicLong count,
            AtomicLong ackedHere,
            AtomicLong lastAck,
            CountDownLatch allAcked) {
        long now = System.nanoTime();
        for (Ack.SeqRange r : ack.stored()) {
            for (long s = r.from(); s <= r.to(); s++) {
                Long t = committed.remove(s);
                if (t != null) {
                    int idx = (int) count.getAndIncrement();
                    if (idx < latencies.length) {
                        latencies[idx] = now - t;
                    }
                    if (ackedHere.incrementAndGet() == recordsPerDevice) {
                        lastAck.accumulateAndGet(now, Math::max);
                        allAcked.countDown();
                    }
                }
            }
        }
    }

    private void awaitConnected(List<OutboxSync> stacks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (stacks.stream().allMatch(s -> s.sync().isConnected())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not all simulated devices connected to " + brokerUrl + " within 60 s");
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static final String[] TEXTS = {
        "i paid the deposit two weeks ago and nobody can tell me when the car will be delivered i have asked three times already",
        "we have been waiting forty minutes for someone to help us with the test drive this is really not acceptable for a dealership",
        "the price on the website was lower than what the advisor quoted and now there is a five hundred dollar documentation fee",
        "thanks for coming in today the blue one is in stock and we can arrange the financing with a lower down payment for you",
    };

    String deviceId(int deviceIndex) {
        return String.format(Locale.ROOT, "%s-%04d", extras.devicePrefix(), deviceIndex);
    }

    String siteOf(int deviceIndex) {
        return extras.sites() == 1
                ? site
                : String.format(java.util.Locale.ROOT, "%s-%02d", site, deviceIndex % extras.sites());
    }

    /** Record {@code n} of device {@code d}: an utterance, or the conversation's summary (see {@link Extras}). */
    io.vocedge.protocol.UpRecord record(int d, int n, RecordTime time) {
        String deviceId = deviceId(d);
        if (extras.attentionShare() <= 0 || n % CONVERSATION_RECORDS != CONVERSATION_RECORDS - 1) {
            return syntheticUtterance(deviceId, n, time);
        }
        long g = (long) (n / CONVERSATION_RECORDS) * devices + d; // conversations in fleet order, device by device
        boolean attention = Math.floor((g + 1) * extras.attentionShare()) > Math.floor(g * extras.attentionShare());
        return syntheticSummary(deviceId, n, time, attention);
    }

    static io.vocedge.protocol.ConversationSummary syntheticSummary(
            String deviceId, int n, RecordTime time, boolean attention) {
        var started = time.wall().minusSeconds(60);
        return new io.vocedge.protocol.ConversationSummary(
                deviceId,
                0,
                time,
                "sim-conv-" + (n / CONVERSATION_RECORDS),
                started,
                time.wall(),
                60_000,
                "silence",
                CONVERSATION_RECORDS - 1,
                Map.of("customer", 30_000L, "staff", 25_000L),
                Map.of("delivery", 3),
                Map.of("customer", new Sentiment(SentimentLabel.NEGATIVE, -0.6)),
                attention ? 0.2 : 0.7,
                new io.vocedge.protocol.ConversationSummary.Compliance(true, !attention, true),
                new io.vocedge.protocol.ConversationSummary.Attention(
                        attention, attention ? "negative overall experience (simulated)" : null),
                List.of(),
                "sim-1");
    }

    /** About 600 bytes of JSON each, like a real analysed utterance. */
    static Utterance syntheticUtterance(String deviceId, int n, RecordTime time) {
        String text = TEXTS[n % TEXTS.length];
        return new Utterance(
                deviceId,
                0,
                time,
                "sim-conv-" + (n / CONVERSATION_RECORDS),
                "en",
                n % 2 == 0 ? SpeakerRole.CUSTOMER : SpeakerRole.STAFF,
                text,
                n * 3000L,
                n * 3000L + 2500,
                0.9,
                List.of(),
                List.of(new TopicHit("delivery", List.of(new TopicHit.Evidence("delivered", 18)), null)),
                new Sentiment(SentimentLabel.NEGATIVE, -0.6),
                List.of(),
                "sim-1",
                "simulator");
    }
}
