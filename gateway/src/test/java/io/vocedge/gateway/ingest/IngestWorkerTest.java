package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Batch;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store worker on a real SQLite store with a recording MQTT port: the topic is parsed once at the door
 * ({@link IngestMessage#arrived}) and everything after it - validation, dead letters, the ack topic - uses that
 * address; a topic that does not parse is dead-lettered with the reason and still PUBACKed (never redelivered forever).
 */
class IngestWorkerTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final RecordingPort port = new RecordingPort();
    private JdbcVocStore store;
    private IngestWorker worker;
    private IngestMetrics metrics;

    static final class RecordingPort implements MqttPort {
        final List<String> published = new ArrayList<>();
        final List<byte[]> payloads = new ArrayList<>();
        final List<IngestMessage> completed = new ArrayList<>();

        @Override
        public boolean publish(String topic, byte[] payload, boolean retained) {
            published.add(topic);
            payloads.add(payload);
            return true;
        }

        @Override
        public void complete(IngestMessage message) {
            completed.add(message);
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    @BeforeEach
    void open() throws Exception {
        store = JdbcVocStore.open(GatewayConfig.defaults(dir).store(), "gw-test");
        DeviceRegistry registry = new DeviceRegistry(store, false);
        SchemaValidator schemas = new SchemaValidator();
        metrics = new IngestMetrics(new SimpleMeterRegistry());
        worker = new IngestWorker(
                16,
                8,
                1024 * 1024,
                new BatchValidator(json, schemas, registry),
                schemas,
                registry,
                store,
                port,
                json,
                metrics,
                point -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private byte[] batch(String site, String device, long seq) throws Exception {
        UpRecord u = new Utterance(
                device,
                seq,
                new RecordTime(Instant.parse("2026-11-22T10:00:00Z"), true, "boot", 1000),
                "conv-1",
                "en",
                SpeakerRole.CUSTOMER,
                "the delivery keeps slipping",
                null,
                null,
                0.9,
                List.of(),
                List.of(),
                new Sentiment(SentimentLabel.NEGATIVE, -0.6),
                List.of(),
                "en-1",
                "test");
        return json.writeValueAsBytes(new Batch(device, site, "b-" + seq, Instant.now(), "boot", 2000L, List.of(u)));
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("voc.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void topicsThatDoNotParseAreDeadLetteredWithTheReasonAndStillPubacked() throws Exception {
        byte[] good = batch("site-a", "dev-1", 1);
        List<IngestMessage> in = List.of(
                IngestMessage.arrived("voc/v1/Site A/dev-1/up/records", good, 1, 1, Instant.now()),
                IngestMessage.arrived("voc/v1/site-a/dev-1/up/secrets", good, 2, 1, Instant.now()),
                IngestMessage.arrived("voc/v2/site-a/dev-1/up/records", good, 3, 1, Instant.now()),
                IngestMessage.arrived("voc/v1/site-a/dev-\u001b[2J/up/records", good, 4, 1, Instant.now()));
        assertThat(in).noneMatch(IngestMessage::addressed);

        worker.process(in);

        assertThat(count("SELECT COUNT(*) FROM records")).isZero();
        assertThat(count("SELECT COUNT(*) FROM dead_letters")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%is not voc/v1/{site}/{device}/up/%'"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%is not one the gateway reads%'"))
                .isEqualTo(1);
        // The escape sequence from the topic never reaches a log line or an operator's terminal through the reason.
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%' || char(27) || '%'"))
                .isZero();
        assertThat(metrics.deadLetters("bad_topic")).isEqualTo(4);
        assertThat(port.published).as("no ack for an unaddressable message").isEmpty();
        assertThat(port.completed).hasSize(4);
    }

    @Test
    void aByteIdenticalResendIsAnsweredWithTheStoredAckWithoutStoringItAgain() throws Exception {
        byte[] payload = batch("site-a", "dev-1", 7);
        IngestMessage first = IngestMessage.arrived("voc/v1/site-a/dev-1/up/records", payload, 1, 1, Instant.now());
        worker.process(List.of(first));
        assertThat(count("SELECT COUNT(*) FROM records")).isEqualTo(1);
        assertThat(metrics.stored()).isEqualTo(1);

        IngestMessage copy =
                IngestMessage.arrived("voc/v1/site-a/dev-1/up/records", payload.clone(), 2, 1, Instant.now());
        worker.process(List.of(copy));

        assertThat(metrics.resentBatches.count()).isEqualTo(1);
        assertThat(metrics.duplicates.count()).isZero(); // not even tried against the store
        assertThat(port.published).containsExactly("voc/v1/site-a/dev-1/down/ack", "voc/v1/site-a/dev-1/down/ack");
        Ack a1 = json.readValue(port.payloads.get(0), Ack.class);
        Ack a2 = json.readValue(port.payloads.get(1), Ack.class);
        assertThat(a2).isEqualTo(a1);
        assertThat(a2.batchId()).isEqualTo("b-7");
        assertThat(a2.stored()).containsExactly(new Ack.SeqRange(7, 7));
        assertThat(port.completed).containsExactly(first, copy);
        assertThat(count("SELECT COUNT(*) FROM records")).isEqualTo(1);
    }

    @Test
    void onlyTheSameBytesOnTheSameTopicCountAsACopy() throws Exception {
        byte[] payload = batch("site-a", "dev-1", 7);
        worker.process(List.of(IngestMessage.arrived("voc/v1/site-a/dev-1/up/records", payload, 1, 1, Instant.now())));
        // Same batch id, other content: processed as usual (seq 8 stored).
        byte[] other = new String(batch("site-a", "dev-1", 8), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"b-8\"", "\"b-7\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        worker.process(List.of(IngestMessage.arrived("voc/v1/site-a/dev-1/up/records", other, 2, 1, Instant.now())));
        assertThat(count("SELECT COUNT(*) FROM records WHERE seq = 8")).isEqualTo(1);
        // The same bytes on another device's topic: refused as foreign, not answered from the first device's ack.
        worker.process(List.of(IngestMessage.arrived("voc/v1/site-a/dev-2/up/records", payload, 3, 1, Instant.now())));
        assertThat(metrics.deadLetters("foreign_device")).isEqualTo(1);
        assertThat(metrics.resentBatches.count()).isZero();
        assertThat(port.published).hasSize(2);
    }

    @Test
    void recentBatchesForgetsTheOldestBeyondItsCapacity() {
        RecentBatches r = new RecentBatches(2);
        Ack a = new Ack("d", "b1", List.of(), List.of());
        r.remember("k1", a);
        r.remember("k2", a);
        r.find("k1"); // used: k2 is now the eldest
        r.remember("k3", a);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.find("k2")).isNull();
        assertThat(r.find("k1")).isEqualTo(a);
        assertThat(r.find("k3")).isEqualTo(a);
    }

    @Test
    void theAddressParsedAtTheDoorDecidesDeviceSiteAndAckTopic() throws Exception {
        IngestMessage m = IngestMessage.arrived(
                "voc/v1/site-a/dev-1/up/records", batch("site-a", "dev-1", 7), 5, 1, Instant.now());
        assertThat(m.address()).isEqualTo(new DeviceAddress("site-a", "dev-1", DeviceAddress.Kind.RECORDS));

        worker.process(List.of(m));

        assertThat(count("SELECT COUNT(*) FROM records WHERE device_id = 'dev-1' AND site = 'site-a' AND seq = 7"))
                .isEqualTo(1);
        assertThat(port.published).containsExactly("voc/v1/site-a/dev-1/down/ack");
        assertThat(port.completed).containsExactly(m);
    }

    @Test
    void aBatchPublishedOnAnotherDevicesTopicIsRefusedAsForeign() throws Exception {
        IngestMessage m = IngestMessage.arrived(
                "voc/v1/site-a/dev-2/up/records", batch("site-a", "dev-1", 1), 6, 1, Instant.now());

        worker.process(List.of(m));

        assertThat(count("SELECT COUNT(*) FROM records")).isZero();
        assertThat(metrics.deadLetters("foreign_device")).isEqualTo(1);
        assertThat(port.published).isEmpty();
    }

    @Test
    void kindsAreReadFromTheTopicOnce() {
        assertThat(DeviceAddress.parse("voc/v1/s/d/up/status").kind()).isEqualTo(DeviceAddress.Kind.STATUS);
        assertThat(DeviceAddress.parse("voc/v1/s/d/up/result").kind()).isEqualTo(DeviceAddress.Kind.COMMAND_RESULT);
        IngestMessage bad = IngestMessage.arrived("voc/v1/s/d/down/ack", new byte[0], 1, 1, Instant.now());
        assertThat(bad.addressed()).isFalse();
        assertThat(bad.topicProblem()).contains("expected up/records, up/status or up/result");
    }

    @Test
    void aBacklogIsCommittedInTransactionsBoundedByPayloadBytes() throws Exception {
        List<IngestMessage> backlog = new ArrayList<>();
        for (int seq = 1; seq <= 6; seq++) {
            byte[] payload = batch("site-a", "dev-1", seq);
            backlog.add(IngestMessage.arrived("voc/v1/site-a/dev-1/up/records", payload, seq, 1, Instant.now()));
        }
        long messageBytes = backlog.get(0).payload().length;
        SchemaValidator schemas = new SchemaValidator();
        DeviceRegistry registry = new DeviceRegistry(store, false);
        IngestMetrics capped = new IngestMetrics(new SimpleMeterRegistry());
        // Room for 8 messages by count, but only for 2 by bytes: 6 queued messages make 3 transactions.
        IngestWorker w = new IngestWorker(
                16,
                8,
                2 * messageBytes,
                new BatchValidator(json, schemas, registry),
                schemas,
                registry,
                store,
                port,
                json,
                capped,
                point -> {});
        for (IngestMessage m : backlog) {
            w.offer(m);
        }
        w.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("SELECT COUNT(*) FROM records") == 6 && capped.acks.count() == 6);
        } finally {
            w.close();
        }
        assertThat(capped.commit.count())
                .as("transactions for 6 messages of %d bytes under a %d-byte limit", messageBytes, 2 * messageBytes)
                .isEqualTo(3);
    }
}
