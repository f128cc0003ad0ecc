package io.vocedge.device.audio;

/**
 * {@code audio.vad: hybrid}: Silero's speech probability, gated by loudness relative to the background and to the
 * foreground talker. Silero tells speech from rumble, hum and music, but a TV or distant babble is speech too: alone it
 * would be segmented, and behind a customer it keeps a segment open across the pauses between sentences.
 *
 * <p>Levels are the speech-band level smoothed over about 100 ms. Two references:
 *
 * <ul>
 *   <li><b>Background</b>: the 80th percentile of the level of the frames not taken as speech (rising at most
 *       0.4 dB per second, {@link BackgroundLevel}: a talker not yet accepted cannot lift it out of reach), and how
 *       much of it Silero calls speech (the mean probability over the same frames, doubled and capped at 1: a room
 *       whose background talks half the time counts as talking). A frame starts speech only
 *       {@link #BG_ONSET_DB} above the background, and continues {@link #BG_CONT_DB} above it, both scaled by that
 *       speech share: behind TV or babble a customer must be clearly louder than the room; in noise or music that
 *       Silero already rejects, the margin shrinks to nothing. While the estimate is young (the first 3 s) the onset
 *       margin is up to {@link #YOUNG_DB} larger, and the first second only listens.
 *   <li><b>Foreground</b>: the running level of accepted speech (rising to louder speech within about 0.2 s, settling
 *       on frames within 3 dB of it, falling 0.3 dB per second otherwise). A frame more than {@link #FG_ONSET_DB}
 *       below it starts nothing; more than {@link #FG_CONT_DB} below it continues nothing.
 * </ul>
 *
 * Frames in a segment held open only by "continue" frames for over 0.5 s count as background again, so a segment
 * the TV keeps alive raises the background until it ends. A late onset (a quiet first syllable) is moved back over
 * the preceding frames that were already {@link #LEAD_DB} (scaled) above the background, by up to 250 ms
 * ({@link #onsetLead}). In a talking room (most of the background is speech), an utterance ends once nothing came
 * within {@link #END_NEAR_DB} of the foreground for 300 ms: the TV's syllables no longer carry it over the pause.
 * With two mics or more the front-end also says where each block comes from ({@link #direction}, {@link SpatialGate}):
 * in a talking room a frame from the background's direction never counts as near the talker, and one from elsewhere
 * starts speech at {@link #SPATIAL_ONSET_DB} instead of {@link #BG_ONSET_DB}.
 * An onset must hold for {@link #ONSET_HOLD} frames more, or clear its margin by {@link #HOLD_SKIP_DB}: babble's
 * brief peaks just over the margin start nothing.
 * Tuned on the issue-16 showroom fixtures (BENCHMARKS.md). No allocation per frame.
 */
final class HybridVad implements VoiceDetector {
    static final double BG_ONSET_DB = 5;
    static final double BG_CONT_DB = 2;
    /**
     * Onset margin over the background, instead of {@link #BG_ONSET_DB}, for a frame a mic pair places elsewhere than
     * the talking room's own source ({@link SpatialGate#OTHER}): the customer's first syllables, not yet louder than
     * the TV by 5 dB. Issue 16, chosen on scene seeds 3-10 (BENCHMARKS.md: 4 / 3 / 2 / 1 dB rose step by step to
     * 99-100 % at 5 dB TV on stereo and arrays; not 1, for margin against babble from other directions).
     */
    static final double SPATIAL_ONSET_DB = 2;
    /**
     * End of utterance in a talking room: once no speech frame has come within {@link #END_NEAR_DB} of the foreground
     * for {@link #END_FRAMES} (300 ms), "continue" frames stop keeping the segment open, so the TV's or babble's own
     * syllables (4-6 dB under the talker at 5 dB SNR, but above the background level) do not carry it across the
     * pause to the next utterance. Only where the background is mostly speech ({@link #END_SHARE}); in noise and music
     * Silero's own decision already ends segments. Tuned on the issue-16 fixtures, scene seed 1 (BENCHMARKS.md).
     */
    static final double END_NEAR_DB = 4;

