package io.vocedge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The precheck may only say "valid" where the interpreted JSON Schema validator says so too: over every field of a
 * realistic document of each kind, replaced by values of every type and at every limit, removed, or joined by extra
 * fields, "precheck accepts" must imply "interpreter finds no problem". And it must accept the valid documents,
 * else it saves nothing.
 */
class SchemaPrecheckTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectMapper json = Json.newMapper();
    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void everySchemaOfThisBuildCompiles() {
        for (SchemaId id : SchemaValidator.KNOWN) {
            assertThat(validator.precompiled(id)).as(id.toString()).isTrue();
        }
    }

    @Test
    void acceptsOnlyWhatTheInterpreterAccepts() throws Exception {
        int mutants = 0;
        int acceptedByBoth = 0;
        int rejectedByInterpreter = 0;
        for (JsonNode doc : samples()) {
            SchemaId id = SchemaId.parse(doc.get("schema").asText());
            SchemaPrecheck precheck = precheck(id);
            assertThat(validator.interpretedProblems(id, doc))
                    .as(doc.toString())
                    .isEmpty();
            assertThat(precheck.accepts(doc)).as("valid %s", id).isTrue();
            for (JsonNode mutant : mutants(doc)) {
                mutants++;
                boolean interpreted = validator.interpretedProblems(id, mutant).isEmpty();
                if (precheck.accepts(mutant)) {
                    assertThat(interpreted)
                            .as("precheck accepted what the interpreter rejects: %s", mutant)
                            .isTrue();
                    acceptedByBoth++;
                }
                if (!interpreted && doc.get("schema").equals(mutant.get("schema"))) {
                    rejectedByInterpreter++;
                    // and the public verdict is the interpreter's, word for word
                    assertThat(validator.problems(mutant)).isEqualTo(validator.interpretedProblems(id, mutant));
                }
            }
        }
        // the mutations reach both sides: many invalid documents, and many still-valid ones the precheck passes
        assertThat(mutants).isGreaterThan(5_000);
        assertThat(rejectedByInterpreter).isGreaterThan(1_000);
        assertThat(acceptedByBoth).isGreaterThan(1_000);
    }

    @Test
    void dateTimesOnlyInTheFormDevicesSend() {
        assertThat(SchemaPrecheck.isUtcDateTime("2026-11-22T10:15:30Z")).isTrue();
        assertThat(SchemaPrecheck.isUtcDateTime("2024-02-29T23:59:59.123456789Z"))
                .isTrue();
        assertThat(SchemaPrecheck.isUtcDateTime("2026-02-29T10:15:30Z")).isFalse();
        assertThat(SchemaPrecheck.isUtcDateTime("2026-11-22T10:15:60Z")).isFalse();
        assertThat(SchemaPrecheck.isUtcDateTime("2026-11-22T10:15:30+01:00")).isFalse();
        assertThat(SchemaPrecheck.isUtcDateTime("2026-11-22 10:15:30Z")).isFalse();
    }

    private SchemaPrecheck precheck(SchemaId id) throws Exception {
        try (var in = SchemaValidator.class.getResourceAsStream(SchemaValidator.resourceName(id))) {
            return SchemaPrecheck.compile(json.readTree(in)).orElseThrow();
        }
    }

    private List<JsonNode> samples() throws Exception {
        RecordTime time = new RecordTime(Instant.parse("2026-11-22T10:15:30Z"), true, "boot-1", 1234);
        ObjectNode utterance = (ObjectNode) json.readTree("""
                {"schema":"voc.utterance/1","device_id":"dev-1","seq":7,
                 "time":{"wall":"2026-11-22T10:15:30.123Z","synced":false,"boot_id":"boot-1","mono_ms":1234},
                 "conversation_id":"conv-1","lang":"zh","speaker":"customer","text":"定金 到 现在 还 没 退",
                 "start_ms":100,"end_ms":2100,"asr_confidence":0.91,"redactions":["phone"],
                 "topics":[{"id":"deposit_contract","evidence":[{"term":"定金","pos":0,"weight":1.5}],
                            "sentiment":{"label":"negative","score":-0.7,"confidence":0.8},"confidence":0.9}],
                 "sentiment":{"label":"negative","score":-0.7},"flags":["escalation"],"lexicon_version":"zh-1.0",
                 "source":"replay","sentiment_evidence":[{"term":"没","pos":3}],
                 "flag_evidence":{"escalation":[{"term":"退","pos":5,"weight":0.4}]},"model_version":"1-abc"}
                """);
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
        ObjectNode batch = json.valueToTree(
                new Batch("dev-1", "site-a", "b-1", time.wall(), "boot-1", 5000L, List.of(summary, telemetry)));
        ((ArrayNode) batch.get("records")).insert(0, utterance.deepCopy());
        var ack = new Ack("dev-1", "b-1", Ack.ranges(new long[] {7, 8, 9}), List.of(new Ack.Rejected(10, "bad")));
        var status = new Status("dev-1", "site-a", Status.ONLINE, time.wall(), true, "0.1.0", Map.of("muted", false));
        var command = new Command("c-1", "dev-1", "mute", Map.of("for_s", "60"), time.wall());
        var result = new CommandResult("c-1", "dev-1", true, "muted", time.wall(), Map.of("n", 1));
        List<JsonNode> out = new ArrayList<>(List.of(utterance, batch));
        for (Object o : List.of(summary, telemetry, ack, status, command, result)) {
            out.add(json.valueToTree(o));
        }
        return out;
    }

    /** Every single-point change of {@code doc}: each node replaced by each odd value, removed, extended. */
    private static List<JsonNode> mutants(JsonNode doc) {
        List<JsonPointer> paths = new ArrayList<>();
        collect(doc, JsonPointer.empty(), paths);
        List<JsonNode> out = new ArrayList<>();
        for (JsonPointer p : paths) {
            if (p.matches()) {
                continue; // the root itself
            }
            JsonNode here = doc.at(p);
            for (JsonNode v : oddValues()) {
                out.add(replace(doc, p, v));
            }
            out.add(remove(doc, p));
            if (here.isArray() && !here.isEmpty()) {
                for (int n : new int[] {0, 16, 17, 64, 65, 500, 501}) {
                    ArrayNode grown = F.arrayNode();
                    for (int i = 0; i < n; i++) {
                        grown.add(here.get(0).deepCopy());
                    }
                    out.add(replace(doc, p, grown));
                }
            }
            if (here.isObject()) {
                for (JsonNode v : List.<JsonNode>of(F.numberNode(1), F.textNode("x"), F.arrayNode(), F.nullNode())) {
                    JsonNode m = doc.deepCopy();
                    ((ObjectNode) m.at(p)).set("zz_extra", v);
                    out.add(m);
                }
                JsonNode many = doc.deepCopy();
                for (int i = 0; i < 17; i++) {
                    ((ObjectNode) many.at(p)).set("k" + i, here.isEmpty() ? F.numberNode(i) : firstValue(here));
                }
                out.add(many);
            }
        }
        return out;
    }

    private static JsonNode firstValue(JsonNode object) {
        return object.elements().next().deepCopy();
    }

    private static void collect(JsonNode n, JsonPointer at, List<JsonPointer> out) {
        out.add(at);
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                collect(n.get(f), at.appendProperty(f), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), at.appendIndex(i), out);
            }
        }
    }

    private static JsonNode replace(JsonNode doc, JsonPointer p, JsonNode v) {
        JsonNode m = doc.deepCopy();
        JsonNode parent = m.at(p.head());
        if (parent instanceof ObjectNode o) {
            o.set(p.last().getMatchingProperty(), v.deepCopy());
        } else {
            ((ArrayNode) parent).set(p.last().getMatchingIndex(), v.deepCopy());
        }
        return m;
    }

    private static JsonNode remove(JsonNode doc, JsonPointer p) {
        JsonNode m = doc.deepCopy();
        JsonNode parent = m.at(p.head());
        if (parent instanceof ObjectNode o) {
            o.remove(p.last().getMatchingProperty());
        } else {
            ((ArrayNode) parent).remove(p.last().getMatchingIndex());
        }
        return m;
    }

    private static List<JsonNode> oddValues() {
        List<JsonNode> v = new ArrayList<>(List.of(
                F.nullNode(),
                F.booleanNode(true),
                F.booleanNode(false),
                F.numberNode(0),
                F.numberNode(-1),
                F.numberNode(1),
                F.numberNode(2),
                F.numberNode(1.0),
                F.numberNode(0.5),
                F.numberNode(-1.5),
                F.numberNode(-0.0),
                F.numberNode(1e300),
                F.numberNode(Long.MAX_VALUE),
                F.numberNode(Long.MIN_VALUE),
                F.numberNode(0.9999999999999999),
                F.numberNode(1.0000000000000002),
                F.numberNode(-1.0000000000000002),
                F.numberNode(1.5f),
                F.numberNode(new java.math.BigDecimal("1.0000000000000000000001")),
                F.numberNode(new java.math.BigDecimal("-0.5")),
                F.numberNode(new BigInteger("1180591620717411303424")),
                F.objectNode(),
                F.arrayNode(),
                F.arrayNode().add(F.objectNode()),
                F.arrayNode().add(1),
                F.arrayNode().add("x"),
                F.objectNode().put("a", 1)));
        for (String s : List.of(
                "",
                "a",
                "A",
                "dev-1",
                "dev-1\n",
                "Dev 1",
                "_x",
                "x".repeat(64),
                "x".repeat(65),
                "x".repeat(129),
                "x".repeat(501),
                "x".repeat(8001),
                "😀".repeat(40),
                "😀".repeat(33),
                "😀".repeat(65),
                "2026-11-22T10:15:30Z",
                "2026-11-22T10:15:30.123456789Z",
                "2026-11-22T10:15:30.1234567891Z",
                "2026-02-29T10:15:30Z",
                "2024-02-29T10:15:30Z",
                "2026-11-22T24:00:00Z",
                "2026-11-22T23:59:60Z",
                "2026-11-22t10:15:30z",
                "2026-11-22T10:15:30+01:00",
                "2026-11-22 10:15:30Z",
                "0000-01-01T00:00:00Z",
                "positive",
                "staff",
                "online",
                "voc.utterance/1",
                "voc.batch/1",
                "voc.utterance/2")) {
            v.add(F.textNode(s));
        }
        return v;
    }
}
