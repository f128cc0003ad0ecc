package io.vocedge.device.audio;

/**
 * A second-order IIR section (RBJ cookbook designs), direct form I, one instance per channel. Used for DC
 * removal/high-pass on every capture channel and for the VAD's speech-band feature. No allocation in
 * {@link #process}.
 */
public final class Biquad {
    private final float b0;
    private final float b1;
    private final float b2;
    private final float a1;
    private final float a2;
    private float x1;
    private float x2;
    private float y1;
    private float y2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = (float) (b0 / a0);
        this.b1 = (float) (b1 / a0);
        this.b2 = (float) (b2 / a0);
        this.a1 = (float) (a1 / a0);
        this.a2 = (float) (a2 / a0);
    }

    /** Butterworth (Q = 1/sqrt 2) high-pass; removes DC and rumble (HVAC, handling noise, desk knocks). */
    public static Biquad highPass(double cutoffHz, double sampleRate) {
        check(cutoffHz, sampleRate);
        double w = 2 * Math.PI * cutoffHz / sampleRate;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Butterworth low-pass. */
    public static Biquad lowPass(double cutoffHz, double sampleRate) {
        check(cutoffHz, sampleRate);
        double w = 2 * Math.PI * cutoffHz / sampleRate;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    private static void check(double cutoffHz, double sampleRate) {
        if (!(cutoffHz > 0 && cutoffHz < sampleRate / 2)) {
            throw new IllegalArgumentException("filter cutoff " + cutoffHz
                    + " Hz must lie between 0 and half the sample rate (" + sampleRate / 2 + " Hz)");
        }
    }

    public float process(float x) {
        float y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        // Flush denormals: after long digital silence the state decays into subnormals, which are ~100x slower.
        if (Math.abs(y) < 1e-25f) {
            y = 0f;
        }
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }

    public void reset() {
        x1 = x2 = y1 = y2 = 0f;
    }
}
