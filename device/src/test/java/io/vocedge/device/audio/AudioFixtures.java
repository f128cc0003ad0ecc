package io.vocedge.device.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Real audio for tests, made at test time: speech from espeak-ng, noise from sox, mixed here at exact SNRs.
 * Truth for segment boundaries comes from the clean speech itself (first and last 10 ms frame within 40 dB
 * of the utterance's loudest frame).
 */
final class AudioFixtures {
    private AudioFixtures() {}

    /** Speech as mono floats at {@code rate}. */
    static float[] speech(Path dir, String text, int rate) throws IOException, InterruptedException {
        Path raw = dir.resolve("tts-" + Integer.toHexString(text.hashCode()) + ".wav");
        run("espeak-ng", "-v", "en-us", "-s", "150", "-w", raw.toString(), text);
        Path out = dir.resolve("tts-" + Integer.toHexString(text.hashCode()) + "-" + rate + ".wav");
        run("sox", raw.toString(), "-r", String.valueOf(rate), "-c", "1", "-b", "16", out.toString());
        return mono(out);
    }

    /** Pink noise from sox (repeatable: sox -R), mono floats normalised to RMS 1. */
    static float[] pinkNoise(Path dir, int rate, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve("pink-" + rate + "-" + seconds + ".wav");
        run(
                "sox",
                "-R",
                "-n",
                "-r",
                String.valueOf(rate),
                "-c",
                "1",
                "-b",
                "16",
                out.toString(),
                "synth",
                String.valueOf(seconds),
                "pinknoise",
                "vol",
                "0.5");
        float[] n = mono(out);
        scale(n, 1 / rms(n, 0, n.length));
        return n;
    }

    static float[] whiteNoise(int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] n = new float[samples];
        for (int i = 0; i < samples; i++) {
            n[i] = (float) r.nextGaussian();
        }
        return n;
    }

    static float[] mono(Path wav) throws IOException {
        try (WavFileSource src = WavFileSource.open(wav, false)) {
            int ch = src.format().channels();
            List<float[]> parts = new ArrayList<>();
            float[] buf = new float[4096 * ch];
            int n;
            int total = 0;
            while ((n = src.read(buf, 4096)) > 0) {
                float[] p = new float[n];
                for (int i = 0; i < n; i++) {
                    p[i] = buf[i * ch];
                }
                parts.add(p);
                total += n;
            }
            float[] all = new float[total];
            int pos = 0;
            for (float[] p : parts) {
                System.arraycopy(p, 0, all, pos, p.length);
                pos += p.length;
            }
            return all;
        }
    }

    /** An utterance placed in a timeline, with its true speech span in samples. */
    record Placed(int startSample, float[] samples, int truthStart, int truthEnd) {}

    static Placed place(float[] speech, int atSample) {
        int frame = speech.length > 0 ? 160 : 1;
        double max = 0;
        int frames = speech.length / frame;
        double[] e = new double[frames];
        for (int f = 0; f < frames; f++) {
            e[f] = rms(speech, f * frame, (f + 1) * frame);
            max = Math.max(max, e[f]);
        }
        int first = -1;
        int last = -1;
        for (int f = 0; f < frames; f++) {
            if (e[f] > max * 0.01) { // -40 dB
                if (first < 0) {
                    first = f;
                }
                last = f;
            }
        }
        return new Placed(atSample, speech, atSample + first * frame, atSample + (last + 1) * frame);
    }

    /** Sum of utterances in a timeline of {@code length} samples. */
    static float[] timeline(int length, List<Placed> utterances) {
        float[] t = new float[length];
        for (Placed p : utterances) {
            for (int i = 0; i < p.samples().length && p.startSample() + i < length; i++) {
                t[p.startSample() + i] += p.samples()[i];
            }
        }
        return t;
    }

    /**
     * clean + noise scaled so that the speech's active power (over the true spans) is {@code snrDb} above the
     * noise power.
     */
    static float[] mix(float[] clean, List<Placed> utterances, float[] noise, double snrDb) {
        double speechEnergy = 0;
        long count = 0;
        for (Placed p : utterances) {
            for (int i = p.truthStart(); i < p.truthEnd(); i++) {
                speechEnergy += (double) clean[i] * clean[i];
                count++;
            }
        }
        double speechPower = speechEnergy / count;
        double noisePower = Math.pow(rms(noise, 0, noise.length), 2);
        double g = Math.sqrt(speechPower / noisePower / Math.pow(10, snrDb / 10));
        float[] out = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            out[i] = (float) (clean[i] + g * noise[i % noise.length]);
        }
        return out;
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }

    static void scale(float[] x, double g) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) g;
        }
    }

    /** Writes interleaved channels as 16-bit PCM WAV (clipped to full scale). */
    static Path writeWav(Path file, int rate, float[]... channels) throws IOException {
        int ch = channels.length;
        int n = channels[0].length;
        ByteBuffer b = ByteBuffer.allocate(n * ch * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (float[] c : channels) {
                b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(c[i] * 32767))));
            }
        }
        try (AudioInputStream in = new AudioInputStream(
                new ByteArrayInputStream(b.array()),
                PcmFormat.signed16(rate, ch).toJavaSound(),
                n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(
                    cmd[0] + " is needed to generate audio fixtures: apt-get install espeak-ng sox (" + e.getMessage()
                            + ")",
                    e);
        }
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + output);
        }
    }
}
