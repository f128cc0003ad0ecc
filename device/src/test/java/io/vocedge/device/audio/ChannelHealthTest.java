package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelHealthTest {
    @Test
    void flagsADeadChannelAStuckDcChannelAndAClippingOne() {
        int rate = 16_000;
        float[] noise = AudioFixtures.whiteNoise(rate, 1);
        float[] block = new float[rate * 4];
        for (int i = 0; i < rate; i++) {
            block[i * 4] = 0.05f * noise[i]; // healthy
            block[i * 4 + 1] = 0f; // dead: nothing at all
            block[i * 4 + 2] = 0.25f; // stuck at DC
            block[i * 4 + 3] = Math.max(-1f, Math.min(1f, 3f * noise[i])); // driven into the rails
        }
        ChannelHealth h = new ChannelHealth(4, rate);
        h.observe(block, rate);
        ChannelHealth.Report r = h.last();
        assertThat(r.dead()).containsExactly(false, true, true, false);
        assertThat(r.clipping()).containsExactly(false, false, false, true);
        assertThat(r.deadCount()).isEqualTo(2);
        assertThat(r.levelDbfs()[0]).isCloseTo(20 * Math.log10(0.05), org.assertj.core.data.Offset.offset(0.5));
        assertThat(h.unusable(1)).isTrue();
        assertThat(h.unusable(0)).isFalse();
    }

    @Test
    void bestChannelSelectionSkipsADeadChannelAndPicksTheCleanest() {
        int rate = 16_000;
        ChannelHealth h = new ChannelHealth(3, rate);
        BestChannelSelector best = new BestChannelSelector(3, rate, h);
        float[] n0 = AudioFixtures.whiteNoise(rate * 4, 2);
        float[] n2 = AudioFixtures.whiteNoise(rate * 4, 3);
        float[] in = new float[rate * 4 * 3];
        for (int i = 0; i < rate * 4; i++) {
            double t = i / (double) rate;
            float voice = (float) ((t % 1.0 < 0.5) ? 0.2 * Math.sin(2 * Math.PI * 300 * t) : 0);
            in[i * 3] = voice * 0.3f + 0.05f * n0[i]; // far from the talker, noisy
            in[i * 3 + 1] = 0f; // dead
            in[i * 3 + 2] = voice + 0.01f * n2[i]; // close to the talker
        }
        float[] mono = new float[rate / 100];
        for (int pos = 0; pos < rate * 4; pos += rate / 100) {
            float[] block = java.util.Arrays.copyOfRange(in, pos * 3, (pos + rate / 100) * 3);
            h.observe(block, rate / 100);
            best.combine(block, rate / 100, mono);
        }
        assertThat(best.current()).isEqualTo(2);
    }
}
