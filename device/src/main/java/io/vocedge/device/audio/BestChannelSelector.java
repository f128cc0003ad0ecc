package io.vocedge.device.audio;

import org.tinylog.Logger;

/**
 * Listens to the channel with the best signal-to-noise ratio: per channel, a fast energy average over the
 * noise floor (a slow minimum tracker), compared every half second; a switch needs 2 dB of advantage so the
 * choice does not flap. Dead or clipping channels (from {@link ChannelHealth}) are never chosen.
 */
final class BestChannelSelector implements ChannelCombiner {
    private static final double SWITCH_MARGIN = Math.pow(10, 2.0 / 10);

    private final int channels;
    private final ChannelHealth health;
    private final int decisionFrames;
    private final float fastAlpha;
    private final float floorRise;
    private final double[] fast;
    private final double[] floor;
    private final double[] bestRatio;
    private int framesSinceDecision;
    private int current;

    BestChannelSelector(int channels, int sampleRate, ChannelHealth health) {
        this.channels = channels;
        this.health = health;
        this.decisionFrames = sampleRate / 2;
        this.fastAlpha = (float) (1 - Math.exp(-1.0 / (0.05 * sampleRate)));
        // The floor creeps up ~3 dB per second, and drops at once to a lower energy.
        this.floorRise = (float) Math.pow(2, 1.0 / sampleRate);
        this.fast = new double[channels];
        this.floor = new double[channels];
        this.bestRatio = new double[channels];
        java.util.Arrays.fill(floor, Double.NaN);
    }

    @Override
    public void combine(float[] in, int frames, float[] mono) {
        for (int f = 0; f < frames; f++) {
            int base = f * channels;
            for (int c = 0; c < channels; c++) {
                float x = in[base + c];
                fast[c] += fastAlpha * (x * x - fast[c]);
                double fl = floor[c];
                if (Double.isNaN(fl) || fast[c] < fl) {
                    floor[c] = Math.max(fast[c], 1e-12);
                } else {
                    floor[c] = fl * floorRise;
                }
                double ratio = fast[c] / floor[c];
                if (ratio > bestRatio[c]) {
                    bestRatio[c] = ratio;
                }
            }
            mono[f] = in[base + current];
            if (++framesSinceDecision == decisionFrames) {
                decide();
            }
        }
    }

    private void decide() {
        framesSinceDecision = 0;
        int best = current;
        double bestScore = health.unusable(current) ? 0 : bestRatio[current];
        for (int c = 0; c < channels; c++) {
            if (c != current && !health.unusable(c) && bestRatio[c] > bestScore * SWITCH_MARGIN) {
                best = c;
                bestScore = bestRatio[c];
            }
        }
        if (best != current) {
            Logger.debug("event=best_channel from={} to={}", current, best);
            current = best;
        }
        java.util.Arrays.fill(bestRatio, 0);
    }

    @Override
    public String describe() {
        return "best channel " + current;
    }

    int current() {
        return current;
    }
}
