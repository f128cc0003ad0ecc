package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.vocedge.gateway.forward.ForwardEvent;
import io.vocedge.gateway.forward.ForwardOutbox;
import io.vocedge.gateway.forward.HttpSink;
import io.vocedge.gateway.forward.OutboxParticipant;
import io.vocedge.gateway.forward.OutboxRow;
import io.vocedge.gateway.forward.OutboxStore;
import io.vocedge.gateway.store.StoreSettings;
import io.vocedge.protocol.Batch;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Telemetry;
import io.vocedge.protocol.TopicHit;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the central platform receives validates against the published schemas: a device's real batch (utterance,
 * conversation summary, telemetry) and status go through the real ingest worker into the store and the forwarding
 * outbox; every forwarded payload validates against the schema its event names, and the HTTP sink's batch body against
 * voc.forward-batch-1.json. (Alert and case payloads: {@code AlertForwardIT}.)
 */
class ForwardedPayloadsIT {
    @TempDir
    Path dir;

    @Test
    void everyForwardedPayloadAndTheHttpBatchBodyValidate() throws Exception {
        StoreSettings s = new StoreSettings("sqlite", dir.resolve("voc.db"), null, null, null, 1);
        try (WorkerHarness h = new WorkerHarness(s, false)) {
            h.store.addParticipant(new OutboxParticipant(
                    new ForwardOutbox(h.store.dialect(), "gw-test", true, Clock.systemUTC(), () -> {}), () -> {}));
            RecordTime t = new RecordTime(Instant.parse("2026-11-22T10:15:30Z"), true, "boot-1", 1234);
            Utterance u = new Utterance(
                    "dev-1",
                    1,
                    t,
                    "conv-1",
                    "zh",
                    SpeakerRole.CUSTOMER,
                    "定金 到 现在 还 没 退 [phone]",
                    100L,
                    2100L,
                    0.91,
                    List.of("phone"),
                    List.of(new TopicHit(
                            "deposit_contract",
                            List.of(new TopicHit.Evidence("定金", 0)),
                            new Sentiment(SentimentLabel.NEGATIVE, -0.7))),
                    new Sentiment(SentimentLabel.NEGATIVE, -0.7),
                    List.of(),
                    "zh-1.0",
                    "replay");
            ConversationSummary c = new ConversationSummary(
                    "dev-1",
                    2,
                    t,
                    "conv-1",
                    t.wall(),
                    t.wall().plusSeconds(60),
                    60_000,
                    "silence",
                    1,
                    Map.of("customer", 2_000L),
                    Map.of("deposit_contract", 1),
                    Map.of("customer", new Sentiment(SentimentLabel.NEGATIVE, -0.7)),
                    -0.6,
                    new ConversationSummary.Compliance(true, false, true),
                    new ConversationSummary.Attention(true, "negative customer on deposit_contract"),
                    List.of(),
                    "zh-1.0");
            Telemetry tel = new Telemetry("dev-1", 3, t, Map.of("cpu_temp_c", 51.5, "outbox_depth", 0.0));
            byte[] batch = h.json.writeValueAsBytes(
                    new Batch("dev-1", "site-a", "b-1", Instant.now(), "boot-1", 5000L, List.<UpRecord>of(u, c, tel)));
            byte[] status = h.json.writeValueAsBytes(
                    new Status("dev-1", "site-a", Status.ONLINE, Instant.now(), true, "0.1.0", Map.of("muted", false)));
            h.worker.process(List.of(
                    IngestMessage.arrived("voc/v1/site-a/dev-1/up/records", batch, 1, 1, Instant.now()),
                    IngestMessage.arrived("voc/v1/site-a/dev-1/up/status", status, 2, 1, Instant.now())));

            OutboxStore os = new OutboxStore(h.store.dataSource(), h.store.dialect());
            List<OutboxRow> rows =
                    os.range(Instant.EPOCH, Instant.now().plus(Duration.ofMinutes(1)), null, null, 0, 100);
            assertThat(rows)
                    .extracting(OutboxRow::kind)
                    .containsExactly("utterance", "conversation", "telemetry", "status");
            assertThat(rows.get(0).eventId()).isEqualTo(ForwardEvent.recordEventId("dev-1", 1));
            SchemaValidator schemas = new SchemaValidator();
            for (OutboxRow r : rows) {
                JsonNode p = h.json.readTree(r.payload());
                assertThat(schemas.problems(SchemaId.parse(r.schemaId()), p))
                        .as(r.kind())
                        .isEmpty();
            }
            Set<String> kinds = rows.stream().map(OutboxRow::kind).collect(Collectors.toSet());
            assertThat(ForwardEvent.KINDS).containsAll(kinds);

            JsonSchema batchSchema;
            try (InputStream in = SchemaValidator.class.getResourceAsStream(
                    SchemaValidator.resourceName(new SchemaId("voc.forward-batch", 1)))) {
                batchSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(in);
            }
            byte[] body = HttpSink.body(HttpSink.batchId(rows), "gw-test", Instant.now(), rows);
            assertThat(batchSchema.validate(h.json.readTree(body))).isEmpty();
            // The schema has teeth: an event without its id is refused.
            String broken =
                    new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\"id\":\"[^\"]+\",", "");
            assertThat(batchSchema.validate(h.json.readTree(broken))).isNotEmpty();
        }
    }
}
