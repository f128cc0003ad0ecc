package io.vocedge.device.asr;

import io.vocedge.device.pipeline.Transcript;
import java.util.List;

/**
 * What one segment produced: text, words on the capture clock, utterance confidence and (with a speaker
 * model) the speaker vector of the longest final result.
 */
public record Recognition(String text, List<Transcript.Word> words, double confidence, float[] speakerVector) {
    public Recognition {
        words = words == null ? List.of() : List.copyOf(words);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
