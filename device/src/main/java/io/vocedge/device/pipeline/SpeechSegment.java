package io.vocedge.device.pipeline;

import java.util.Objects;

/**
 * A stretch of speech cut by the front-end: 16 kHz mono 16-bit PCM, with start and end on the capture clock
 * (milliseconds since the capture source started). {@code levelDbfs} is the segment's RMS level before any
 * automatic gain, used by the level-based speaker-role heuristic.
 */
public record SpeechSegment(String segmentId, long startMs, long endMs, short[] samples, double levelDbfs) {
    public static final int SAMPLE_RATE = 16_000;

    public SpeechSegment {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(samples, "samples");
        if (endMs < startMs) {
            throw new IllegalArgumentException("segment end " + endMs + " before start " + startMs);
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
