package io.vocedge.device.asr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Vosk's final-result JSON: {@code {"result":[{"conf":1.0,"end":1.02,"start":0.6,"word":"hello"}],
 * "text":"hello", "spk":[...], "spk_frames":123}}. {@code result} is absent when nothing was heard and
 * {@code spk} only appears with a speaker model.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoskResult(
        @JsonProperty("result") List<VoskWord> result,
        @JsonProperty("text") String text,
        @JsonProperty("spk") float[] spk,
        @JsonProperty("spk_frames") int spkFrames) {
    public VoskResult {
        result = result == null ? List.of() : List.copyOf(result);
        text = text == null ? "" : text;
    }

    /** One word; times in seconds from the start of the session, confidence in [0, 1]. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VoskWord(
            @JsonProperty("word") String word,
            @JsonProperty("start") double start,
            @JsonProperty("end") double end,
            @JsonProperty("conf") double conf) {}

    /** Vosk's partial-result JSON: {@code {"partial":"hello wor"}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partial(@JsonProperty("partial") String partial) {
        public Partial {
            partial = partial == null ? "" : partial;
        }
    }
}
