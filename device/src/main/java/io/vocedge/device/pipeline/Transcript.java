package io.vocedge.device.pipeline;

import io.vocedge.protocol.SpeakerRole;
import java.util.List;
import java.util.Objects;

/**
 * What the recognizer heard in one segment, before redaction. Holds personal data: it never goes to disk
 * or to logs above DEBUG; the insight stage redacts it before the outbox sees it.
 */
public record Transcript(
        String segmentId,
        long startMs,
        long endMs,
        String lang,
        String text,
        List<Word> words,
        double confidence,
        SpeakerRole speaker,
        String conversationId,
        String source) {
    public Transcript {
        Objects.requireNonNull(text, "text");
        words = words == null ? List.of() : List.copyOf(words);
        speaker = speaker == null ? SpeakerRole.UNKNOWN : speaker;
    }

    /** A recognised word with its times (ms on the capture clock) and confidence in [0, 1]. */
    public record Word(String word, long startMs, long endMs, double confidence) {}
}
