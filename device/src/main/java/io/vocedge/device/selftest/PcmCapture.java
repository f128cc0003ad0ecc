package io.vocedge.device.selftest;

import java.time.Duration;

/** Records a short stretch of 16-bit PCM from the configured device; tests feed synthetic PCM instead. */
@FunctionalInterface
public interface PcmCapture {
    /** @throws CaptureException naming what was looked for, what exists, and what to check */
    Recording record(AudioSpec spec, Duration length) throws CaptureException;

    /** @param channels samples per channel, de-interleaved */
    record Recording(String deviceName, short[][] channels) {}

    final class CaptureException extends Exception {
        public CaptureException(String message) {
            super(message);
        }
    }
}
