package io.vocedge.protocol;

import java.util.Objects;

/**
 * A sentiment label with a score in [-1, 1] and, optionally (since the learned model, a minor change), the calibrated
 * probability of the label in [0, 1]: a confidence of 0.8 means labels given with 0.8 are right about 80% of the time.
 */
public record Sentiment(SentimentLabel label, double score, Double confidence) {
    public Sentiment {
        Objects.requireNonNull(label, "label");
        if (!(score >= -1.0 && score <= 1.0)) {
            throw new IllegalArgumentException("sentiment score must be in [-1, 1], got " + score);
        }
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("sentiment confidence must be in [0, 1], got " + confidence);
        }
    }

    public Sentiment(SentimentLabel label, double score) {
        this(label, score, null);
    }

    public static Sentiment neutral() {
        return new Sentiment(SentimentLabel.NEUTRAL, 0.0);
    }
}
