package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.TopicHit;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15's optional record fields reach the columns, and the payload keeps the evidence as sent. */
class InsightFieldsTest {
    private final ObjectMapper json = Json.newMapper();
    private final RecordTime time = new RecordTime(Instant.parse("2026-12-02T10:00:00Z"), true, "boot", 10);

    @Test
    void utteranceFlagsEvidenceAndModelVersionAreStored() throws Exception {
        Utterance u = new Utterance(
                "d1",
                7,
                time,
                "c1",
                "en",
                SpeakerRole.CUSTOMER,
                "i want the manager, third failed repair",
                null,
                null,
                null,
                List.of(),
                List.of(new TopicHit(
                        "after_sales",
                        List.of(new TopicHit.Evidence("repair", 6, 2.1)),
                        new Sentiment(SentimentLabel.NEGATIVE, -0.9, 0.93),
                        0.88)),
                new Sentiment(SentimentLabel.NEGATIVE, -0.91, 0.94),
                List.of("escalation"),
                "2026.12.1",
                "mic",
                List.of(new TopicHit.Evidence("[broke again] third", 5, 1.7)),
                Map.of("escalation", List.of(new TopicHit.Evidence("manager", 3, 3.2))),
                "1-abcdef");
        JsonNode node = json.valueToTree(u);
        assertThat(new SchemaValidator().problems(withSchema(node, "voc.utterance/1")))
                .isEmpty();
        StoredRecord r = BatchValidator.toStored(
                json.treeToValue(withSchema(node, "voc.utterance/1"), UpRecord.class),
                node,
                "s1",
                Instant.now(),
                "boot",
                20L);
        assertThat(r.escalation()).isTrue();
        assertThat(r.churnRisk()).isFalse();
        assertThat(r.attention()).isNull();
        assertThat(r.modelVersion()).isEqualTo("1-abcdef");
        assertThat(r.payloadJson())
                .contains("\"sentiment_evidence\"")
                .contains("\"flag_evidence\"")
                .contains("\"weight\":3.2")
                .contains("\"confidence\":0.94");
    }

    @Test
    void summaryFlagCountsAndAttentionAreStoredAndOldRecordsLeaveThemEmpty() throws Exception {
        ConversationSummary c = new ConversationSummary(
                "d1",
                8,
                time,
                "c1",
                null,
                null,
                1000,
                "silence",
                3,
                Map.of(),
                Map.of(),
                Map.of(),
                -0.7,
                new ConversationSummary.Compliance(true, false, true),
                new ConversationSummary.Attention(
                        true, "escalation: customer asked for a manager or threatened a complaint"),
                List.of(),
                "2026.12.1",
                Map.of("escalation", 1),
                "1-abcdef");
        JsonNode node = withSchema(json.valueToTree(c), "voc.conversation/1");
        assertThat(new SchemaValidator().problems(node)).isEmpty();
        StoredRecord r =
                BatchValidator.toStored(json.treeToValue(node, UpRecord.class), node, "s1", Instant.now(), "boot", 20L);
        assertThat(r.escalation()).isTrue();
        assertThat(r.churnRisk()).isFalse();
        assertThat(r.attention()).isTrue();

        Utterance old = new Utterance(
                "d1",
                9,
                time,
                null,
                "en",
                SpeakerRole.STAFF,
                "hello",
                null,
                null,
                null,
                List.of(),
                List.of(),
                Sentiment.neutral(),
                List.of(),
                "2026.11.1",
                "mic");
        JsonNode oldNode = withSchema(json.valueToTree(old), "voc.utterance/1");
        assertThat(oldNode.has("model_version")).isFalse();
        StoredRecord o = BatchValidator.toStored(
                json.treeToValue(oldNode, UpRecord.class), oldNode, "s1", Instant.now(), "boot", 20L);
        assertThat(o.modelVersion()).isNull();
        assertThat(o.escalation()).isFalse();
    }

    private static JsonNode withSchema(JsonNode n, String schema) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("schema", schema);
        return n;
    }
}
