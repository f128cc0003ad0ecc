package io.vocedge.gateway.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreSettings;
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
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

/**
 * A started store worker on a real store with a recording MQTT port (acks published, PUBACKs completed), and the
 * record batches tests feed it. Close it after the test.
 */
final class WorkerHarness implements AutoCloseable {
    final ObjectMapper json = Json.newMapper();
    final List<byte[]> acks = new CopyOnWriteArrayList<>();
    final List<IngestMessage> completed = new CopyOnWriteArrayList<>();
    final JdbcVocStore store;
    final DeviceRegistry registry;
    final IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    final IngestWorker worker;

    WorkerHarness(StoreSettings settings, boolean strictRegistry) throws Exception {
        store = JdbcVocStore.open(settings, "gw-test");
        registry = new DeviceRegistry(store, strictRegistry);
        registry.refresh();
        SchemaValidator schemas = new SchemaValidator();
        MqttPort port = new MqttPort() {
            @Override
            public boolean publish(String topic, byte[] payload, boolean retained) {
                acks.add(payload);
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
        };
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
        worker.start();
    }

    /** A batch of utterances {@code from..to} of {@code device} at site-a; seq 2 says {@code textOfSeq2} if given. */
    IngestMessage batch(String device, long from, long to, String textOfSeq2) throws IOException {
        List<UpRecord> records = LongStream.rangeClosed(from, to)
                .mapToObj(seq -> (UpRecord) new Utterance(
                        device,
                        seq,
                        new RecordTime(
                                Instant.parse("2026-11-22T10:00:00Z").plusSeconds(seq), true, "boot", seq * 1000),
                        "conv-1",
                        "en",
                        SpeakerRole.CUSTOMER,
                        seq == 2 && textOfSeq2 != null ? textOfSeq2 : "the delivery keeps slipping " + seq,
                        null,
                        null,
                        0.9,
                        List.of(),
                        List.of(),
                        new Sentiment(SentimentLabel.NEGATIVE, -0.6),
                        List.of(),
                        "en-1",
                        "test"))
                .toList();
        byte[] payload = json.writeValueAsBytes(new Batch(
                device, "site-a", "b-" + device + "-" + from, Instant.now(), "boot", to * 1000 + 10, records));
        return IngestMessage.arrived("voc/v1/site-a/" + device + "/up/records", payload, (int) from, 1, Instant.now());
    }

    Ack ack(int i) throws IOException {
        return json.readValue(acks.get(i), Ack.class);
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        worker.close();
        store.close();
    }
}
