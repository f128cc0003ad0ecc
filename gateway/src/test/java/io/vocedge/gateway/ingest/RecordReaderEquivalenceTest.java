package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.StoredRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The validator's reused record reader maps every record exactly as {@code json.treeToValue} did: the same stored
 * row for readable records and the same error message for unreadable ones.
 */
class RecordReaderEquivalenceTest {
    private final ObjectMapper json = Json.newMapper();
    private final BatchValidator validator =
            new BatchValidator(json, new SchemaValidator(), new DeviceRegistry(null, false));

    @Test
    void readerAndTreeToValueGiveTheSameStoredRowsAndTheSameErrors() throws Exception {
        Random random = new Random(18);
        Instant received = Instant.parse("2026-12-04T10:00:00Z");
        int readable = 0;
        int unreadable = 0;
        for (int i = 0; i < 2000; i++) {
            ObjectNode node = (ObjectNode) json.valueToTree(utterance(random, i));
            node.put("schema", "voc.utterance/1");
            if (i % 10 == 9) {
                corrupt(node, random);
            }
            String oldError = null;
            String newError = null;
            StoredRecord oldRow = null;
            StoredRecord newRow = null;
            try {
                oldRow = BatchValidator.toStored(
                        json.treeToValue(node, UpRecord.class), node, "s1", received, "boot", 5_000L);
            } catch (Exception e) {
                oldError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            try {
                newRow = BatchValidator.toStored(validator.readRecord(node), node, "s1", received, "boot", 5_000L);
            } catch (Exception e) {
                newError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            assertThat(newError).as("record %s", node).isEqualTo(oldError);
            assertThat(newRow).as("record %s", node).isEqualTo(oldRow);
            if (oldRow != null) {
                readable++;
            } else {
                unreadable++;
            }
        }
        assertThat(readable).isGreaterThan(1500);
        assertThat(unreadable).isGreaterThan(50);
    }

    private static Utterance utterance(Random random, int i) {
        String[] texts = {
            "the delivery keeps slipping and nobody calls me back",
            "我 上 周 交 的 定金 到 现在 还 没 退",
            "i want the manager\0now",
            "ok"
        };
        List<TopicHit> topics = new ArrayList<>();
        for (int t = random.nextInt(3); t > 0; t--) {
            topics.add(new TopicHit(
                    "topic_" + random.nextInt(5),
                    List.of(new TopicHit.Evidence("word" + t, random.nextInt(9), random.nextDouble() * 3)),
                    random.nextBoolean() ? null : new Sentiment(SentimentLabel.NEGATIVE, -random.nextDouble(), 0.9),
                    random.nextDouble()));
        }
        boolean synced = random.nextBoolean();
        return new Utterance(
                "d1",
                i + 1,
                new RecordTime(
                        Instant.parse("2026-12-04T09:00:00Z").plusMillis(random.nextInt(1_000_000)),
                        synced,
                        random.nextBoolean() ? "boot" : "other",
                        random.nextInt(10_000)),
                random.nextBoolean() ? null : "c" + random.nextInt(9),
                random.nextBoolean() ? "en" : "zh",
                random.nextBoolean() ? SpeakerRole.CUSTOMER : SpeakerRole.STAFF,
                texts[random.nextInt(texts.length)] + " " + i,
                random.nextBoolean() ? null : (long) random.nextInt(1000),
                random.nextBoolean() ? null : (long) random.nextInt(1000) + 1000,
                random.nextBoolean() ? null : random.nextDouble(),
                List.of(),
                topics,
                random.nextBoolean()
                        ? Sentiment.neutral()
                        : new Sentiment(SentimentLabel.POSITIVE, random.nextDouble(), 0.8),
                random.nextBoolean() ? List.of() : List.of("escalation", "churn_risk"),
                "2026.12.1",
                "mic",
                random.nextBoolean() ? null : List.of(new TopicHit.Evidence("late", 2, 1.5)),
                random.nextBoolean() ? null : Map.of("escalation", List.of(new TopicHit.Evidence("manager", 3, 3.2))),
                random.nextBoolean() ? null : "1-abc");
    }

    /** Type and value faults the mapping (not only the schema) rejects. */
    private static void corrupt(ObjectNode node, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> node.put("speaker", "robot");
            case 1 -> node.put("seq", "seven");
            case 2 -> node.putArray("time");
            default -> ((ObjectNode) node.get("sentiment")).put("label", "ecstatic");
        }
    }
}
