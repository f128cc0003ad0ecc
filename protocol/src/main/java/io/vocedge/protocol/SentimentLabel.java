package io.vocedge.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** TAXONOMY.md sentiment labels. */
public enum SentimentLabel {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SentimentLabel fromWire(String value) {
        for (SentimentLabel label : values()) {
            if (label.wireName().equals(value)) {
                return label;
            }
        }
        throw new ProtocolException("unknown sentiment label '" + value + "': use positive, neutral or negative");
    }
}
