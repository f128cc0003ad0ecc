package io.vocedge.gateway.store;

import java.time.Instant;
import java.util.List;

/**
 * A validated record ready for the store: its queryable columns, the topics, and the full JSON payload. The intent
 * flags, the attention verdict and the model version (issue 15) are null when the record does not say (older devices,
 * telemetry).
 */
public record StoredRecord(
        String deviceId,
        long seq,
        String schemaId,
        String kind,
        String site,
        String conversationId,
        String speakerRole,
        String lang,
        String text,
        String sentiment,
        Double sentimentScore,
        String lexiconVersion,
        Instant recordedAt,
        boolean clockSynced,
        String bootId,
        long monoMs,
        Instant receivedAt,
        Instant correctedAt,
        List<Topic> topics,
        String payloadJson,
        Boolean escalation,
        Boolean churnRisk,
        Boolean attention,
        String modelVersion) {

    /** A record without flag, attention or model columns. */
    public StoredRecord(
            String deviceId,
            long seq,
            String schemaId,
            String kind,
            String site,
            String conversationId,
            String speakerRole,
            String lang,
            String text,
            String sentiment,
            Double sentimentScore,
            String lexiconVersion,
            Instant recordedAt,
            boolean clockSynced,
            String bootId,
            long monoMs,
            Instant receivedAt,
            Instant correctedAt,
            List<Topic> topics,
            String payloadJson) {
        this(
                deviceId,
                seq,
                schemaId,
                kind,
                site,
                conversationId,
                speakerRole,
                lang,
                text,
                sentiment,
                sentimentScore,
                lexiconVersion,
                recordedAt,
                clockSynced,
                bootId,
                monoMs,
                receivedAt,
                correctedAt,
                topics,
                payloadJson,
                null,
                null,
                null,
                null);
    }

    /** A topic id on a record, with its topic-level sentiment label when the device gave one. */
    public record Topic(String id, String sentiment) {}
}
