package io.vocedge.device.audio;

/**
 * {@code audio.vad: spectral}: a frame-by-frame spectral decision (no model). Every 10 ms a 32 ms Hann-windowed
 * 512-point FFT gives the power in 16 bands (200-4000 Hz, log-spaced). Each band has its own noise estimate, so
 * coloured and tonal noise (rumble, mains hum) only raises the floor of the bands it occupies; it falls at once,
 * follows noise-like frames (under 6 dB above it) within about 0.2 s and creeps up under lasting sound (babble,
 * music) within about 5 s. Features: the mean band SNR (the mean of the bands' power ratios to their noise, in dB)
 * and the harmonicity of the noise-subtracted spectrum (peak of its normalised
 * autocorrelation at a 2.5-12.5 ms lag, i.e. a pitch of 80-400 Hz). {@link #ONSET}: mean band SNR at least
 * {@code vad_on_db} and harmonicity at least 0.3 (voiced speech, not a door slam or a hi-hat); {@link #CONTINUE}:
 * mean band SNR at least {@code vad_off_db}. Cost: two 512-point FFTs per 10 ms frame; nothing allocated.
 */
final class SpectralVad implements VoiceDetector {
    static final int N = 512;
    private static final int BANDS = 16;
    private static final int INIT_FRAMES = 10;
    /** Per-band noise: falls fast, follows noise-like frames (under 6 dB above it) in about 0.2 s, creeps up under speech-like ones in about 5 s. */
    private static final double FALL = 0.1;

    private static final double TRACK = 0.05;
    private static final double RISE = 0.002;
    private static final double NOISE_LIKE = 4;
    private static final float HARMONICITY_ONSET = 0.3f;

    private final double onDb;
    private final double offDb;
    private final float[] ring = new float[N];
    private int ringPos;
    private final float[] hann = new float[N];
    private final float[] re = new float[N];
    private final float[] im = new float[N];
    private final float[] cos = new float[N / 2];
    private final float[] sin = new float[N / 2];
    private final int[] bitrev = new int[N];
    private final int[] bandLo = new int[BANDS];
    private final int[] bandHi = new int[BANDS];
    private final double[] noise = new double[BANDS];
    private long frames;
    private final float[] floorBin = new float[N / 2 + 1];
    private float level;
    private float meanSnr;
    private float harmonicity;
    private double floorDb = Double.NEGATIVE_INFINITY;
    private final EnergyVad levels;

    SpectralVad(double onDb, double offDb) {
        this.onDb = onDb;
        this.offDb = offDb;
        this.levels = new EnergyVad(onDb, offDb);
        for (int i = 0; i < N; i++) {
            hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / N));
        }
        for (int i = 0; i < N / 2; i++) {
            cos[i] = (float) Math.cos(-2 * Math.PI * i / N);
            sin[i] = (float) Math.sin(-2 * Math.PI * i / N);
        }
        int bits = Integer.numberOfTrailingZeros(N);
        for (int i = 0; i < N; i++) {
            bitrev[i] = Integer.reverse(i) >>> (32 - bits);
        }
        double binHz = SpeechSegmenter.RATE / (double) N;
        for (int b = 0; b < BANDS; b++) {
            double lo = 200 * Math.pow(4000.0 / 200, b / (double) BANDS);
            double hi = 200 * Math.pow(4000.0 / 200, (b + 1) / (double) BANDS);
            bandLo[b] = (int) Math.round(lo / binHz);
            bandHi[b] = Math.max(bandLo[b] + 1, (int) Math.round(hi / binHz));
        }
    }

    @Override
    public int classify(float[] frame) {
        levels.classify(frame);
        level = levels.levelDb();
        for (int i = 0; i < SpeechSegmenter.FRAME; i++) {
            ring[ringPos] = frame[i];
            ringPos = (ringPos + 1) & (N - 1);
        }
        for (int i = 0; i < N; i++) {
            int j = bitrev[i];
            re[j] = ring[(ringPos + i) & (N - 1)] * hann[i];
            im[j] = 0;
        }
        fft();
        // band powers (re[] becomes the power spectrum, bins 0..N/2)
        for (int k = 0; k <= N / 2; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
        }
        double ratioSum = 0;
        double floorSum = 0;
        for (int b = 0; b < BANDS; b++) {
            double p = 0;
            for (int k = bandLo[b]; k < bandHi[b]; k++) {
                p += re[k];
            }
            p = p / (bandHi[b] - bandLo[b]) + 1e-12;
            double nb = noise[b];
            if (frames < INIT_FRAMES) {
                nb = frames == 0 ? p : nb + (p - nb) / (frames + 1);
            } else if (p < nb) {
                nb += FALL * (p - nb);
            } else if (p < nb * NOISE_LIKE) {
                nb += TRACK * (p - nb);
            } else {
                nb += RISE * (p - nb);
            }
            noise[b] = nb;
            ratioSum += Math.min(1000, p / nb);
            floorSum += nb;
            for (int k = bandLo[b]; k < bandHi[b]; k++) {
                floorBin[k] = (float) nb;
            }
        }
        frames++;
        meanSnr = (float) (10 * Math.log10(ratioSum / BANDS));
        floorDb = 10 * Math.log10(floorSum / BANDS + 1e-13);
        harmonicity = harmonicity();
        if (frames <= INIT_FRAMES) {
            return SILENCE;
        }
        if (meanSnr >= onDb && harmonicity >= HARMONICITY_ONSET) {
            return ONSET;
        }
        return meanSnr >= offDb ? CONTINUE : SILENCE;
    }

    /** Peak normalised autocorrelation at 2.5-12.5 ms of the noise-subtracted spectrum (200-4000 Hz). */
    private float harmonicity() {
        int lo = bandLo[0];
        int hi = bandHi[BANDS - 1];
        for (int k = 0; k <= N / 2; k++) {
            float p = k >= lo && k < hi ? Math.max(0, re[k] - floorBin[k]) : 0;
            re[k] = p;
        }
        // autocorrelation = inverse FFT of the power spectrum (real, even): mirror and transform
        for (int k = N / 2 + 1; k < N; k++) {
            re[k] = re[N - k];
        }
        for (int i = 0; i < N; i++) {
            im[i] = 0;
        }
        for (int i = 0; i < N; i++) {
            int j = bitrev[i];
            if (j > i) {
                float t = re[i];
                re[i] = re[j];
                re[j] = t;
            }
        }
        fft();
        float r0 = re[0];
        if (r0 <= 0) {
            return 0;
        }
        int minLag = SpeechSegmenter.RATE / 400;
        int maxLag = SpeechSegmenter.RATE / 80;
        float best = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            // the Hann window shrinks r(lag) by about (1 - lag/N)
            float r = re[lag] / (r0 * (1 - lag / (float) N));
            best = Math.max(best, r);
        }
        return best;
    }

    /** In-place radix-2 FFT on re/im already in bit-reversed order. */
    private void fft() {
        for (int size = 2; size <= N; size <<= 1) {
            int half = size >> 1;
            int step = N / size;
            for (int start = 0; start < N; start += size) {
                for (int k = 0; k < half; k++) {
                    float wr = cos[k * step];
                    float wi = sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    float tr = re[b] * wr - im[b] * wi;
                    float ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    float meanSnrDb() {
        return meanSnr;
    }

    float harmonicityValue() {
        return harmonicity;
    }

    @Override
    public float levelDb() {
        return level;
    }

    @Override
    public double noiseFloorDb() {
        return floorDb;
    }
}
