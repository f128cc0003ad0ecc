package io.vocedge.device.asr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vosk.Model;
import org.vosk.Recognizer;
import org.vosk.SpeakerModel;

/**
 * The real engine: one Vosk {@link Model} (and optional {@link SpeakerModel}) per device. Validate the
 * directories with {@link ModelValidator} and load the library with {@link NativeLibrary} first.
 * Native handles are freed once, whatever number of times close() is called.
 */
public final class VoskRecognizerFactory implements RecognizerFactory {
    private final Model model;
    private final SpeakerModel speakerModel;
    private final boolean grammar;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ObjectMapper mapper = io.vocedge.common.json.Mappers.json();

    public VoskRecognizerFactory(Path modelDir, Path speakerModelDir, boolean supportsGrammar) throws IOException {
        this.model = new Model(modelDir.toString());
        SpeakerModel spk = null;
        if (speakerModelDir != null) {
            try {
                spk = new SpeakerModel(speakerModelDir.toString());
            } catch (IOException | RuntimeException e) {
                model.close();
                throw e;
            }
        }
        this.speakerModel = spk;
        this.grammar = supportsGrammar;
    }

    @Override
    public RecognizerSession open(float sampleRate) {
        ensureOpen();
        try {
            Recognizer r = speakerModel == null
                    ? new Recognizer(model, sampleRate)
                    : new Recognizer(model, sampleRate, speakerModel);
            r.setWords(true);
            return new VoskSession(r);
        } catch (IOException e) {
            throw new IllegalStateException("Vosk could not create a recognizer: " + e.getMessage(), e);
        }
    }

    @Override
    public RecognizerSession openGrammar(float sampleRate, List<String> phrases) {
        ensureOpen();
        if (!grammar) {
            throw new UnsupportedOperationException(
                    "model has a static graph (HCLG.fst): runtime grammar not supported");
        }
        List<String> g = new ArrayList<>(phrases);
        g.add("[unk]");
        String grammarJson;
        try {
            grammarJson = mapper.writeValueAsString(g);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        Recognizer r = new Recognizer(model, sampleRate, grammarJson);
        r.setWords(true);
        return new VoskSession(r);
    }

    @Override
    public boolean supportsGrammar() {
        return grammar;
    }

    @Override
    public boolean hasSpeakerModel() {
        return speakerModel != null;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("recognizer factory is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (speakerModel != null) {
                speakerModel.close();
            }
            model.close();
        }
    }

    /** Wraps a Vosk {@link Recognizer}; close() frees the native handle exactly once. */
    static final class VoskSession implements RecognizerSession {
        private final Recognizer recognizer;
        private final AtomicBoolean closed = new AtomicBoolean();

        VoskSession(Recognizer recognizer) {
            this.recognizer = recognizer;
        }

        @Override
        public boolean accept(short[] samples, int length) {
            return recognizer.acceptWaveForm(samples, length);
        }

        @Override
        public String partialJson() {
            return recognizer.getPartialResult();
        }

        @Override
        public String resultJson() {
            return recognizer.getResult();
        }

        @Override
        public String finalJson() {
            return recognizer.getFinalResult();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                recognizer.close();
            }
        }
    }
}
