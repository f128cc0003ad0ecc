package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpatialGateTest {
    private static final int RATE = 48_000;
    private static final int BLOCK = RATE / 100;

    /** {@code blocks} blocks of a random source reaching mic 1 {@code lag} samples after mic 0 (plus diffuse noise). */
    private static int[] feed(SpatialGate g, long seed, int lag, int blocks, boolean learn, boolean diffuse) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] src = new float[blocks * BLOCK + 64];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) r.nextGaussian();
        }
        int[] counts = new int[3];
        float[] block = new float[BLOCK * 2];
        for (int b = 0; b < blocks; b++) {
            for (int f = 0; f < BLOCK; f++) {
                int i = 32 + b * BLOCK + f;
                block[2 * f] = diffuse ? (float) r.nextGaussian() : src[i];
                block[2 * f + 1] = diffuse ? (float) r.nextGaussian() : src[i - lag];
            }
            g.observe(block, BLOCK, learn);
            counts[g.state()]++;
        }
        return counts;
    }

    @Test
    void aSourceWhereTheBackgroundComesFromIsBackgroundAndOneElsewhereIsOther() {
        SpatialGate g = new SpatialGate(2, 0, 1, RATE, BLOCK);
        feed(g, 1, -12, 300, true, false); // 3 s of a TV at lag -12, outside any segment
        int[] tv = feed(g, 2, -12, 100, false, false);
        int[] talker = feed(g, 3, 7, 100, false, false);
        assertThat(tv[SpatialGate.BACKGROUND]).isEqualTo(100);
        assertThat(talker[SpatialGate.OTHER]).isEqualTo(100);
        assertThat(g.peakLag()).isEqualTo(7);
    }

    @Test
    void diffuseNoiseGivesNoDirection() {
        SpatialGate g = new SpatialGate(2, 0, 1, RATE, BLOCK);
        feed(g, 4, 0, 300, true, true);
        int[] after = feed(g, 5, 0, 100, false, true);
        assertThat(after[SpatialGate.NONE]).isEqualTo(100);
    }

    @Test
    void nothingLearntYetGivesNoDirection() {
        SpatialGate g = new SpatialGate(2, 0, 1, RATE, BLOCK);
        int[] talker = feed(g, 6, 7, 50, false, false);
        assertThat(talker[SpatialGate.NONE]).isEqualTo(50);
    }
}
