package io.vocedge.device.audio;

/**
 * The voice-activity decision per 10 ms frame of the 16 kHz mono stream ({@code audio.vad}); the segmenter turns
 * the decisions into segments (onset run, hang-over, pre-roll, tail, split). Called on the front-end thread only,
 * and allocation-free per frame.
 */
interface VoiceDetector extends AutoCloseable {
    /** Not speech. */
    int SILENCE = 0;
    /** Speech enough to keep an open segment going, not to start one. */
    int CONTINUE = 1;
    /** Speech enough to start a segment (after the onset run). */
    int ONSET = 2;

    /** Classifies one frame of {@link SpeechSegmenter#FRAME} samples. */
    int classify(float[] frame);

    /** The last frame's speech-band level, dB (where to split a long segment: its quietest frame). */
    float levelDb();

    /** The current noise floor estimate, dB (status); negative infinity before the first frame. */
    double noiseFloorDb();

    /**
     * A segment is about to start at the first of the onset frames, {@code framesAgo} frames before the latest one:
     * how many frames before that the speech had already begun (its onset came late: a quiet first syllable under
     * louder background). 0 = none (the default).
     */
    default int onsetLead(int framesAgo) {
        return 0;
    }

    /**
     * Where the next frame's audio comes from relative to the room's background ({@link SpatialGate#state}), from a
     * mic pair; never called with one mic. Ignored by default.
     */
    default void direction(int spatialState) {}

    /** Audio will be missing (mute, fault): forget the recent past that context-based decisions rely on. */
    default void gap() {}

    @Override
    default void close() {}
}
