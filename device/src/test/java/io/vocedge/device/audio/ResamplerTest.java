package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tone in, tone out; nothing from above the output band folds back into it. */
class ResamplerTest {
    static float[] tone(double hz, int rate, int samples, double amp) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    static float[] resample(int in, int out, float[] x) {
        PolyphaseResampler r = new PolyphaseResampler(in, out, 0.85);
        float[] y = new float[r.maxOutput(x.length) + 8];
        int n = 0;
        // In odd-sized pieces, to exercise the streaming state.
        for (int pos = 0; pos < x.length; pos += 317) {
            int len = Math.min(317, x.length - pos);
            n += r.process(java.util.Arrays.copyOfRange(x, pos, pos + len), len, y, n);
        }
        return java.util.Arrays.copyOf(y, n);
    }

    /** Power of the component at {@code hz} (Goertzel) relative to the total power, over the steady middle. */
    static double fractionAt(float[] y, double hz, int rate) {
        int from = y.length / 4;
        int to = y.length * 3 / 4;
        double w = 2 * Math.PI * hz / rate;
        double re = 0;
        double im = 0;
        double total = 0;
        for (int i = from; i < to; i++) {
            re += y[i] * Math.cos(w * i);
            im += y[i] * Math.sin(w * i);
            total += (double) y[i] * y[i];
        }
        int n = to - from;
        double tonePower = 2 * (re * re + im * im) / ((double) n * n);
        return tonePower / (total / n);
    }

    static double rmsMiddle(float[] y) {
        return AudioFixtures.rms(y, y.length / 4, y.length * 3 / 4);
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz")
    @CsvSource({"48000,16000", "44100,16000", "32000,16000", "8000,16000", "22050,16000", "16000,16000"})
    void aToneInTheBandComesOutAsTheSameToneAtTheSameLevel(int in, int out) {
        float[] y = resample(in, out, tone(1000, in, in * 2, 0.5));
        assertThat(y.length).isCloseTo(out * 2, org.assertj.core.data.Offset.offset(3));
        assertThat(fractionAt(y, 1000, out)).as("power at 1 kHz").isGreaterThan(0.999);
        assertThat(rmsMiddle(y))
                .as("level kept")
                .isCloseTo(0.5 / Math.sqrt(2), org.assertj.core.data.Offset.offset(0.005));
    }

    @ParameterizedTest(name = "{1} Hz tone at {0} Hz")
    @CsvSource({"48000,10000", "48000,9000", "48000,20000", "44100,12000", "32000,11000"})
    void aToneAboveTheOutputBandDoesNotAliasIntoIt(int in, double hz) {
        float[] y = resample(in, 16_000, tone(hz, in, in * 2, 0.5));
        double attenuationDb = 20 * Math.log10(rmsMiddle(y) / (0.5 / Math.sqrt(2)));
        assertThat(attenuationDb).as("what is left of a %s Hz tone", hz).isLessThan(-60);
    }

    @org.junit.jupiter.api.Test
    void upsamplingLeavesNoImage() {
        // 8 kHz -> 16 kHz: a 3 kHz tone must not leave an image at 5 kHz (8 - 3).
        float[] y = resample(8000, 16_000, tone(3000, 8000, 16_000, 0.5));
        assertThat(fractionAt(y, 5000, 16_000)).isLessThan(1e-6);
        assertThat(fractionAt(y, 3000, 16_000)).isGreaterThan(0.999);
    }

    @org.junit.jupiter.api.Test
    void rejectsNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PolyphaseResampler(0, 16_000, 0.85))
                .hasMessageContaining("positive");
    }
}
