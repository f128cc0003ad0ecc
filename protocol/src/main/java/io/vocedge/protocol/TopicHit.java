package io.vocedge.protocol;

import java.util.List;
import java.util.Objects;

/** A taxonomy topic found in an utterance, with the evidence terms and their word positions. */
public record TopicHit(String id, List<Evidence> evidence, Sentiment sentiment) {
    public TopicHit {
        Objects.requireNonNull(id, "id");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A term that triggered the topic and its 0-based word position in the redacted text. */
    public record Evidence(String term, int pos) {}
}
