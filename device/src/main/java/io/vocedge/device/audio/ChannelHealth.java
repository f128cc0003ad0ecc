package io.vocedge.device.audio;

import java.util.Arrays;
import java.util.Locale;
import org.tinylog.Logger;

/**
 * Watches the raw capture channels, one-second windows: level, clipping (samples at full scale) and dead
 * channels (stuck at zero or at a constant DC value - a broken mic capsule or a HAT channel not wired).
 * Publishes an immutable {@link Report} once per window (one allocation per second, none per frame) and logs
 * one line when a channel changes state.
 */
public final class ChannelHealth {
    /** |sample| at or above this counts as clipped (a 16-bit 32767 is 0.99997). */
    static final float CLIP_LEVEL = 0.999f;
    /** More than this fraction of clipped samples in a window flags the channel as clipping. */
    static final double CLIP_FRACTION = 0.001;
    /** Peak-to-peak below two 16-bit steps: nothing moves on that channel. */
    static final float DEAD_SPAN = 2f / 32768f;

    /** One window's view of the channels. */
    public record Report(double[] levelDbfs, double[] clippedFraction, boolean[] dead, boolean[] clipping) {
        public int deadCount() {
            int n = 0;
            for (boolean d : dead) {
                n += d ? 1 : 0;
            }
            return n;
        }

        public boolean anyClipping() {
            for (boolean c : clipping) {
                if (c) {
                    return true;
                }
            }
            return false;
        }

        public double maxLevelDbfs() {
            return Arrays.stream(levelDbfs).max().orElse(Double.NEGATIVE_INFINITY);
        }
    }

    private final int channels;
    private final int windowFrames;
    private final double[] sumSquares;
    private final int[] clipped;
    private final float[] min;
    private final float[] max;
    private final boolean[] deadState;
    private final boolean[] clipState;
    private int framesInWindow;
    private volatile Report last;

    public ChannelHealth(int channels, int sampleRate) {
        this.channels = channels;
        this.windowFrames = sampleRate;
        this.sumSquares = new double[channels];
        this.clipped = new int[channels];
        this.min = new float[channels];
        this.max = new float[channels];
        this.deadState = new boolean[channels];
        this.clipState = new boolean[channels];
        startWindow();
    }

    public void observe(float[] interleaved, int frames) {
        int ch = channels;
        for (int f = 0; f < frames; f++) {
            int base = f * ch;
            for (int c = 0; c < ch; c++) {
                float x = interleaved[base + c];
                sumSquares[c] += x * x;
                if (x >= CLIP_LEVEL || x <= -CLIP_LEVEL) {
                    clipped[c]++;
                }
                if (x < min[c]) {
                    min[c] = x;
                }
                if (x > max[c]) {
                    max[c] = x;
                }
            }
            if (++framesInWindow == windowFrames) {
                publish();
                startWindow();
            }
        }
    }

    /** A gap (mute, device reopened): the next window starts fresh. */
    public void restartWindow() {
        startWindow();
    }

    private void publish() {
        double[] level = new double[channels];
        double[] clipFraction = new double[channels];
        boolean[] dead = new boolean[channels];
        boolean[] clipping = new boolean[channels];
        for (int c = 0; c < channels; c++) {
            double ms = sumSquares[c] / framesInWindow;
            level[c] = ms <= 0 ? -120.0 : Math.max(-120.0, 10 * Math.log10(ms));
            clipFraction[c] = clipped[c] / (double) framesInWindow;
            dead[c] = max[c] - min[c] < DEAD_SPAN;
            clipping[c] = clipFraction[c] > CLIP_FRACTION;
            if (dead[c] != deadState[c]) {
                deadState[c] = dead[c];
                if (dead[c]) {
                    Logger.warn(
                            "event=mic_channel_dead channel={} value={} action=\"check the mic capsule/cable; the channel is "
                                    + "left out of channel selection\"",
                            c,
                            min[c]);
                } else {
                    Logger.info("event=mic_channel_alive channel={}", c);
                }
            }
            if (clipping[c] != clipState[c]) {
                clipState[c] = clipping[c];
                if (clipping[c]) {
                    Logger.warn(
                            "event=mic_channel_clipping channel={} fraction={} action=\"lower the capture gain with "
                                    + "alsamixer or move the device away from loud sources\"",
                            c,
                            String.format(Locale.ROOT, "%.4f", clipFraction[c]));
                } else {
                    Logger.info("event=mic_channel_clipping_cleared channel={}", c);
                }
            }
        }
        last = new Report(level, clipFraction, dead, clipping);
    }

    private void startWindow() {
        framesInWindow = 0;
        Arrays.fill(sumSquares, 0);
        Arrays.fill(clipped, 0);
        Arrays.fill(min, Float.MAX_VALUE);
        Arrays.fill(max, -Float.MAX_VALUE);
    }

    /** The last full window, or null before the first second of audio. */
    public Report last() {
        return last;
    }

    /** Read by channel selection: is the channel currently flagged dead or clipping. */
    boolean unusable(int channel) {
        return deadState[channel] || clipState[channel];
    }
}
