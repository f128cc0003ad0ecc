package io.vocedge.device.audio;

import java.util.Arrays;

/**
 * {@code audio.vad: energy} (the front-end's VAD before issue 16): speech-band (250-3800 Hz) frame energy against a
 * minimum-statistics noise floor, the lowest frame energy of the last 3 s tracked in 250 ms sub-windows, plus 1.5 dB.
 * {@link #ONSET} above floor + {@code vad_on_db}, {@link #CONTINUE} above floor + {@code vad_off_db}. Exact in
 * stationary broadband noise; fooled by anything that fluctuates (rumble, babble, music): see BENCHMARKS.md.
 */
final class EnergyVad implements VoiceDetector {
    private static final int SUBWINDOW_FRAMES = 25;
    private static final int SUBWINDOWS = 12;
    /** The minimum of a window of noise frames sits below their mean; this puts the floor back near the mean. */
    private static final double MIN_STAT_BIAS_DB = 1.5;
    /** Floor never assumed below this: digital silence would otherwise make any dither "speech". */
    static final double ABSOLUTE_FLOOR_DB = -75;

    private final double onDb;
    private final double offDb;
    private final Biquad bandLow = Biquad.highPass(250, SpeechSegmenter.RATE);
    private final Biquad bandHigh = Biquad.lowPass(3800, SpeechSegmenter.RATE);
    private final float[] subMin = new float[SUBWINDOWS];
    private int subFill;
    private int subPos;
    private int subCount;
    private float subCurrentMin = Float.MAX_VALUE;
    private double floorDb = Double.NaN;
    private float level;

    EnergyVad(double onDb, double offDb) {
        this.onDb = onDb;
        this.offDb = offDb;
        Arrays.fill(subMin, Float.MAX_VALUE);
    }

    @Override
    public int classify(float[] frame) {
        double sum = 0;
        for (int i = 0; i < SpeechSegmenter.FRAME; i++) {
            float b = bandHigh.process(bandLow.process(frame[i]));
            sum += b * b;
        }
        float e = (float) (10 * Math.log10(sum / SpeechSegmenter.FRAME + 1e-13));
        level = e;
        updateFloor(e);
        double floor = Math.max(floorDb, ABSOLUTE_FLOOR_DB);
        return e > floor + onDb ? ONSET : e > floor + offDb ? CONTINUE : SILENCE;
    }

    private void updateFloor(float e) {
        if (e < subCurrentMin) {
            subCurrentMin = e;
        }
        if (++subFill == SUBWINDOW_FRAMES) {
            subMin[subPos] = subCurrentMin;
            subPos = (subPos + 1) % SUBWINDOWS;
            subCount = Math.min(SUBWINDOWS, subCount + 1);
            subFill = 0;
            subCurrentMin = Float.MAX_VALUE;
        }
        float m = subCurrentMin;
        for (int i = 0; i < subCount; i++) {
            m = Math.min(m, subMin[i]);
        }
        floorDb = m + MIN_STAT_BIAS_DB;
    }

    @Override
    public float levelDb() {
        return level;
    }

    @Override
    public double noiseFloorDb() {
        return Double.isNaN(floorDb) ? Double.NEGATIVE_INFINITY : floorDb;
    }
}
