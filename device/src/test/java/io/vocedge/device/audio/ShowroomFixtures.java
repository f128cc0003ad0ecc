package io.vocedge.device.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Showroom scenes for VAD evaluation (issue 16), made at test time from espeak-ng speech and sox sounds and mixed
 * here at exact SNRs. Nothing is committed as a binary; sources are cached in {@code dir} for the run.
 *
 * <p>A speech scene: 1.5 s of noise, then {@link #UTTERANCES} utterances (4 foreground voices, random sentences)
 * with pauses of 0.6 to 2.5 s between their true spans, then 1.5 s of noise. Foreground speech sits at an active
 * level of {@link #SPEECH_DBFS}; the noise is scaled so that the speech's active power is {@code snrDb} above the
 * noise's mean power. Truth per utterance: first and last 10 ms frame of the clean speech within 40 dB of its loudest
 * frame.
 *
 * <p>Noises: white, pink, brown (sox), mains hum (50 Hz and harmonics with a little buzz), babble (six distant
 * espeak voices: reverberant, low-passed, overlapping), music (sox-synthesised plucked and pad chords over a
 * kick/snare/hat beat at 120 bpm), TV (one band-limited, slightly reverberant voice talking on). Layouts: mono 16 kHz,
 * 48 kHz stereo (two mics 10 cm apart, best-channel), 4- and 6-mic circular arrays at 16 kHz (beamform). The talker
 * is at 60 degrees; white/pink/brown noise is diffuse (independent per mic), hum is electrical (same on every mic),
 * babble, music and TV come from a point at 210 degrees. Delays are whole samples at the layout's rate.
 */
final class ShowroomFixtures {
    static final int UTTERANCES = 6;
    static final double SPEECH_DBFS = -26;
    static final double LEAD_S = 1.5;
    static final double MIN_PAUSE_S = 0.6;
    static final double MAX_PAUSE_S = 2.5;
    private static final double SOUND_SPEED = 343;

    enum Noise {
        WHITE,
        PINK,
        BROWN,
        HUM,
        BABBLE,
        MUSIC,
        TV
    }

    enum Layout {
        MONO_16K(16_000, 1, 0),
        STEREO_48K(48_000, 2, 0.05),
        ARRAY4_16K(16_000, 4, 0.032),
        ARRAY6_16K(16_000, 6, 0.046);

        final int rate;
        final int channels;
        final double radius;

        Layout(int rate, int channels, double radius) {
            this.rate = rate;
            this.channels = channels;
            this.radius = radius;
        }

        /** Mic positions (x, y) in metres, evenly on a circle; two mics lie on the x axis. */
        List<List<Double>> mics() {
            List<List<Double>> m = new ArrayList<>();
            for (int c = 0; c < channels && channels > 1; c++) {
                double a = 2 * Math.PI * c / channels;
                m.add(List.of(radius * Math.cos(a), radius * Math.sin(a)));
            }
            return m;
        }

        /** Arrays steer (beamform); the stereo pair picks its best channel, as a HAT with no geometry configured. */
        boolean beamform() {
            return channels >= 4;
        }
    }

    /** A mixed scene: interleaved samples and the true speech spans in ms. */
    record Scene(String name, Layout layout, float[] interleaved, List<long[]> truthMs, double seconds) {}

    static final String[] SENTENCES = {
        "Hello, I paid a deposit for the blue car last week.",
        "The salesman said it was in stock, but now you tell me it is not.",
        "I would like to speak to the manager about the delivery date.",
        "Can we book a test drive for Saturday morning?",
        "What is the fuel consumption of the hybrid model?",
        "My trade in was valued much lower than the website said.",
        "Do you offer finance over four or five years?",
        "The service was excellent and the coffee was great.",
        "I have been waiting here for forty minutes.",
        "Is the warranty transferable if I sell the car?",
        "Could you send me the offer by email, please?",
        "We need a car with seven seats and a big boot.",
        "The paint has a scratch on the rear door.",
        "Thank you, that was really helpful.",
        "How long does the battery last in winter?",
        "I am not happy with how this has been handled.",
        "Yes, the red one, with the leather seats.",
        "When can I pick it up?"
    };
    static final String[] VOICES = {"en-us", "en-us+f3", "en-gb", "en-gb-scotland+f2"};
    static final String[] BABBLE_VOICES = {
        "en-029", "en-us+m3", "en-gb-x-rp+f4", "en-us-nyc", "en-gb+f1", "en-gb-x-gbclan+m2"
    };
    static final String[] BABBLE_LINES = {
        "The new model comes out in the spring and it has a bigger screen.",
        "We could go for lunch after this if you like.",
        "No, the other one, the grey one over there by the window.",
        "He said the price includes the winter tyres and the mats.",
        "I think the kids would love the panoramic roof honestly.",
        "Let me check with my wife before we sign anything today.",
        "The dealership across town offered us a better deal last month.",
        "It drives really smoothly, much quieter than our old diesel.",
        "Did you see the electric one with the long range battery?",
        "We should ask about the service plan and the insurance too."
    };
    static final String TV_TEXT =
            "Good evening and welcome to the six o'clock news. Heavy rain is expected across the north "
                    + "tonight, with strong winds along the coast. In sport, the home team won their third match in a row, and the "
                    + "coach praised the young players. Markets closed slightly higher today as energy prices fell. Now, the weather "
                    + "for the weekend looks brighter, with sunshine in most places by Sunday afternoon. Stay with us after the break "
                    + "for an interview with the minister about the new transport plan.";

    private final Path dir;
    private final Map<String, float[]> cache = new HashMap<>();

    ShowroomFixtures(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    // ---------------------------------------------------------------- scenes

    Scene speechInNoise(Noise noise, double snrDb, Layout layout, long seed) throws IOException, InterruptedException {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + noise.ordinal() * 7 + layout.ordinal());
        int rate = layout.rate;
        List<float[]> utts = new ArrayList<>();
        List<int[]> spans = new ArrayList<>(); // true start/end inside each utterance, samples
        for (int u = 0; u < UTTERANCES; u++) {
            float[] s = utterance(rnd.nextInt(SENTENCES.length), rnd.nextInt(VOICES.length), rate);
            utts.add(s);
            spans.add(truthSpan(s, rate));
        }
        int lead = (int) (LEAD_S * rate);
        List<int[]> at = new ArrayList<>(); // placement start of each utterance buffer
        int truthEndPrev = -1;
        for (int u = 0; u < UTTERANCES; u++) {
            int start;
            if (u == 0) {
                start = lead - spans.get(0)[0];
            } else {
                int pause = (int) ((MIN_PAUSE_S + rnd.nextDouble() * (MAX_PAUSE_S - MIN_PAUSE_S)) * rate);
                start = truthEndPrev + pause - spans.get(u)[0];
            }
            at.add(new int[] {start});
            truthEndPrev = start + spans.get(u)[1];
        }
        int length = truthEndPrev + lead;
        float[] clean = new float[length];
        double active = 0;
        long activeN = 0;
        List<long[]> truth = new ArrayList<>();
        for (int u = 0; u < UTTERANCES; u++) {
            float[] s = utts.get(u);
            int st = at.get(u)[0];
            for (int i = 0; i < s.length && st + i < length; i++) {
                if (st + i >= 0) {
                    clean[st + i] += s[i];
                }
            }
            for (int i = spans.get(u)[0]; i < spans.get(u)[1]; i++) {
                active += (double) s[i] * s[i];
                activeN++;
            }
            truth.add(new long[] {(st + spans.get(u)[0]) * 1000L / rate, (st + spans.get(u)[1]) * 1000L / rate});
        }
        double speechGain = Math.pow(10, SPEECH_DBFS / 20) / Math.sqrt(active / activeN);
        AudioFixtures.scale(clean, speechGain);
        double noiseRms = Math.pow(10, (SPEECH_DBFS - snrDb) / 20);
        float[] mixed = render(layout, clean, noise, noiseRms, length, rnd);
        String name = String.format(
                "%s-%s-%02ddB-%d", noise.name().toLowerCase(), layout.name().toLowerCase(), (int) snrDb, seed);
        return new Scene(name, layout, mixed, truth, length / (double) rate);
    }

    /** Noise (or music, babble, TV) alone at the level it has in the 10 dB scenes. */
    Scene noiseOnly(Noise noise, Layout layout, double seconds, long seed) throws IOException, InterruptedException {
        SplittableRandom rnd = new SplittableRandom(seed * 131 + noise.ordinal());
        int length = (int) (seconds * layout.rate);
        float[] mixed = render(layout, new float[length], noise, Math.pow(10, (SPEECH_DBFS - 10) / 20), length, rnd);
        return new Scene(
                noise.name().toLowerCase() + "-only-" + layout.name().toLowerCase(), layout, mixed, List.of(), seconds);
    }

    private float[] render(Layout layout, float[] clean, Noise noise, double noiseRms, int length, SplittableRandom rnd)
            throws IOException, InterruptedException {
        int ch = layout.channels;
        int rate = layout.rate;
        float[] src = noiseSource(noise, rate, length / (double) rate + 2);
        double g = noiseRms / AudioFixtures.rms(src, 0, src.length);
        int[] talkerDelay = delays(layout, 60);
        int[] noiseDelay = delays(layout, 210);
        boolean diffuse = noise == Noise.WHITE || noise == Noise.PINK || noise == Noise.BROWN;
        boolean electrical = noise == Noise.HUM;
        int base = rnd.nextInt(Math.max(1, src.length - length));
        float[] out = new float[length * ch];
        for (int c = 0; c < ch; c++) {
            int off;
            if (diffuse) {
                off = base + c * (int) (1.37 * rate); // other stretch of the noise per mic: uncorrelated
            } else if (electrical) {
                off = base;
            } else {
                off = base - noiseDelay[c];
            }
            int td = talkerDelay[c];
            for (int i = 0; i < length; i++) {
                int si = i - td;
                float v = si >= 0 ? clean[si] : 0f;
                int ni = Math.floorMod(off + i, src.length);
                out[i * ch + c] = (float) (v + g * src[ni]);
            }
        }
        return out;
    }

    /** Whole-sample arrival delays per mic for a far source at {@code degrees} (non-negative, smallest 0). */
    static int[] delays(Layout layout, double degrees) {
        int ch = layout.channels;
        int[] d = new int[ch];
        if (ch == 1) {
            return d;
        }
        double ux = Math.cos(Math.toRadians(degrees));
        double uy = Math.sin(Math.toRadians(degrees));
        List<List<Double>> m = layout.mics();
        double[] t = new double[ch];
        double min = Double.MAX_VALUE;
        for (int c = 0; c < ch; c++) {
            t[c] = -(m.get(c).get(0) * ux + m.get(c).get(1) * uy) / SOUND_SPEED; // mics nearer the source hear it first
            min = Math.min(min, t[c]);
        }
        for (int c = 0; c < ch; c++) {
            d[c] = (int) Math.round((t[c] - min) * layout.rate);
        }
        return d;
    }

    /** First and last 10 ms frame within 40 dB of the loudest frame, as [start, end) samples. */
    static int[] truthSpan(float[] s, int rate) {
        int frame = rate / 100;
        int frames = s.length / frame;
        double max = 0;
        double[] e = new double[frames];
        for (int f = 0; f < frames; f++) {
            e[f] = AudioFixtures.rms(s, f * frame, (f + 1) * frame);
            max = Math.max(max, e[f]);
        }
        int first = 0;
        int last = frames - 1;
        while (first < frames && e[first] <= max * 0.01) {
            first++;
        }
        while (last > first && e[last] <= max * 0.01) {
            last--;
        }
        return new int[] {first * frame, (last + 1) * frame};
    }

    // ---------------------------------------------------------------- sources

    float[] utterance(int sentence, int voice, int rate) throws IOException, InterruptedException {
        return tts("fg", VOICES[voice], 150 + 10 * voice, SENTENCES[sentence], rate, null);
    }

    private float[] tts(String tag, String voice, int wpm, String text, int rate, String[] effects)
            throws IOException, InterruptedException {
        String key = tag + "-" + voice + "-" + wpm + "-" + Integer.toHexString(text.hashCode()) + "-" + rate;
        float[] hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        Path wav = dir.resolve(key + ".wav");
        if (!Files.exists(wav)) {
            Path raw = dir.resolve(key + "-raw.wav");
            AudioFixtures.run("espeak-ng", "-v", voice, "-s", String.valueOf(wpm), "-w", raw.toString(), text);
            List<String> cmd = new ArrayList<>(
                    List.of("sox", raw.toString(), "-r", String.valueOf(rate), "-c", "1", "-b", "16", wav.toString()));
            if (effects != null) {
                cmd.addAll(List.of(effects));
            }
            AudioFixtures.run(cmd.toArray(String[]::new));
            Files.deleteIfExists(raw);
        }
        float[] s = AudioFixtures.mono(wav);
        cache.put(key, s);
        return s;
    }

    /** A noise buffer of at least {@code seconds}, unit-free (scaled by the caller). */
    float[] noiseSource(Noise noise, int rate, double seconds) throws IOException, InterruptedException {
        double len = Math.max(60, Math.ceil(seconds / 30) * 30);
        String key = noise + "-" + rate + "-" + len;
        float[] hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        float[] s = switch (noise) {
            case WHITE, PINK, BROWN -> soxNoise(noise.name().toLowerCase() + "noise", rate, len);
            case HUM -> hum(rate, len);
            case BABBLE -> babble(rate, len);
            case MUSIC -> music(rate, len);
            case TV -> tv(rate, len);
        };
        cache.put(key, s);
        return s;
    }

    private float[] soxNoise(String kind, int rate, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve(kind + "-" + rate + "-" + (int) seconds + ".wav");
        if (!Files.exists(out)) {
            AudioFixtures.run(
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
                    kind,
                    "vol",
                    "0.5");
        }
        return AudioFixtures.mono(out);
    }

    /** Mains hum: 50 Hz with odd and even harmonics (transformer buzz), slowly wandering in level. */
    private static float[] hum(int rate, double seconds) {
        int n = (int) (seconds * rate);
        float[] h = new float[n];
        double[] amp = {1.0, 0.5, 0.7, 0.2, 0.35, 0.1, 0.15, 0.05};
        SplittableRandom r = new SplittableRandom(50);
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double v = 0;
            for (int k = 0; k < amp.length; k++) {
                v += amp[k] * Math.sin(2 * Math.PI * 50 * (k + 1) * t + k);
            }
            h[i] = (float) (v * (1 + 0.1 * Math.sin(2 * Math.PI * 0.3 * t)) + 0.01 * r.nextGaussian());
        }
        return h;
    }

    /** Six distant talkers, each talking on with short pauses, reverberant and low-passed, summed. */
    private float[] babble(int rate, double seconds) throws IOException, InterruptedException {
        int n = (int) (seconds * rate);
        float[] out = new float[n];
        String[] distant = {"highpass", "120", "lowpass", "3000", "reverb", "60", "50", "100", "gain", "-3"};
        for (int v = 0; v < BABBLE_VOICES.length; v++) {
            SplittableRandom r = new SplittableRandom(1000 + v);
            int pos = (int) (r.nextDouble() * 2 * rate);
            float level = (float) (0.6 + 0.8 * r.nextDouble());
            while (pos < n) {
                float[] s = tts(
                        "babble",
                        BABBLE_VOICES[v],
                        140 + 15 * v,
                        BABBLE_LINES[r.nextInt(BABBLE_LINES.length)],
                        rate,
                        distant);
                s = normalised(s);
                for (int i = 0; i < s.length && pos + i < n; i++) {
                    out[pos + i] += level * s[i];
                }
                pos += s.length + (int) ((0.1 + 0.6 * r.nextDouble()) * rate);
            }
        }
        return out;
    }

    /** A TV across the room: one presenter, band-limited like a small speaker, a little room, talking on. */
    private float[] tv(int rate, double seconds) throws IOException, InterruptedException {
        String[] speaker = {
            "highpass",
            "200",
            "lowpass",
            "5000",
            "reverb",
            "30",
            "50",
            "60",
            "compand",
            "0.02,0.2",
            "-60,-40,-10",
            "-5",
            "-90",
            "0.1"
        };
        float[] talk = normalised(tts("tv", "en-gb-x-rp", 165, TV_TEXT, rate, speaker));
        int n = (int) (seconds * rate);
        float[] out = new float[n];
        int pos = 0;
        SplittableRandom r = new SplittableRandom(77);
        while (pos < n) {
            for (int i = 0; i < talk.length && pos + i < n; i++) {
                out[pos + i] = talk[i];
            }
            pos += talk.length + (int) (0.3 * rate * r.nextDouble());
        }
        return out;
    }

    /** Chords (plucked and pad, sox synth) in a random progression at 120 bpm over a kick, snare and hat beat. */
    private float[] music(int rate, double seconds) throws IOException, InterruptedException {
        String[][] chords = {
            {"C3", "E3", "G3", "C4"},
            {"A2", "C3", "E3", "A3"},
            {"F2", "A2", "C3", "F3"},
            {"G2", "B2", "D3", "G3"},
            {"D3", "F3", "A3", "D4"},
            {"E2", "G#2", "B2", "E3"}
        };
        List<float[]> pluck = new ArrayList<>();
        List<float[]> pad = new ArrayList<>();
        for (int i = 0; i < chords.length; i++) {
            pluck.add(synthChord("pluck", chords[i], rate, i));
            pad.add(synthChord("triangle", chords[i], rate, i));
        }
        float[] kick = sox("kick", rate, "synth", "0.25", "sine", "150-45", "fade", "0", "0.25", "0.2");
        float[] snare =
                sox("snare", rate, "synth", "0.15", "whitenoise", "lowpass", "6000", "fade", "0", "0.15", "0.13");
        float[] hat = sox("hat", rate, "synth", "0.05", "whitenoise", "highpass", "7000", "fade", "0", "0.05", "0.045");
        int n = (int) (seconds * rate);
        float[] out = new float[n];
        int beat = rate / 2; // 120 bpm
        SplittableRandom r = new SplittableRandom(5);
        for (int bar = 0; bar * 4 * beat < n; bar++) {
            int c = r.nextInt(chords.length);
            int at = bar * 4 * beat;
            add(out, pad.get(c), at, 0.25f);
            add(out, pluck.get(c), at, 0.8f);
            add(out, pluck.get(c), at + 2 * beat, 0.6f);
            for (int b = 0; b < 4; b++) {
                add(out, b % 2 == 0 ? kick : snare, at + b * beat, b % 2 == 0 ? 0.9f : 0.5f);
                add(out, hat, at + b * beat + beat / 2, 0.25f);
            }
        }
        return out;
    }

    private float[] synthChord(String wave, String[] notes, int rate, int i) throws IOException, InterruptedException {
        Path out = dir.resolve("chord-" + wave + "-" + i + "-" + rate + ".wav");
        if (!Files.exists(out)) {
            List<String> cmd = new ArrayList<>(List.of(
                    "sox",
                    "-n",
                    "-r",
                    String.valueOf(rate),
                    "-c",
                    "4",
                    "-b",
                    "16",
                    dir.resolve("chord4-" + wave + "-" + i + "-" + rate + ".wav")
                            .toString(),
                    "synth",
                    "2"));
            for (String note : notes) {
                cmd.add(wave);
                cmd.add(note);
            }
            cmd.addAll(List.of("fade", "0.02", "2", "0.4", "vol", "0.2"));
            AudioFixtures.run(cmd.toArray(String[]::new));
            AudioFixtures.run(
                    "sox",
                    dir.resolve("chord4-" + wave + "-" + i + "-" + rate + ".wav")
                            .toString(),
                    "-c",
                    "1",
                    out.toString(),
                    "remix",
                    "-");
        }
        return AudioFixtures.mono(out);
    }

    private float[] sox(String name, int rate, String... effects) throws IOException, InterruptedException {
        Path out = dir.resolve(name + "-" + rate + ".wav");
        if (!Files.exists(out)) {
            List<String> cmd = new ArrayList<>(
                    List.of("sox", "-R", "-n", "-r", String.valueOf(rate), "-c", "1", "-b", "16", out.toString()));
            cmd.addAll(List.of(effects));
            AudioFixtures.run(cmd.toArray(String[]::new));
        }
        return AudioFixtures.mono(out);
    }

    private static void add(float[] out, float[] s, int at, float g) {
        for (int i = 0; i < s.length && at + i < out.length; i++) {
            out[at + i] += g * s[i];
        }
    }

    private static float[] normalised(float[] s) {
        float[] c = s.clone();
        double r = AudioFixtures.rms(c, 0, c.length);
        if (r > 0) {
            AudioFixtures.scale(c, 0.1 / r);
        }
        return c;
    }
}
