package io.vocedge.protocol;

/**
 * Eviction order when the outbox is full (docs/architecture.md, guarantees): telemetry first, then the oldest
 * low-value utterances, then other utterances; a conversation summary is the last thing ever evicted.
 */
public enum RecordPriority {
    TELEMETRY(0),
    LOW_VALUE_UTTERANCE(1),
    UTTERANCE(2),
    CONVERSATION_SUMMARY(3);

    private final int rank;

    RecordPriority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
