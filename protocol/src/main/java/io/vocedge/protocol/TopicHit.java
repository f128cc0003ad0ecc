package io.vocedge.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A taxonomy topic found in an utterance, with the evidence (the terms or features that weighed most, with their word
 * positions), the topic's own sentiment and, optionally, the calibrated probability of the topic.
 */
public record TopicHit(String id, List<Evidence> evidence, Sentiment sentiment, Double confidence) {
    public TopicHit {
        Objects.requireNonNull(id, "id");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("topic confidence must be in [0, 1], got " + confidence);
        }
    }

    public TopicHit(String id, List<Evidence> evidence, Sentiment sentiment) {
        this(id, evidence, sentiment, null);
    }

    /**
     * A term or feature behind a decision and its 0-based word position in the redacted text; {@code weight}
     * (optional) is how much it pushed the decision, in the model's log-odds units.
     */
    public record Evidence(String term, int pos, Double weight) {
        public Evidence(String term, int pos) {
            this(term, pos, null);
        }
    }
}
