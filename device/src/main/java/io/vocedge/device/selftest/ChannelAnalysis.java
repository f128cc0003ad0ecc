package io.vocedge.device.selftest;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-channel level, dead-channel and clipping analysis of a short recording. A channel is dead when every sample
 * has the same value (a disconnected mic on a HAT delivers zeros, a broken ADC a constant); it clips when more than
 * {@link #CLIP_FRACTION} of its samples sit at full scale.
 */
public final class ChannelAnalysis {
    /** |sample| at or above this counts as full scale. */
    static final int FULL_SCALE = 32_600;

    static final double CLIP_FRACTION = 0.01;

    private ChannelAnalysis() {}

    public record ChannelStats(
            int channel, double rmsDbfs, int peak, double clippedFraction, boolean dead, int constantValue) {
        public boolean clipping() {
            return clippedFraction > CLIP_FRACTION;
        }
    }

    public static List<ChannelStats> analyze(short[][] channels) {
        List<ChannelStats> out = new ArrayList<>();
        for (int c = 0; c < channels.length; c++) {
            short[] s = channels[c];
            double sumSq = 0;
            int peak = 0;
            int clipped = 0;
            int min = Short.MAX_VALUE;
            int max = Short.MIN_VALUE;
            for (short v : s) {
                sumSq += (double) v * v;
                int a = Math.abs((int) v);
                peak = Math.max(peak, a);
                if (a >= FULL_SCALE) {
                    clipped++;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double rms = s.length == 0 ? 0 : Math.sqrt(sumSq / s.length);
            double dbfs = rms <= 0 ? -120 : Math.max(-120, 20 * Math.log10(rms / 32768.0));
            boolean dead = s.length == 0 || min == max;
            out.add(new ChannelStats(
                    c + 1,
                    Math.round(dbfs * 10) / 10.0,
                    peak,
                    s.length == 0 ? 0 : (double) clipped / s.length,
                    dead,
                    s.length == 0 ? 0 : min));
        }
        return out;
    }
}
