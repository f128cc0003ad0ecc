package io.vocedge.device.audio;

/**
 * Rational-ratio resampler (out/in = L/M reduced), polyphase windowed-sinc FIR with a Kaiser window: the
 * anti-aliasing low-pass sits below half the lower of the two rates, so nothing above the output band folds
 * back (sample dropping would alias HVAC whine and keyboard clicks into the speech band).
 *
 * <p>Written here because no maintained JVM library on Maven Central resamples float blocks without
 * allocating per call. Streaming: keeps its history between calls; {@link #process} allocates nothing.
 */
public final class PolyphaseResampler {
    /** Stop-band attenuation the Kaiser window is designed for. */
    static final double ATTENUATION_DB = 80;

    private final int up;
    private final int down;
    private final int tapsPerPhase;
    private final float[][] phases;
    private final float[] history;
    private int historyPos;
    private int phase;
    private final boolean passThrough;

    /**
     * @param passbandFraction where the pass band ends, as a fraction of half the lower rate (e.g. 0.85: the
     *        filter is flat to 6.8 kHz and stops by 8 kHz for a 16 kHz output)
     */
    public PolyphaseResampler(int inRate, int outRate, double passbandFraction) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + inRate + " -> " + outRate);
        }
        if (!(passbandFraction > 0.5 && passbandFraction < 1)) {
            throw new IllegalArgumentException("pass band fraction must be in (0.5, 1), got " + passbandFraction);
        }
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        this.passThrough = up == 1 && down == 1;
        if (passThrough) {
            tapsPerPhase = 1;
            phases = new float[][] {{1f}};
            history = new float[1];
            return;
        }
        double nyquist = Math.min(inRate, outRate) / 2.0;
        double protoRate = (double) inRate * up;
        double stop = nyquist;
        double pass = nyquist * passbandFraction;
        double cutoff = (pass + stop) / 2 / protoRate; // cycles per prototype sample
        double transition = (stop - pass) / protoRate;
        double beta = 0.1102 * (ATTENUATION_DB - 8.7);
        int length = (int) Math.ceil((ATTENUATION_DB - 8) / (2.285 * 2 * Math.PI * transition)) + 1;
        this.tapsPerPhase = Math.max(4, (length + up - 1) / up);
        int total = tapsPerPhase * up;
        double[] proto = new double[total];
        double mid = (total - 1) / 2.0;
        double i0Beta = besselI0(beta);
        for (int n = 0; n < total; n++) {
            double t = n - mid;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double r = 2 * n / (double) (total - 1) - 1;
            proto[n] = sinc * besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
        }
        phases = new float[up][tapsPerPhase];
        for (int p = 0; p < up; p++) {
            double sum = 0;
            for (int k = 0; k < tapsPerPhase; k++) {
                sum += proto[k * up + p];
            }
            // Each phase gets unity DC gain, so a constant in gives the same constant out whatever the phase.
            // Stored oldest-first, to match the history layout the dot product walks.
            for (int k = 0; k < tapsPerPhase; k++) {
                phases[p][tapsPerPhase - 1 - k] = (float) (proto[k * up + p] / sum);
            }
        }
        // Doubled history so each dot product reads one contiguous run (no wrap test in the inner loop).
        history = new float[2 * tapsPerPhase];
    }

    public int inputRate() {
        return passThrough ? 1 : down;
    }

    /** Output samples produced for {@code inputSamples} inputs, at most (for sizing buffers). */
    public int maxOutput(int inputSamples) {
        return passThrough ? inputSamples : (int) (((long) inputSamples * up) / down) + 2;
    }

    /** Filter delay in output samples (for aligning times). */
    public double delayOutputSamples() {
        return passThrough ? 0 : (tapsPerPhase * up - 1) / 2.0 / down;
    }

    /**
     * Resamples {@code n} input samples, writes outputs from {@code out[outOffset]}, returns how many were
     * written.
     */
    public int process(float[] in, int n, float[] out, int outOffset) {
        if (passThrough) {
            System.arraycopy(in, 0, out, outOffset, n);
            return n;
        }
        int written = 0;
        int taps = tapsPerPhase;
        for (int i = 0; i < n; i++) {
            float x = in[i];
            history[historyPos] = x;
            history[historyPos + taps] = x;
            historyPos = historyPos + 1 == taps ? 0 : historyPos + 1;
            // One input sample advances the up-sampled timeline by `up`; emit every `down` up-sampled steps.
            while (phase < up) {
                out[outOffset + written++] = dot(phases[phase], history, historyPos, taps);
                phase += down;
            }
            phase -= up;
        }
        return written;
    }

    private static float dot(float[] coefficients, float[] hist, int start, int taps) {
        // Four accumulators: the JIT will not reorder float additions by itself.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 3 < taps; k += 4) {
            s0 += coefficients[k] * hist[start + k];
            s1 += coefficients[k + 1] * hist[start + k + 1];
            s2 += coefficients[k + 2] * hist[start + k + 2];
            s3 += coefficients[k + 3] * hist[start + k + 3];
        }
        for (; k < taps; k++) {
            s0 += coefficients[k] * hist[start + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    public void reset() {
        java.util.Arrays.fill(history, 0f);
        historyPos = 0;
        phase = 0;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
