package io.vocedge.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code voc.utterance/1}: one transcribed, redacted and analysed utterance. {@code text} is already
 * redacted; {@code redactions} lists the kinds removed (never the values). Optional since the learned model (minor
 * change): {@code sentimentEvidence} (what weighed most for the sentiment), {@code flagEvidence} (per flag),
 * {@code modelVersion}.
 */
public record Utterance(
        String deviceId,
        long seq,
        RecordTime time,
        String conversationId,
        String lang,
        SpeakerRole speaker,
        String text,
        Long startMs,
        Long endMs,
        Double asrConfidence,
        List<String> redactions,
        List<TopicHit> topics,
        Sentiment sentiment,
        List<String> flags,
        String lexiconVersion,
        String source,
        List<TopicHit.Evidence> sentimentEvidence,
        Map<String, List<TopicHit.Evidence>> flagEvidence,
        String modelVersion)
        implements UpRecord {

    public Utterance {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        speaker = speaker == null ? SpeakerRole.UNKNOWN : speaker;
        redactions = redactions == null ? List.of() : List.copyOf(redactions);
        topics = topics == null ? List.of() : List.copyOf(topics);
        flags = flags == null ? List.of() : List.copyOf(flags);
        sentiment = sentiment == null ? Sentiment.neutral() : sentiment;
        sentimentEvidence =
                sentimentEvidence == null || sentimentEvidence.isEmpty() ? null : List.copyOf(sentimentEvidence);
        flagEvidence = flagEvidence == null || flagEvidence.isEmpty() ? null : Map.copyOf(flagEvidence);
    }

    /** An utterance without model fields (rules only). */
    public Utterance(
            String deviceId,
            long seq,
            RecordTime time,
            String conversationId,
            String lang,
            SpeakerRole speaker,
            String text,
            Long startMs,
            Long endMs,
            Double asrConfidence,
            List<String> redactions,
            List<TopicHit> topics,
            Sentiment sentiment,
            List<String> flags,
            String lexiconVersion,
            String source) {
        this(
                deviceId,
                seq,
                time,
                conversationId,
                lang,
                speaker,
                text,
                startMs,
                endMs,
                asrConfidence,
                redactions,
                topics,
                sentiment,
                flags,
                lexiconVersion,
                source,
                null,
                null,
                null);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.UTTERANCE;
    }

    /** Utterances with no topic and neutral sentiment carry least value and are evicted first among utterances. */
    @Override
    public RecordPriority priority() {
        boolean lowValue = topics.isEmpty() && sentiment.label() == SentimentLabel.NEUTRAL;
        return lowValue ? RecordPriority.LOW_VALUE_UTTERANCE : RecordPriority.UTTERANCE;
    }

    @Override
    public Utterance withSeq(long newSeq) {
        return new Utterance(
                deviceId,
                newSeq,
                time,
                conversationId,
                lang,
                speaker,
                text,
                startMs,
                endMs,
                asrConfidence,
                redactions,
                topics,
                sentiment,
                flags,
                lexiconVersion,
                source,
                sentimentEvidence,
                flagEvidence,
                modelVersion);
    }
}
