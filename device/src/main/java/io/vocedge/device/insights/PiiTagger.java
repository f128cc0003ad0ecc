package io.vocedge.device.insights;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The learned half of redaction: a logistic-regression tagger that reads every run of number-like and letter-like
 * tokens ("four five four four", "幺 三 八", "KJ 4821", "double seven") in its context and judges, token by token,
 * whether it belongs to personal data. {@link Redactor} removes what the rules find <em>and</em> what this tagger
 * finds (kind {@code number}), so the tagger can only add removals; the rules' keep decisions for prices, times and
 * quantities stay in force only where the tagger agrees, which is why its threshold is chosen for the kept rate.
 *
 * <p>Why: rules written on one author's misses transferred little to the next author's phrasing (issue 15 notes,
 * 2026-12-06); a model trained on every author's dev cases reads the cues they share (a lead-in such as "card",
 * 号码, a long run of digits, a unit or currency after the run) rather than one phrasing. Trained by {@link
 * PiiTaggerTraining} from the dev case files, deterministically; shipped as {@code pii-tagger.bin} (2^18 float
 * weights: about 190 KB gzip, 1 MB in memory), loaded once.
 *
 * <p>Features are hashed without building strings: a feature is a template number mixed with {@link
 * String#hashCode()} of its words (that function is fixed by the Java language specification, so a model file means
 * the same on every JVM).
 */
public final class PiiTagger {
    /** Hashed weight table size: 2^18 floats. */
    static final int BITS = 18;

    private static final int MASK = (1 << BITS) - 1;
    private static final byte[] MAGIC = "VOCPIIT1".getBytes(StandardCharsets.US_ASCII);
    private static final String RESOURCE = "pii-tagger.bin";
    /** Digits or letters a hit must hold. */
    private static final int MIN_HIT_UNITS = 3;

    /** A token range the tagger removes, in the input's characters. */
    record Hit(int start, int end) {}

    private final float[] weights;
    private final float bias;
    private final float threshold;
    private final String version;

    PiiTagger(float[] weights, float bias, float threshold, String version) {
        if (weights.length != 1 << BITS && !(weights.length == 0 && threshold >= 1f)) {
            throw new IllegalArgumentException(
                    "PII tagger: expected " + (1 << BITS) + " weights, got " + weights.length);
        }
        this.weights = weights;
        this.bias = bias;
        this.threshold = threshold;
        this.version = version;
    }

    /** The tagger shipped in the jar; loaded once (immutable weights, shared by every {@link Redactor}). */
    public static PiiTagger bundled() {
        return Bundled.TAGGER;
    }

    /** A tagger that finds nothing: the rules alone (for measuring what the tagger adds). */
    public static PiiTagger none() {
        return new PiiTagger(new float[0], 0f, 1f, "none");
    }

    public String version() {
        return version;
    }

    public float threshold() {
        return threshold;
    }

    /** The same weights judged at another threshold (cross-validation); 1 or more finds nothing. */
    PiiTagger withThreshold(float t) {
        return new PiiTagger(weights, bias, t, version);
    }

    /** Token ranges judged personal; consecutive judged tokens of one run form one range. */
    List<Hit> find(List<RedactionTokens.Token> tokens, boolean[] covered) {
        List<Hit> out = new ArrayList<>();
        if (threshold >= 1f) {
            return out;
        }
        PiiTokenFeatures.forEachRun(tokens, covered, (run, features) -> {
            boolean[] tagged = new boolean[run.length];
            double shared = bias;
            for (int f : features.shared()) {
                shared += weights[f & MASK];
            }
            for (int k = 0; k < run.length; k++) {
                tagged[k] = !covered[tokens.get(run[k]).start()] && probability(shared, features.own()[k]) >= threshold;
            }
            wholeRun(tokens, covered, run, tagged);
            int k = 0;
            while (k < run.length) {
                if (!tagged[k]) {
                    k++;
                    continue;
                }
                int from = k;
                int units = 0;
                while (k < run.length && tagged[k]) {
                    units += PiiTokenFeatures.units(tokens.get(run[k]));
                    k++;
                }
                // A lone digit or two judged personal inside a run the tagger otherwise keeps is noise ("四 四 五
                // 五" losing one 四; "<phone> 兩 點" losing the hour). Letting one continue a rule's span instead
                // caught nothing more in leave-one-file-out and lost a kept span.
                if (units >= MIN_HIT_UNITS) {
                    out.add(new Hit(
                            tokens.get(run[from]).start(),
                            tokens.get(run[k - 1]).end()));
                }
            }
        });
        return out;
    }

    /**
     * A run the tagger judges mostly personal is one number: its edges go too ("七 七 三 五" losing 七 七 三 but not 五
     * left a digit of the plate). Leave-one-file-out recall and kept at the threshold are the same with and without
     * (the scorer forgives a lone digit); a plate's last digit left in the record is still a leak.
     */
    private static void wholeRun(List<RedactionTokens.Token> tokens, boolean[] covered, int[] run, boolean[] tagged) {
        int open = 0;
        int judged = 0;
        for (int k = 0; k < run.length; k++) {
            RedactionTokens.Token t = tokens.get(run[k]);
            if (!covered[t.start()]) {
                int u = PiiTokenFeatures.units(t);
                open += u;
                judged += tagged[k] ? u : 0;
            }
        }
        if (judged >= MIN_HIT_UNITS && judged * 2 >= open) {
            for (int k = 0; k < run.length; k++) {
                tagged[k] |= !covered[tokens.get(run[k]).start()];
            }
        }
    }

    /** {@code shared}: the bias plus the run's shared features' weights, summed in that order. */
    private double probability(double shared, int[] own) {
        double z = shared;
        for (int f : own) {
            z += weights[f & MASK];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
                out.write(MAGIC);
                out.writeUTF(version);
                out.writeInt(BITS);
                out.writeFloat(bias);
                out.writeFloat(threshold);
                for (float w : weights) {
                    out.writeFloat(w);
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PiiTagger read(InputStream raw) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a PII tagger file (magic " + new String(magic, StandardCharsets.US_ASCII)
                        + "); build one with: voc-device insights redaction-train");
            }
            String version = in.readUTF();
            int bits = in.readInt();
            if (bits != BITS) {
                throw new IOException("PII tagger file has 2^" + bits + " weights, this build reads 2^" + BITS
                        + "; retrain it with this build's: voc-device insights redaction-train");
            }
            float bias = in.readFloat();
            float threshold = in.readFloat();
            float[] w = new float[1 << BITS];
            for (int i = 0; i < w.length; i++) {
                w[i] = in.readFloat();
            }
            return new PiiTagger(w, bias, threshold, version);
        }
    }

    /** Holder so the jar's tagger is read on first use only. */
    private static final class Bundled {
        static final PiiTagger TAGGER = load();

        private static PiiTagger load() {
            try (InputStream in = PiiTagger.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the jar holds no " + RESOURCE + ": the build is incomplete");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the bundled " + RESOURCE, e);
            }
        }
    }
}
