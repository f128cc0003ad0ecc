package io.vocedge.device.asr;

/**
 * Real-time factor = processing time / audio duration (below 1: faster than real time). Keeps an EWMA over
 * segments weighted by audio length (so a 10 s segment counts ten times a 1 s one) and the lifetime ratio.
 * Thread-safe for one writer and any readers.
 */
public final class RealTimeFactor {
    private final double halfLifeAudioMs;
    private double ewma = Double.NaN;
    private long totalProcessingNanos;
    private long totalAudioMs;

    /** @param halfLifeAudioMs how much audio halves the weight of older measurements (default 60 s) */
    public RealTimeFactor(double halfLifeAudioMs) {
        this.halfLifeAudioMs = halfLifeAudioMs;
    }

    public synchronized void record(long processingNanos, long audioMs) {
        if (audioMs <= 0) {
            return;
        }
        double rtf = processingNanos / 1e6 / audioMs;
        double alpha = 1 - Math.pow(0.5, audioMs / halfLifeAudioMs);
        ewma = Double.isNaN(ewma) ? rtf : ewma + alpha * (rtf - ewma);
        totalProcessingNanos += processingNanos;
        totalAudioMs += audioMs;
    }

    /** NaN until the first segment. */
    public synchronized double current() {
        return ewma;
    }

    public synchronized double lifetime() {
        return totalAudioMs == 0 ? Double.NaN : totalProcessingNanos / 1e6 / totalAudioMs;
    }
}