    static final int END_FRAMES = 30;
    static final double END_SHARE = 0.5;
    static final double YOUNG_DB = 3;
    static final double FG_ONSET_DB = 9;
    static final double FG_CONT_DB = 9;
    static final double LEAD_DB = 3;
    /**
     * Background level: the 80th percentile of the level over frames not taken as speech ({@link BackgroundLevel},
     * at most 0.4 dB per second up), so a customer not yet accepted cannot raise it out of reach. Issue 16, tuned on
     * scene seeds 3-6 (BENCHMARKS.md).
     */
    static final double BG_QUANTILE = 0.8;

    static final double BG_STEP_DB = 0.005;
    /** Mean power and speech share of the background: 3 s time constant per 10 ms frame (faster at first). */
    private static final double BG_ALPHA = 0.0033;
    /** Silero's mean probability over the background times this, capped at 1, scales the background margins. */
    private static final double SPEECH_SHARE_GAIN = 2;

    private static final int YOUNG_FRAMES = 300;

    private static final int WARMUP_FRAMES = 100;
    /** Held open by "continue" frames only for longer than this, a segment's frames count as background. */
    private static final int FOREGROUND_FRAMES = 50;

    private static final int LEAD_MAX_FRAMES = 25;
    private static final int RECENT = 64;
    private static final double SMOOTH = 0.2;
    private static final double RISE = 0.2;
    private static final double SETTLE = 0.02;
    /** Within this of the foreground, an accepted frame counts towards its level. */
    private static final double NEAR_DB = 3;

    private static final double FALL_DB_PER_FRAME = 0.003;
    /**
     * An onset needs the gate to hold for more than this many frames before it is reported (so the segmenter's own
     * three-frame rule needs 50 ms above the margin), unless the level clears the margin by {@link #HOLD_SKIP_DB}:
     * babble has short peaks of 20-30 ms just over the onset margin, each a false segment of about half a second
     * (issue 16; BENCHMARKS.md has the speech-free counts over seeds 1-10 x 600 s per layout); a talker's first
     * syllable either lasts longer or rises clear of the margin. It costs the 5 dB babble and TV scenes some good
     * boundaries (first syllables found later); 10 dB and above unchanged.
     */
    static final int ONSET_HOLD = 2;

    static final double HOLD_SKIP_DB = 1.5;

    private final SileroVad net;
    private final float[] recent = new float[RECENT];
    private int recentPos;
    private double smoothPower;
    private double fgDb = Double.NEGATIVE_INFINITY;
    private double bgPower;
    private final BackgroundLevel bgLevel = new BackgroundLevel(BG_QUANTILE, BG_STEP_DB);
    /** Consecutive frames Silero's onset and the level gate agreed on. */
    private int gateRun;

    private double bgSpeech;
    private long bgFrames;
    private long sinceOnset = Long.MAX_VALUE / 2;
    /** Frames since a speech frame within {@link #END_NEAR_DB} of the foreground. */
    private long sinceNear = Long.MAX_VALUE / 2;

    private double leadMinDb = Double.POSITIVE_INFINITY;
    private int direction = SpatialGate.NONE;

    HybridVad(SileroVad net) {
        this.net = net;
    }

