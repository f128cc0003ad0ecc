package io.vocedge.device.asr;

/**
 * One streaming recognition over 16 kHz mono PCM, in Vosk's terms: feed audio, read JSON results.
 * Implementations wrap a native handle; {@link #close()} must be safe to call more than once.
 */
public interface RecognizerSession extends AutoCloseable {
    /** @return true when the engine found an endpoint and {@link #resultJson()} holds a final result */
    boolean accept(short[] samples, int length);

    /** Vosk partial result: {@code {"partial": "..."}}. */
    String partialJson();

    /** Vosk final result after an endpoint: {@code {"result": [...], "text": "...", "spk": [...]}}. */
    String resultJson();

    /** Flushes the rest of the audio and returns the last final result. */
    String finalJson();

    @Override
    void close();
}
