package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-mic circular array (ReSpeaker-like, radius 32 mm) at 48 kHz hears synthesised speech from 60 degrees
 * with the matching per-channel delays, each mic with its own uncorrelated noise at 0 dB SNR. Delay-and-sum
 * must find the direction and gain at least 3 dB of SNR over one mic (6 dB in theory).
 */
class BeamformingTest {
    @TempDir
    Path dir;

    static final int RATE = 48_000;

    @Test
    void fourMicsGainAtLeast3dbOverOneAndSteerToTheTalker() throws Exception {
        List<List<Double>> mics = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double a = 2 * Math.PI * i / 4;
            mics.add(List.of(0.032 * Math.cos(a), 0.032 * Math.sin(a)));
        }
        float[] speech = new float[RATE * 8];
        float[] s1 = AudioFixtures.speech(dir, "Hello, I paid a deposit for the blue car last week.", RATE);
        float[] s2 = AudioFixtures.speech(dir, "Nobody told me about the delivery delay.", RATE);
        System.arraycopy(s1, 0, speech, RATE / 2, Math.min(s1.length, RATE * 4));
        System.arraycopy(s2, 0, speech, RATE * 5, Math.min(s2.length, RATE * 3 - 10));
        double az = Math.toRadians(60);
        int[] delay = new int[4];
        double latest = -1;
        double[] arrival = new double[4];
        for (int c = 0; c < 4; c++) {
            arrival[c] = -(mics.get(c).get(0) * Math.cos(az) + mics.get(c).get(1) * Math.sin(az))
                    / DelayAndSumBeamformer.SPEED_OF_SOUND;
            latest = Math.max(latest, arrival[c]);
        }
        int maxLead = 0;
        for (int c = 0; c < 4; c++) {
            delay[c] = (int) Math.round((arrival[c] - (latest - 0.001)) * RATE); // all positive, ~48 samples base
            maxLead = Math.max(maxLead, delay[c]);
        }
        double speechRms = AudioFixtures.rms(speech, 0, speech.length);
        float[] interleaved = new float[speech.length * 4];
        for (int c = 0; c < 4; c++) {
            float[] noise = AudioFixtures.whiteNoise(speech.length, 100 + c);
            for (int i = 0; i < speech.length; i++) {
                float s = i >= delay[c] ? speech[i - delay[c]] : 0f;
                interleaved[i * 4 + c] = s + (float) (speechRms * noise[i]); // 0 dB SNR per mic
            }
        }
        ChannelHealth health = new ChannelHealth(4, RATE);
        DelayAndSumBeamformer beam = new DelayAndSumBeamformer(mics, RATE, health);
        float[] out = new float[speech.length];
        int block = RATE / 100;
        float[] mono = new float[block];
        for (int pos = 0; pos + block <= speech.length; pos += block) {
            beam.combine(java.util.Arrays.copyOfRange(interleaved, pos * 4, (pos + block) * 4), block, mono);
            System.arraycopy(mono, 0, out, pos, block);
        }
        assertThat(beam.steerDegrees())
                .as("steered towards the talker at 60 degrees")
                .isBetween(50, 70);
        // Measure over the second half, after the beam settled.
        int from = speech.length / 2;
        float[] single = new float[speech.length];
        for (int i = 0; i < speech.length; i++) {
            single[i] = interleaved[i * 4];
        }
        double snrSingle = snrAgainst(single, speech, from, 200);
        double snrBeam = snrAgainst(out, speech, from, 200);
        assertThat(snrBeam - snrSingle)
                .as("SNR gain in dB (single %.2f dB, beam %.2f dB)", snrSingle, snrBeam)
                .isGreaterThanOrEqualTo(3.0);
    }

    /**
     * Issue 16: once the VAD reports, only blocks it takes for the talker steer. A loud voice at 210 degrees the VAD
     * rejects (a TV) must not pull the beam off the talker at 60 degrees that it steered to before.
     */
    @Test
    void steersOnlyOnWhatTheVadTakesForTheTalker() throws Exception {
        List<List<Double>> mics = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double a = 2 * Math.PI * i / 6;
            mics.add(List.of(0.046 * Math.cos(a), 0.046 * Math.sin(a)));
        }
        float[] talk = AudioFixtures.speech(dir, "Hello, I paid a deposit for the blue car last week.", RATE);
        int n = Math.min(talk.length, RATE * 3);
        DelayAndSumBeamformer beam = new DelayAndSumBeamformer(mics, RATE, new ChannelHealth(6, RATE));
        feed(beam, pointSource(mics, talk, n, 60), n, true); // the talker, taken for speech: steers to 60
        assertThat(beam.steerDegrees()).isBetween(50, 70);
        feed(beam, pointSource(mics, talk, n, 210), n, false); // a TV, louder than the room, not the talker
        assertThat(beam.steerDegrees())
                .as("still on the talker: the TV's speech is not foreground")
                .isBetween(50, 70);
        feed(beam, pointSource(mics, talk, n, 210), n, true); // a new talker there: follows
        assertThat(beam.steerDegrees()).isBetween(200, 220);
    }

    private static float[] pointSource(List<List<Double>> mics, float[] s, int n, double degrees) {
        int ch = mics.size();
        double az = Math.toRadians(degrees);
        float[] out = new float[n * ch];
        for (int c = 0; c < ch; c++) {
            double t = -(mics.get(c).get(0) * Math.cos(az) + mics.get(c).get(1) * Math.sin(az))
                    / DelayAndSumBeamformer.SPEED_OF_SOUND;
            int d = (int) Math.round((t + 0.001) * RATE); // all positive
            for (int i = d; i < n; i++) {
                out[i * ch + c] = s[i - d];
            }
        }
        return out;
    }

    private static void feed(DelayAndSumBeamformer beam, float[] interleaved, int n, boolean foreground) {
        int ch = interleaved.length / n;
        int block = RATE / 100;
        float[] mono = new float[block];
        for (int pos = 0; pos + block <= n; pos += block) {
            beam.speech(foreground);
            beam.combine(java.util.Arrays.copyOfRange(interleaved, pos * ch, (pos + block) * ch), block, mono);
        }
    }

    /** SNR of y against the clean reference at the best-aligned lag: the projection is signal, the rest noise. */
    static double snrAgainst(float[] y, float[] ref, int from, int maxLag) {
        double best = -Double.MAX_VALUE;
        for (int lag = 0; lag <= maxLag; lag++) {
            double yr = 0;
            double rr = 0;
            double yy = 0;
            for (int i = from; i < y.length; i++) {
                double r = ref[i - lag];
                yr += y[i] * r;
                rr += r * r;
                yy += (double) y[i] * y[i];
            }
            double a = yr / rr;
            double signal = a * a * rr;
            double noise = yy - 2 * a * yr + a * a * rr;
            best = Math.max(best, 10 * Math.log10(signal / noise));
        }
        return best;
    }
}