    @Override
    public int classify(float[] frame) {
        int d = net.classify(frame);
        float levelDb = net.levelDb();
        double p = Math.pow(10, levelDb / 10);
        if (bgFrames == 0) {
            smoothPower = p;
            bgSpeech = 1; // until shown otherwise, the room may be talking: full margin
        }
        smoothPower += SMOOTH * (p - smoothPower);
        recent[recentPos] = levelDb;
        recentPos = (recentPos + 1) & (RECENT - 1);
        double level = 10 * Math.log10(smoothPower + 1e-13);
        double bgDb = bgLevel.db();
        double share = Math.min(1, SPEECH_SHARE_GAIN * bgSpeech);
        leadMinDb = bgDb + LEAD_DB * share;
        int out = SILENCE;
        if (d == SILENCE) {
            gateRun = 0;
        } else {
            double young = YOUNG_DB * Math.max(0, 1 - bgFrames / (double) YOUNG_FRAMES);
            // From elsewhere than the talking room's own source (a mic pair can tell): the customer, a smaller margin.
            double onsetDb = share >= END_SHARE && direction == SpatialGate.OTHER ? SPATIAL_ONSET_DB : BG_ONSET_DB;
            boolean gateOn = bgFrames >= WARMUP_FRAMES
                    && level >= fgDb - FG_ONSET_DB
                    && level >= bgDb + (onsetDb + young) * share;
            boolean gateCont = level >= fgDb - FG_CONT_DB && level >= bgDb + BG_CONT_DB * share;
            gateRun = d == ONSET && gateOn ? gateRun + 1 : 0;
            boolean clear = level >= bgDb + (onsetDb + young + HOLD_SKIP_DB) * share;
            out = gateRun > ONSET_HOLD || gateRun > 0 && clear ? ONSET : gateCont ? CONTINUE : SILENCE;
        }
        // A mic pair says the frame comes from where the talking room's own source is: not the customer, so it does
        // not hold the segment open (it may still continue it: a vetoed onset would lose a customer standing in
        // line with the TV, and in hum, where every mic hears the same, a talker near lag 0).
        boolean fromRoom = share >= END_SHARE && direction == SpatialGate.BACKGROUND;
        sinceOnset = out == ONSET ? 0 : sinceOnset + 1;
        boolean background = out == SILENCE || sinceOnset > FOREGROUND_FRAMES;
        sinceNear = out == ONSET || (out != SILENCE && level >= fgDb - END_NEAR_DB && !fromRoom) ? 0 : sinceNear + 1;
        if (out == CONTINUE && share >= END_SHARE && sinceNear > END_FRAMES) {
            out = SILENCE; // the talker has stopped; not fed to the background either (a TV syllable is not the room)
        }
        if (background) {
            double a = Math.max(BG_ALPHA, 1.0 / ++bgFrames);
            bgPower += a * (smoothPower - bgPower);
            double meanDb = 10 * Math.log10(bgPower + 1e-13);
            if (bgFrames <= WARMUP_FRAMES) { // the first second only listens: start the quantile at its mean
                bgLevel.set(meanDb);
            } else {
                bgLevel.update(level, meanDb, bgFrames < YOUNG_FRAMES);
            }
            bgSpeech += a * (net.probability() - bgSpeech);
        }
        if (out == ONSET && Double.isInfinite(fgDb)) {
            fgDb = level;
        } else if (out != SILENCE && d == ONSET && !Double.isInfinite(fgDb) && level >= fgDb - NEAR_DB) {
            fgDb += (level > fgDb ? RISE : SETTLE) * (level - fgDb);
        } else {
            fgDb -= FALL_DB_PER_FRAME;
        }
        return out;
    }

    /** Walks back from the first onset frame over frames above the background (one-frame dips allowed). */
    @Override
    public int onsetLead(int framesAgo) {
        int lead = 0;
        int dips = 0;
        for (int k = framesAgo + 1; k <= framesAgo + LEAD_MAX_FRAMES && k < RECENT; k++) {
            float l = recent[(recentPos - 1 - k) & (RECENT - 1)];
            if (l >= leadMinDb) {
                lead = k - framesAgo;
                dips = 0;
            } else if (++dips > 1) {
                break;
            }
        }
        return lead;
    }

    @Override
    public void direction(int spatialState) {
        direction = spatialState;
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

    /** Audio missing: Silero starts afresh and no onset is moved back across the gap; the room's levels are kept. */
    @Override
    public void gap() {
        net.gap();
        java.util.Arrays.fill(recent, Float.NEGATIVE_INFINITY);
    }

    @Override
    public void close() {
        net.close();
    }
}
