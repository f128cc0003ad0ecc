package io.vocedge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractTest {
    private final ObjectMapper json = Json.newMapper();
    private final SchemaValidator validator = new SchemaValidator();
    private final RecordTime time = new RecordTime(Instant.parse("2026-11-22T10:15:30Z"), true, "boot-1", 1234);

    private Utterance utterance(long seq) {
        return new Utterance(
                "dev-1",
                seq,
                time,
                "conv-1",
                "zh",
                SpeakerRole.CUSTOMER,
                "定金 到 现在 还 没 退",
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
    }

    @Test
    void utteranceRoundTripsAndMatchesItsPublishedSchema() throws Exception {
        String text = json.writeValueAsString(utterance(7));
        JsonNode node = json.readTree(text);
        assertThat(node.get("schema").asText()).isEqualTo("voc.utterance/1");
        assertThat(node.get("device_id").asText()).isEqualTo("dev-1");
        assertThat(node.at("/time/mono_ms").asLong()).isEqualTo(1234);
        assertThat(validator.problems(node)).isEmpty();

        UpRecord back = json.readValue(text, UpRecord.class);
        assertThat(back).isEqualTo(utterance(7));
    }

    @Test
    void everyKindValidatesAgainstItsSchema() throws Exception {
        var summary = new ConversationSummary(
                "dev-1",
                8,
                time,
                "conv-1",
                time.wall(),
                time.wall().plusSeconds(60),
                60_000,
                "silence",
                4,
                Map.of("staff", 20_000L, "customer", 30_000L),
                Map.of("delivery", 2),
                Map.of("customer", new Sentiment(SentimentLabel.NEGATIVE, -0.5)),
                -0.4,
                new ConversationSummary.Compliance(true, false, true),
                new ConversationSummary.Attention(true, "negative customer on delivery"),
                List.of(),
                "en-1");
        var telemetry = new Telemetry("dev-1", 9, time, Map.of("cpu_temp_c", 51.5, "outbox_depth", 3.0));
        var batch = new Batch(
                "dev-1", "site-a", "b-1", time.wall(), "boot-1", 5000L, List.of(utterance(7), summary, telemetry));
        var ack = new Ack("dev-1", "b-1", Ack.ranges(new long[] {7, 8, 9}), List.of(new Ack.Rejected(10, "bad")));
        var status = new Status("dev-1", "site-a", Status.ONLINE, time.wall(), true, "0.1.0", Map.of("muted", false));
        var command = new Command("c-1", "dev-1", "mute", Map.of(), time.wall());
        var result = new CommandResult("c-1", "dev-1", true, "muted", time.wall(), Map.of());
        for (Envelope e : List.<Envelope>of(summary, telemetry, batch, ack, status, command, result)) {
            JsonNode node = json.valueToTree(e);
            assertThat(validator.problems(node)).as(e.schema()).isEmpty();
        }
        for (JsonNode record : json.valueToTree(batch).get("records")) {
            assertThat(validator.problems(record)).isEmpty();
        }
        Batch back = json.readValue(json.writeValueAsString(batch), Batch.class);
        assertThat(back).isEqualTo(batch);
    }

    @Test
    void validatorNamesWhatIsWrong() throws Exception {
        ObjectNode node = json.valueToTree(utterance(1));
        node.remove("text");
        node.put("seq", -4);
        assertThat(validator.problems(node)).get().asString().contains("text").contains("seq");

        node.put("schema", "voc.utterance/9");
        assertThat(validator.problems(node)).get().asString().contains("unknown schema 'voc.utterance/9'");
        node.put("schema", "garbage");
        assertThat(validator.problems(node)).get().asString().contains("malformed schema");
        node.remove("schema");
        assertThat(validator.problems(node)).get().asString().contains("missing 'schema'");
    }

    @Test
    void minorAdditionsAreAccepted() throws Exception {
        ObjectNode node = json.valueToTree(utterance(1));
        node.put("some_future_optional_field", 3);
        assertThat(validator.problems(node)).isEmpty();
        assertThat(json.treeToValue(node, UpRecord.class)).isEqualTo(utterance(1));
    }

    @Test
    void topicsRoundTripAndRejectForeignShapes() {
        String t = Topics.records("site-a", "dev-1");
        assertThat(t).isEqualTo("voc/v1/site-a/dev-1/up/records");
        assertThat(Topics.parse(t)).isEqualTo(new Topics.DeviceTopic("site-a", "dev-1", "up/records"));
        assertThatThrownBy(() -> Topics.parse("voc/v2/a/b/up/records")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Topics.records("Site A", "dev"))
                .hasMessageContaining("site 'Site A' is not a valid id");
    }

    @Test
    void ackRangesCompressSequences() {
        assertThat(Ack.ranges(new long[] {5, 1, 2, 3, 9, 10, 3}))
                .containsExactly(new Ack.SeqRange(1, 3), new Ack.SeqRange(5, 5), new Ack.SeqRange(9, 10));
    }

    @Test
    void priorityFollowsEvictionPolicy() {
        var lowValue = new Utterance(
                "d", 1, time, null, "en", null, "ok", null, null, null, null, null, null, null, null, null);
        assertThat(lowValue.priority()).isEqualTo(RecordPriority.LOW_VALUE_UTTERANCE);
        assertThat(utterance(1).priority()).isEqualTo(RecordPriority.UTTERANCE);
        assertThat(RecordPriority.TELEMETRY.rank()).isLessThan(RecordPriority.CONVERSATION_SUMMARY.rank());
    }
}
