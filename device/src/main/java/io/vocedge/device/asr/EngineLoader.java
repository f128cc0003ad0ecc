package io.vocedge.device.asr;

/** Loads the recognition engine; the real one validates the model and loads native code. */
@FunctionalInterface
public interface EngineLoader {
    /** @throws EngineUnavailableException with a message naming what is missing and how to fix it */
    RecognizerFactory load() throws EngineUnavailableException;

    final class EngineUnavailableException extends Exception {
        public EngineUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
