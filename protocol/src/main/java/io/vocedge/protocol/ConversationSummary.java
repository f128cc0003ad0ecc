package io.vocedge.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code voc.conversation/1}: written when a conversation ends. The last record ever evicted from an outbox. Optional
 * since the learned model (minor change): {@code flagCounts} (utterances flagged {@code escalation} /
 * {@code churn_risk}) and {@code modelVersion}.
 */
public record ConversationSummary(
        String deviceId,
        long seq,
        RecordTime time,
        String conversationId,
        Instant startedAt,
        Instant endedAt,
        long durationMs,
        String endReason,
        int utteranceCount,
        Map<String, Long> talkMsByRole,
        Map<String, Integer> topicCounts,
        Map<String, Sentiment> sentimentByRole,
        Double experienceScore,
        Compliance compliance,
        Attention attention,
        List<String> redactions,
        String lexiconVersion,
        Map<String, Integer> flagCounts,
        String modelVersion)
        implements UpRecord {

    public ConversationSummary {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(conversationId, "conversationId");
        talkMsByRole = talkMsByRole == null ? Map.of() : Map.copyOf(talkMsByRole);
        topicCounts = topicCounts == null ? Map.of() : Map.copyOf(topicCounts);
        sentimentByRole = sentimentByRole == null ? Map.of() : Map.copyOf(sentimentByRole);
        redactions = redactions == null ? List.of() : List.copyOf(redactions);
        flagCounts = flagCounts == null || flagCounts.isEmpty() ? null : Map.copyOf(flagCounts);
    }

    /** A summary without the model fields (rules only). */
    public ConversationSummary(
            String deviceId,
            long seq,
            RecordTime time,
            String conversationId,
            Instant startedAt,
            Instant endedAt,
            long durationMs,
            String endReason,
            int utteranceCount,
            Map<String, Long> talkMsByRole,
            Map<String, Integer> topicCounts,
            Map<String, Sentiment> sentimentByRole,
            Double experienceScore,
            Compliance compliance,
            Attention attention,
            List<String> redactions,
            String lexiconVersion) {
        this(
                deviceId,
                seq,
                time,
                conversationId,
                startedAt,
                endedAt,
                durationMs,
                endReason,
                utteranceCount,
                talkMsByRole,
                topicCounts,
                sentimentByRole,
                experienceScore,
                compliance,
                attention,
                redactions,
                lexiconVersion,
                null,
                null);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.CONVERSATION;
    }

    @Override
    public RecordPriority priority() {
        return RecordPriority.CONVERSATION_SUMMARY;
    }

    @Override
    public ConversationSummary withSeq(long newSeq) {
        return new ConversationSummary(
                deviceId,
                newSeq,
                time,
                conversationId,
                startedAt,
                endedAt,
                durationMs,
                endReason,
                utteranceCount,
                talkMsByRole,
                topicCounts,
                sentimentByRole,
                experienceScore,
                compliance,
                attention,
                redactions,
                lexiconVersion,
                flagCounts,
                modelVersion);
    }

    /** Staff compliance checklist for the conversation. */
    public record Compliance(boolean greeting, boolean thanks, boolean noProfanity) {}

    /** Whether a store manager should follow up, and why. */
    public record Attention(boolean flag, String reason) {}
}
