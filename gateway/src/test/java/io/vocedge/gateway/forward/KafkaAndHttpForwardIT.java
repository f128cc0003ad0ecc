package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.testsupport.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
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
 * Both sinks from one outbox against a real Kafka broker (one per class: it is slow to start) and a real signed HTTP
 * receiver: the same events with the same ids reach both; a read_committed consumer sees each once, keyed by device, in
 * device order; {@code forward replay --sink kafka} re-publishes a range with the original ids.
 */
class KafkaAndHttpForwardIT {
    static KafkaBroker kafka;

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

    /** Everything on the prefix's topics, read_committed, until {@code expected} records came or the time is up. */
    static List<ConsumerRecord<String, String>> consume(String prefix, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix + ".") + ".*"));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            // A little longer: anything beyond the expected count (a double publish) must show up too.
            long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < settle) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
            }
        }
        return out;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void bothSinksGetTheSameEventsOnceInOrderAndReplayKeepsTheIds() throws Exception {
        String prefix = "voc-" + UUID.randomUUID().toString().substring(0, 8);
        try (SignedReceiver receiver = new SignedReceiver(HttpForwardIT.SECRET)) {
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Path cfgFile = dir.resolve("gateway.yaml");
            Files.writeString(
                    cfgFile,
                    "gateway_id: gw-k\ndata_dir: " + data + "\nforward:\n  batch_max_events: 16\n"
                            + "  kafka: {bootstrap_servers: \"" + kafka.bootstrapServers() + "\", topic_prefix: "
                            + prefix + "}\n"
                            + "  http: {url: \"" + receiver.url("/in") + "\", secret: \"" + HttpForwardIT.SECRET
                            + "\", retry_min: 50ms,"
                            + " retry_max: 500ms}\n");
            GatewayConfig cfg = GatewayConfig.load(cfgFile, null);
            Set<String> expected = new HashSet<>();
            List<Forwarder> forwarders = new ArrayList<>();
            try (JdbcVocStore store = JdbcVocStore.open(cfg.store(), cfg.gatewayId())) {
                ForwardOutbox outbox = new ForwardOutbox(
                        store.dialect(),
                        cfg.gatewayId(),
                        true,
                        Clock.systemUTC(),
                        () -> forwarders.forEach(Forwarder::wake));
                store.addParticipant(new OutboxParticipant(outbox, () -> {}));
                OutboxStore os = new OutboxStore(store.dataSource(), store.dialect());
                for (Sink s : List.of(
                        new KafkaSink(cfg.forward().kafka(), cfg.gatewayId()),
                        new HttpSink(cfg.forward().http(), cfg.gatewayId(), Clock.systemUTC()))) {
                    Forwarder f = new Forwarder(
                            os,
                            s,
                            16,
                            1 << 20,
                            Duration.ofMillis(50),
                            Duration.ofDays(1),
                            point -> {},
                            Clock.systemUTC(),
                            new SimpleMeterRegistry());
                    forwarders.add(f);
                    f.start();
                }
                try {
                    for (long seq = 1; seq <= 30; seq++) {
                        StoreTransaction tx = new StoreTransaction();
                        for (String d : List.of("dev-a", "dev-b", "dev-c")) {
                            tx.add(ForwardOutboxIT.record(d, seq, seq % 10 == 0 ? "conversation" : "utterance"));
                            expected.add(ForwardEvent.recordEventId(d, seq));
                            if (seq == 15) {
                                String json = "{\"schema\":\"voc.status/1\",\"device\":\"" + d + "\"}";
                                tx.add(new StatusUpdate(d, "s1", true, "1.0", 0L, Instant.now(), json));
                                expected.add(ForwardEvent.nameId("status:" + d + ":" + json));
                            }
                        }
                        store.commit(tx);
                    }
                    await().atMost(Duration.ofSeconds(90))
                            .until(() -> os.lag("kafka").events() == 0
                                    && os.lag("http").events() == 0);
                } finally {
                    forwarders.forEach(Forwarder::close);
                }
            }
            List<ConsumerRecord<String, String>> got = consume(prefix, expected.size());
            Map<String, Integer> byId = new HashMap<>();
            Map<String, List<Long>> order = new HashMap<>();
            for (ConsumerRecord<String, String> r : got) {
                String id = header(r, KafkaSink.HEADER_EVENT_ID);
                byId.merge(id, 1, Integer::sum);
                order.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(Long.parseLong(header(r, KafkaSink.HEADER_DEVICE_SEQ)));
                assertThat(r.topic()).isEqualTo(prefix + "." + header(r, KafkaSink.HEADER_KIND));
                assertThat(header(r, KafkaSink.HEADER_SCHEMA))
                        .isEqualTo("voc." + header(r, KafkaSink.HEADER_KIND) + "/1");
            }
            assertThat(byId.keySet()).isEqualTo(expected);
            assertThat(byId.values()).allMatch(n -> n == 1);
            // Per device and topic (one partition per key): in the device's sequence.
            Map<String, Map<String, List<Long>>> perTopic = new HashMap<>();
            for (ConsumerRecord<String, String> r : got) {
                perTopic.computeIfAbsent(r.key(), k -> new HashMap<>())
                        .computeIfAbsent(r.topic(), k -> new ArrayList<>())
                        .add(Long.parseLong(header(r, KafkaSink.HEADER_DEVICE_SEQ)));
            }
            perTopic.forEach((device, topics) -> topics.forEach((topic, seqs) ->
                    assertThat(seqs).as("%s on %s", device, topic).isSorted()));
            assertThat(order.keySet()).containsExactlyInAnyOrder("dev-a", "dev-b", "dev-c");
            // The HTTP receiver got the same event ids.
            assertThat(receiver.events.keySet()).isEqualTo(expected);
            assertThat(receiver.badSignatures.get()).isZero();

            ForwardCommandIT.Run replay = ForwardCommandIT.run(
                    "forward",
                    "replay",
                    "--config",
                    cfgFile.toString(),
                    "--since",
                    "1h",
                    "--kind",
                    "conversation",
                    "--sink",
                    "kafka");
            assertThat(replay.code()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("kafka: replayed 9 event(s)");
            List<ConsumerRecord<String, String>> after = consume(prefix, expected.size() + 9);
            Map<String, Integer> again = new HashMap<>();
            after.forEach(r -> again.merge(header(r, KafkaSink.HEADER_EVENT_ID), 1, Integer::sum));
            assertThat(again.keySet()).isEqualTo(expected); // no new ids: receivers dedupe the copies away
            assertThat(again.values().stream().filter(n -> n == 2)).hasSize(9);
            assertThat(again.values()).allMatch(n -> n <= 2);
            assertThat(after.stream()
                            .filter(r -> again.get(header(r, KafkaSink.HEADER_EVENT_ID)) == 2)
                            .map(r -> r.topic()))
                    .allMatch(t -> t.equals(prefix + ".conversation"));
        }
    }
}
