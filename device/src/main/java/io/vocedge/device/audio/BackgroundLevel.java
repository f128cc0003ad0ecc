package io.vocedge.device.audio;

/**
 * A high quantile of the background's level in dB that a talker cannot pull up quickly (issue 16). A mean of the
 * power follows any loud frame: a customer whose first words are not yet accepted as speech raises it by 2-4 dB
 * within a quarter of a second, and the onset margin above it is then out of reach. This tracker moves by a fixed
 * step per frame instead: up by {@code step * q} when the level is above it, down by {@code step * (1 - q)} when
 * below, so it settles where a fraction {@code q} of the frames lies below it, and however loud a frame is, it rises
 * at most {@code step * q} dB (0.4 dB per second for 10 ms frames with the defaults). Once the caller's mean level
 * of the same frames (a few seconds' average, not single frames: a TV's pauses between words must not count) is
 * more than {@link #FAST_FALL_DB} below it - the TV was switched off - it also falls by a share of that distance per
 * frame, so a quieter room is learnt within seconds rather than minutes.
 */
final class BackgroundLevel {
    /** The mean this far below the estimate: the background has dropped, fall faster. */
    static final double FAST_FALL_DB = 4;

    private static final double FAST_FALL = 0.02;
    private static final int YOUNG_GAIN = 5;

    private final double quantile;
    private final double step;
    private double db = Double.NaN;

    BackgroundLevel(double quantile, double stepDb) {
        this.quantile = quantile;
        this.step = stepDb;
    }

    /** Starts (or restarts) the estimate at {@code levelDb}, e.g. the mean over a first second. */
    void set(double levelDb) {
        db = levelDb;
    }

    /**
     * One background frame at {@code levelDb}; {@code meanDb}: the mean level of the recent background frames;
     * {@code young}: the estimate is new, take larger steps.
     */
    void update(double levelDb, double meanDb, boolean young) {
        if (Double.isNaN(db)) {
            db = levelDb;
            return;
        }
        double st = young ? YOUNG_GAIN * step : step;
        if (levelDb > db) {
            db += st * quantile;
        } else if (levelDb < db) {
            db -= st * (1 - quantile) + FAST_FALL * Math.max(0, db - meanDb - FAST_FALL_DB);
        }
    }

    double db() {
        return db;
    }
}
