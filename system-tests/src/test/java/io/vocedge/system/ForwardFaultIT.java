package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.testsupport.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarding fault tests with real processes (issue 18): gateway jars on a real Mosquitto and PostgreSQL, device
 * agents as jars, a real Kafka broker (KRaft, its own process). Every test ends the same way: the store holds each
 * device's records 1..last once, the forwarding outbox has drained, and a {@code read_committed} consumer that drops
 * copies by event id (the documented dedupe rule) sees every outbox event once, in per-device order; copies exist only
 * where a gateway was killed between its Kafka commit and its store commit.
 */
class ForwardFaultIT {
    private static final long BIG_OUTBOX = 64L * 1024 * 1024;
    private static final int BATCH_MAX_EVENTS = 64;
    private static KafkaBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<String> forwardYaml(String prefix) {
        return List.of(
                "forward:",
                "  batch_max_events: " + BATCH_MAX_EVENTS,
                "  kafka: {bootstrap_servers: \"" + kafka.bootstrapServers() + "\", topic_prefix: " + prefix + "}");
    }

    /** Events in the outbox not yet published to the Kafka sink (-1 while the tables do not exist yet). */
    private static long kafkaLag(Scenario s) {
        return s.store.countSafely(
                "SELECT COALESCE(SUM(d.last_dseq - COALESCE(c.sent_dseq, 0)), 0) FROM forward_device d"
                        + " LEFT JOIN forward_cursor c ON c.sink = 'kafka' AND c.device_key = d.device_key");
    }

    private static long stored(Scenario s) {
        return s.store.countSafely("SELECT COUNT(*) FROM records");
    }

