package io.vocedge.protocol;

import java.util.Objects;

/** A sentiment label with a score in [-1, 1]. */
public record Sentiment(SentimentLabel label, double score) {
    public Sentiment {
        Objects.requireNonNull(label, "label");
        if (!(score >= -1.0 && score <= 1.0)) {
            throw new IllegalArgumentException("sentiment score must be in [-1, 1], got " + score);
        }
    }

    public static Sentiment neutral() {
        return new Sentiment(SentimentLabel.NEUTRAL, 0.0);
    }
}
