package io.vocedge.device.audio;

/**
 * Where the latest block comes from, relative to the room's background, from two mics (issue 16). A talking TV and a
 * customer arrive at a mic pair with different inter-mic lags; the lag of the peak of the (pre-emphasised, so the
 * peak is narrow) cross-correlation tells which of them dominates a 10 ms block even where two mics give no
 * beamforming gain. The background's lag is learnt from the blocks outside any segment (a slowly decaying histogram
 * of their peak lags); a block whose peak sits at that lag is {@link #BACKGROUND}, one whose peak is clearly
 * elsewhere is {@link #OTHER}. No geometry needed: lags up to {@link #MAX_SPACING_M} of spacing are searched.
 * Diffuse noise has no stable peak, so the histogram never becomes confident and the answer stays {@link #NONE}.
 * No allocation per block.
 */
final class SpatialGate {
    /** No directional evidence (diffuse or quiet block, or the background has no stable direction yet). */
    static final int NONE = 0;
    /** The block's dominant source sits where the background comes from. */
    static final int BACKGROUND = 1;
    /** The block's dominant source is somewhere else than the background. */
    static final int OTHER = 2;

    static final double MAX_SPACING_M = 0.15;
    /** Normalised correlation peak needed for a block to count as coming from one direction. */
    static final double MIN_COHERENCE = 0.3;
    /** Share of the learnt histogram around its mode needed to trust the background's lag. */
    static final double MIN_CONFIDENCE = 0.5;
    /** Histogram decay per learnt block: about 2 s of background blocks. */
    private static final double DECAY = 0.005;

    private static final float PRE_EMPHASIS = 0.95f;

    private final int channels;
    private final int a;
    private final int b;
    private final int maxLag;
    private final int tolerance;
    private final int stride;
    private final float[] xa;
    private final float[] xb;
    private final double[] hist;
    private float lastA;
    private float lastB;
    private int peakLag;
    private boolean coherent;
    private int state;

    SpatialGate(int channels, int a, int b, int sampleRate, int maxBlockFrames) {
        this.channels = channels;
        this.a = a;
        this.b = b;
        this.maxLag = Math.max(1, (int) Math.round(MAX_SPACING_M / DelayAndSumBeamformer.SPEED_OF_SOUND * sampleRate));
        // Two sources a few samples apart in lag at 48 kHz are one sample apart at 16 kHz: the tolerance scales.
        this.tolerance = Math.max(1, maxLag / 7);
        // The correlation sums only every stride-th product (about 12,000 per second): the peak's position does not
        // need them all, and at 48 kHz it quarters the cost (audio bench, BENCHMARKS.md).
        this.stride = Math.max(1, sampleRate / 12_000);
        this.xa = new float[maxBlockFrames];
        this.xb = new float[maxBlockFrames];
        this.hist = new double[2 * maxLag + 1];
    }

    /** One block of filtered interleaved audio; {@code learn}: the block is background (outside any segment). */
    void observe(float[] in, int frames, boolean learn) {
        for (int f = 0; f < frames; f++) {
            float va = in[f * channels + a];
            float vb = in[f * channels + b];
            xa[f] = va - PRE_EMPHASIS * lastA;
            xb[f] = vb - PRE_EMPHASIS * lastB;
            lastA = va;
            lastB = vb;
        }
        double ea = 0;
        double eb = 0;
        for (int i = 0; i < frames; i += stride) {
            ea += xa[i] * xa[i];
            eb += xb[i] * xb[i];
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestLag = 0;
        for (int k = -maxLag; k <= maxLag; k++) {
            int from = Math.max(0, -k);
            int to = Math.min(frames, frames - k);
            double s = 0;
            for (int i = from; i < to; i += stride) {
                s += xa[i] * xb[i + k];
            }
            if (s > best) {
                best = s;
                bestLag = k;
            }
        }
        peakLag = bestLag;
        coherent = ea > 1e-12 && eb > 1e-12 && best >= MIN_COHERENCE * Math.sqrt(ea * eb);
        if (learn && coherent) {
            for (int i = 0; i < hist.length; i++) {
                hist[i] *= 1 - DECAY;
            }
            hist[peakLag + maxLag] += DECAY;
        }
        state = decide();
    }

    private int decide() {
        if (!coherent) {
            return NONE;
        }
        int mode = 0;
        double total = 0;
        for (int i = 0; i < hist.length; i++) {
            total += hist[i];
            if (hist[i] > hist[mode]) {
                mode = i;
            }
        }
        double around = 0;
        for (int i = Math.max(0, mode - tolerance); i <= Math.min(hist.length - 1, mode + tolerance); i++) {
            around += hist[i];
        }
        if (total <= 0 || around < MIN_CONFIDENCE * total) {
            return NONE;
        }
        return Math.abs(peakLag + maxLag - mode) <= tolerance ? BACKGROUND : OTHER;
    }

    /** {@link #NONE}, {@link #BACKGROUND} or {@link #OTHER} for the latest block. */
    int state() {
        return state;
    }

    int peakLag() {
        return peakLag;
    }

    void reset() {
        lastA = 0;
        lastB = 0;
        state = NONE;
    }
}
