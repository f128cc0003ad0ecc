package io.vocedge.gateway.console.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What console queries return: plain records, rendered by templates and written as JSON/CSV by the API. */
public final class Views {
    private Views() {}

    /** A conversation summary row (attention queue, conversation lists). */
    public record ConversationRow(
            String deviceId,
            String deviceName,
            String site,
            String conversationId,
            Instant at,
            boolean attention,
            String reason,
            Double score,
            List<String> topics) {}

    /** A topic on an utterance with the words that triggered it. */
    public record TopicView(String id, String sentiment, List<String> evidence) {}

    public record UtteranceView(
            String deviceId,
            long seq,
            Instant at,
            String site,
            String conversationId,
            String speaker,
            String lang,
            String text,
            String sentiment,
            Double sentimentScore,
            List<String> sentimentEvidence,
            List<TopicView> topics,
            List<String> flags) {}

    public record Summary(
            Instant startedAt,
            Instant endedAt,
            long durationMs,
            String endReason,
            int utteranceCount,
            Double score,
            Boolean greeting,
            Boolean thanks,
            Boolean noProfanity,
            boolean attention,
            String reason,
            Map<String, Integer> topicCounts) {}

    public record ConversationView(
            String deviceId, String site, String conversationId, Summary summary, List<UtteranceView> utterances) {}

    /** One row of a trend table: a period (day or week start) and a site. */
    public record TrendRow(String period, String site, String topic, long mentions, long negative) {
        public double negativeShare() {
            return mentions == 0 ? 0 : (double) negative / mentions;
        }
    }

    public record ComplianceRow(
            String period,
            String site,
            long conversations,
            long greeting,
            long thanks,
            long noProfanity,
            long attention,
            Double score) {}

    public record DeviceView(
            String deviceId,
            String site,
            String name,
            String state,
            boolean online,
            Instant lastSeen,
            Instant statusAt,
            String softwareVersion,
            String lexiconVersion,
            Long outboxDepth,
            Double oldestUnsentS,
            Boolean muted,
            Double diskFreeMb,
            String micHealth,
            boolean offlineByAge) {}
}
