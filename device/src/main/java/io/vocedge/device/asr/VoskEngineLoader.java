package io.vocedge.device.asr;

import java.util.ArrayList;
import java.util.List;

/** Validates the model directories, loads libvosk, then the models. Never throws anything but its own exception. */
public final class VoskEngineLoader implements EngineLoader {
    private final AsrConfig config;
    private final ModelValidator validator = new ModelValidator();

    public VoskEngineLoader(AsrConfig config) {
        this.config = config;
    }

    @Override
    public RecognizerFactory load() throws EngineUnavailableException {
        List<String> problems = new ArrayList<>(validator.validateModel(config.model()));
        if (config.speakerModel() != null) {
            problems.addAll(validator.validateSpeakerModel(config.speakerModel()));
        }
        if (!problems.isEmpty()) {
            throw new EngineUnavailableException(String.join("; ", problems), null);
        }
        try {
            new NativeLibrary(config.nativeLibDir()).load();
        } catch (IllegalStateException e) {
            throw new EngineUnavailableException(e.getMessage(), e);
        }
        try {
            return new VoskRecognizerFactory(
                    config.model(), config.speakerModel(), validator.supportsGrammar(config.model()));
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new EngineUnavailableException(
                    "Vosk could not load the model " + config.model() + ": " + e.getMessage()
                            + " (the files are present but unreadable or from an incompatible Vosk version: download the model again)",
                    e);
        }
    }
}
