package io.vocedge.gateway.console;

import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test conversations written through the store's real commit (so the console's indexer runs): utterances with topics,
 * evidence and sentiment in the wire payload, then the conversation summary with compliance and attention.
 */
final class Conversations {
    private final StoreTransaction tx = new StoreTransaction();
    private long seq;
    private String compliance = "{\"greeting\":true,\"thanks\":false,\"no_profanity\":true}";

    /** The compliance checklist of the conversations added next (default: greeting, no thanks, no profanity). */
    Conversations compliance(boolean greeting, boolean thanks, boolean noProfanity) {
        compliance = "{\"greeting\":" + greeting + ",\"thanks\":" + thanks + ",\"no_profanity\":" + noProfanity + "}";
        return this;
    }

    /** One utterance line: speaker, lang, redacted text, sentiment, topic (or null) and its evidence term. */
    record Line(String speaker, String lang, String text, String sentiment, String topic, String evidence) {}

    Conversations add(
            String deviceId,
            String site,
            String conversationId,
            Instant start,
            boolean attention,
            String reason,
            double score,
            Line... lines) {
        List<String> topics = new ArrayList<>();
        Instant t = start;
        for (Line l : lines) {
            seq++;
            t = t.plusSeconds(5);
            String topicJson = l.topic() == null
                    ? "[]"
                    : "[{\"id\":\"" + l.topic() + "\",\"sentiment\":{\"label\":\"" + l.sentiment()
                            + "\",\"score\":-0.5},\"evidence\":[{\"term\":\"" + l.evidence() + "\",\"pos\":0}]}]";
            String payload = "{\"schema\":\"voc.utterance/1\",\"device_id\":\"" + deviceId + "\",\"seq\":" + seq
                    + ",\"text\":\"" + l.text() + "\",\"speaker\":\"" + l.speaker() + "\",\"topics\":" + topicJson
                    + ",\"sentiment\":{\"label\":\"" + l.sentiment()
                    + "\",\"score\":0},\"sentiment_evidence\":[{\"term\":\""
                    + (l.evidence() == null ? "" : l.evidence()) + "\",\"pos\":0}],\"flags\":[]}";
            List<StoredRecord.Topic> tl =
                    l.topic() == null ? List.of() : List.of(new StoredRecord.Topic(l.topic(), l.sentiment()));
            if (l.topic() != null) {
                topics.add(l.topic());
            }
            tx.add(new StoredRecord(
                    deviceId,
                    seq,
                    "voc.utterance/1",
                    "utterance",
                    site,
                    conversationId,
                    l.speaker(),
                    l.lang(),
                    l.text(),
                    l.sentiment(),
                    0.0,
                    "2026.12.1",
                    t,
                    true,
                    "boot",
                    seq,
                    t,
                    t,
                    tl,
                    payload,
                    false,
                    false,
                    null,
                    null));
        }
        seq++;
        StringBuilder counts = new StringBuilder();
        for (String topic : topics) {
            counts.append(counts.isEmpty() ? "" : ",")
                    .append("\"")
                    .append(topic)
                    .append("\":1");
        }
        String summary = "{\"schema\":\"voc.conversation/1\",\"conversation_id\":\"" + conversationId
                + "\",\"started_at\":\""
                + start + "\",\"ended_at\":\"" + t + "\",\"duration_ms\":" + (t.toEpochMilli() - start.toEpochMilli())
                + ",\"end_reason\":\"silence\",\"utterance_count\":" + lines.length + ",\"topic_counts\":{" + counts
                + "},\"experience_score\":" + score + ",\"compliance\":" + compliance + ","
                + "\"attention\":{\"flag\":" + attention + ",\"reason\":"
                + (reason == null ? "null" : "\"" + reason + "\"") + "}}";
        tx.add(new StoredRecord(
                deviceId,
                seq,
                "voc.conversation/1",
                "conversation",
                site,
                conversationId,
                null,
                null,
                null,
                null,
                null,
                "2026.12.1",
                t,
                true,
                "boot",
                seq,
                t,
                t,
                List.of(),
                summary,
                false,
                false,
                attention,
                null));
        return this;
    }

    StoreTransaction transaction() {
        return tx;
    }
}
