package io.vocedge.device.audio;

/**
 * {@code audio.vad: hybrid}: Silero's speech probability, gated by loudness relative to the foreground talker. Silero
 * tells speech from rumble, hum and music, but a TV or distant babble is speech too and keeps a segment open across
 * the pauses between a customer's sentences. The gate keeps a running level of the speech it has accepted (the
 * foreground: mean speech-band level of accepted frames, 100 ms smoothed, following louder speech within about 0.2 s
 * settling within about 0.5 s on frames within 3 dB of it and falling 0.3 dB per second otherwise); a frame is speech only while its smoothed level stays
 * within {@code ONSET_GAP_DB} (to start) or {@code CONTINUE_GAP_DB} (to go on) of that. Before any speech has been
 * accepted there is no gate. Speech-free TV or babble alone becomes the foreground and is still segmented: on a level
 * alone it cannot be told from a quiet customer.
 */
final class HybridVad implements VoiceDetector {
    static final double ONSET_GAP_DB = 6;
    static final double CONTINUE_GAP_DB = 9;
    private static final double SMOOTH = 0.2;
    private static final double RISE = 0.2;
    private static final double SETTLE = 0.02;
    /** Within this of the foreground, an accepted frame counts towards its level. */
    private static final double NEAR_DB = 3;

    private static final double FALL_DB_PER_FRAME = 0.003;

    private final SileroVad net;
    private double smoothPower;
    private double fgDb = Double.NEGATIVE_INFINITY;

    HybridVad(SileroVad net) {
        this.net = net;
    }

    @Override
    public int classify(float[] frame) {
        int d = net.classify(frame);
        double p = Math.pow(10, net.levelDb() / 10);
        smoothPower += SMOOTH * (p - smoothPower);
        double level = 10 * Math.log10(smoothPower + 1e-13);
        if (d == SILENCE) {
            fgDb -= FALL_DB_PER_FRAME;
            return SILENCE;
        }
        boolean gateOn = level >= fgDb - ONSET_GAP_DB;
        boolean gateCont = level >= fgDb - CONTINUE_GAP_DB;
        int out = d == ONSET && gateOn ? ONSET : gateCont ? CONTINUE : SILENCE;
        if (d == ONSET && Double.isInfinite(fgDb)) {
            fgDb = level;
        } else if (d == ONSET && level >= fgDb - NEAR_DB) {
            fgDb += (level > fgDb ? RISE : SETTLE) * (level - fgDb);
        } else {
            fgDb -= FALL_DB_PER_FRAME;
        }
        return out;
    }

    double foregroundDb() {
        return fgDb;
    }

    @Override
    public float levelDb() {
        return net.levelDb();
    }

    @Override
    public double noiseFloorDb() {
        return net.noiseFloorDb();
    }

    @Override
    public void gap() {
        net.gap();
    }

    @Override
    public void close() {
        net.close();
    }
}
