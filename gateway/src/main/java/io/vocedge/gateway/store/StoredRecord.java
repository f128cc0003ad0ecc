package io.vocedge.gateway.store;

import java.time.Instant;
import java.util.List;

/**
 * A validated record ready for the store: its queryable columns, the topics, and the full JSON payload.
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
        String payloadJson) {

    /** A topic id on a record, with its topic-level sentiment label when the device gave one. */
    public record Topic(String id, String sentiment) {}
}