    /** Gateway kill -9 at random moments, three times, while two devices produce and the gateway forwards. */
    @Test
    void gatewayKilledRepeatedlyWhileForwarding() throws Exception {
        String prefix = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (Scenario s = new Scenario(dir)) {
            JarProcess g = s.startGateway(s.gateway("g1", Map.of(), forwardYaml(prefix)), "g1");
            JarProcess a = s.device("dev-a", s.replayFile("a", 1500), 300, BIG_OUTBOX, true)
                    .start();
            JarProcess b = s.device("dev-b", s.replayFile("b", 1500), 300, BIG_OUTBOX, true)
                    .start();
            for (int i = 0; i < 3; i++) {
                // A random point in the stream: after 50-400 more stored records (ingest and forwarding both busy).
                long target = Math.max(0, stored(s)) + 50 + random.nextInt(350);
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> stored(s) >= target);
                assertThat(a.isAlive() || b.isAlive())
                        .as("kill %d while the devices produce (seed %d)", i, seed)
                        .isTrue();
                g.kill9();
                g = s.startGateway(s.gateway("g1", Map.of(), forwardYaml(prefix)), "g1");
            }
            assertThat(a.waitForExit(Duration.ofSeconds(180)))
                    .as("seed %d; %s", seed, a.logText())
                    .isZero();
            assertThat(b.waitForExit(Duration.ofSeconds(180)))
                    .as("seed %d; %s", seed, b.logText())
                    .isZero();
            assertStoreAndKafkaAgree(s, prefix, List.of("dev-a", "dev-b"), 3);
        }
    }

    /** Kafka stopped for a minute while devices keep producing; the outbox holds the events and drains afterwards. */
    @Test
    void kafkaDownForAMinuteWhileDevicesKeepProducing() throws Exception {
        String prefix = "down-" + UUID.randomUUID().toString().substring(0, 8);
        try (Scenario s = new Scenario(dir)) {
            s.startGateway(s.gateway("g1", Map.of(), forwardYaml(prefix)), "g1");
            JarProcess a = s.device("dev-a", s.replayFile("a", 1500), 20, BIG_OUTBOX, true)
                    .start();
            await().atMost(Duration.ofSeconds(120)).until(() -> stored(s) >= 100 && kafkaLag(s) == 0);
            kafka.stop();
            long storedAtStop = stored(s);
            try {
                // The outage itself is the fault (a minute), not a synchronisation wait.
                Thread.sleep(60_000);
                assertThat(a.isAlive()).as("device still producing").isTrue();
                assertThat(stored(s) - storedAtStop)
                        .as("gateway kept storing and acking without Kafka")
                        .isGreaterThan(200);
                assertThat(kafkaLag(s)).as("events waiting in the outbox").isGreaterThan(200);
            } finally {
                kafka.startAgain();
            }
            assertThat(a.waitForExit(Duration.ofSeconds(180))).as(a.logText()).isZero();
            // A commit the broker took while its answer was lost on the way down is published again: one batch at most.
            assertStoreAndKafkaAgree(s, prefix, List.of("dev-a"), 1);
        }
    }

    /** Three gateways on one PostgreSQL share the subscription and the forwarding; one is killed mid-run. */
    @Test
    void threeGatewaysShareForwardingAndOneIsKilledMidRun() throws Exception {
        String prefix = "three-" + UUID.randomUUID().toString().substring(0, 8);
        try (Scenario s = new Scenario(dir)) {
            JarProcess g1 = s.startGateway(s.gateway("g1", Map.of(), forwardYaml(prefix)), "g1");
            s.startGateway(s.gateway("g2", Map.of(), forwardYaml(prefix)), "g2");
            s.startGateway(s.gateway("g3", Map.of(), forwardYaml(prefix)), "g3");
            List<String> devices = List.of("dev-a", "dev-b", "dev-c");
            List<JarProcess> running = new ArrayList<>();
            for (String d : devices) {
                running.add(s.device(d, s.replayFile(d, 1200), 200, BIG_OUTBOX, true)
                        .start());
            }
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> stored(s) >= 900);
            g1.kill9();
            for (JarProcess d : running) {
                assertThat(d.waitForExit(Duration.ofSeconds(180)))
                        .as(d.logText())
                        .isZero();
            }
            assertThat(s.store.count("SELECT COUNT(DISTINCT gateway_id) FROM forward_outbox"))
                    .as("gateways that stored")
                    .isGreaterThanOrEqualTo(2);
            assertStoreAndKafkaAgree(s, prefix, devices, 1);
        }
    }

    /**
     * The forwarding contract of protocol/README.md ("Event ids, ordering and the dedupe rule"): delivery is at least
     * once, and a copy beyond the first can only come from a publish whose recording was lost - a gateway killed between
     * its Kafka commit and its store commit, or a commit whose answer was lost. So: the ids in Kafka are exactly the
     * outbox's; every copy of an id carries the same payload; at most {@code lostRecordings} batches were published
     * twice; and with copies dropped by id (what a consumer following the dedupe rule does) each device's events come
     * in order.
     */
    private void assertStoreAndKafkaAgree(Scenario s, String prefix, List<String> devices, int lostRecordings)
            throws Exception {
        for (String d : devices) {
            s.assertStoreHoldsExactly(d, s.outbox(d).lastSeq(), Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> kafkaLag(s) == 0);
        List<String> outboxIds = s.store.strings("SELECT event_id FROM forward_outbox");
        assertThat(outboxIds).doesNotHaveDuplicates();
        long recordEvents = s.store.count(
                "SELECT COUNT(*) FROM forward_outbox WHERE kind IN ('utterance', 'conversation', 'telemetry')");
        assertThat(recordEvents)
                .as("one outbox event per stored record")
                .isEqualTo(s.store.count("SELECT COUNT(*) FROM records"));

        List<ConsumerRecord<String, String>> got = consume(prefix, outboxIds.size());
        Map<String, String> payloadById = new HashMap<>();
        List<String> copies = new ArrayList<>();
        Map<String, List<Long>> dseqsPerKeyAndTopic = new HashMap<>();
        for (ConsumerRecord<String, String> r : got) {
            String id = header(r, "voc-event-id");
            String first = payloadById.putIfAbsent(id, r.value());
            if (first != null) {
                assertThat(r.value())
                        .as("a copy of event %s carries the payload of the first", id)
                        .isEqualTo(first);
                copies.add(id + " (" + r.key() + " seq " + header(r, "voc-device-seq") + ")");
                continue;
            }
            dseqsPerKeyAndTopic
                    .computeIfAbsent(r.key() + " on " + r.topic(), k -> new ArrayList<>())
                    .add(Long.parseLong(header(r, "voc-device-seq")));
        }
        Set<String> missing = new TreeSet<>(outboxIds);
        missing.removeAll(payloadById.keySet());
        Set<String> unknown = new TreeSet<>(payloadById.keySet());
        unknown.removeAll(new HashSet<>(outboxIds));
        assertThat(missing)
                .as("outbox events never seen in Kafka (of %d, %d records read)", outboxIds.size(), got.size())
                .isEmpty();
        assertThat(unknown).as("Kafka events the outbox does not hold").isEmpty();
        assertThat(copies)
                .as("events published twice: only a batch whose recording was lost, at most %d of them", lostRecordings)
                .hasSizeLessThanOrEqualTo(lostRecordings * BATCH_MAX_EVENTS);
        dseqsPerKeyAndTopic.forEach(
                (k, seqs) -> assertThat(seqs).as("order of %s", k).isSorted());
        for (String d : devices) {
            assertThat(dseqsPerKeyAndTopic.keySet()).as("%s forwarded", d).anyMatch(k -> k.startsWith(d + " on "));
        }
    }

    /** Everything on the prefix's topics, read_committed, until {@code expected} distinct ids came, then a little longer. */
    private static List<ConsumerRecord<String, String>> consume(String prefix, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(Pattern.compile(Pattern.quote(prefix + ".") + ".*"));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ids.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    out.add(r);
                    ids.add(header(r, "voc-event-id"));
                }
            }
            // A double publish would show up beyond the expected count: keep reading a few seconds.
            long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < settle) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
