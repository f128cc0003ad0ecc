package io.vocedge.device.asr;

import java.util.List;

/** Opens recognition sessions on a loaded model. The Vosk implementation owns native handles; tests use doubles. */
public interface RecognizerFactory extends AutoCloseable {
    /** A session that returns words with times and confidences (and a speaker vector if a speaker model is loaded). */
    RecognizerSession open(float sampleRate);

    /**
     * A small-vocabulary session restricted to {@code phrases} (plus {@code [unk]}), for the keyword-boost pass.
     *
     * @throws UnsupportedOperationException if the model has no runtime-grammar support (large models with a static graph)
     */
    RecognizerSession openGrammar(float sampleRate, List<String> phrases);

    boolean supportsGrammar();

    boolean hasSpeakerModel();

    @Override
    void close();
}
