package io.vocedge.device.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Trains {@link PiiTagger} from redaction case files: every candidate token of a case's text is an example, personal
 * when it lies inside one of the case's {@code must_remove} spans. Logistic regression by AdaGrad stochastic gradient
 * descent with L2 on the weights an example touches, examples visited in an order drawn from a fixed-seed SplitMix64,
 * one thread, {@link StrictMath} for the exponential: the same cases give the same bytes on any JVM. A small
 * implementation of our own for the same reason as the insight model's (device/README.md, "Why our own learner"):
 * a few dozen lines against a library whose model files we could not keep bit-stable.
 */
public final class PiiTaggerTraining {
    /**
     * Training parameters, chosen by leave-one-file-out cross-validation over the dev files ({@code insights
     * redaction-train --cv}; device/README.md): keep spans' tokens weigh 10 times (a kept price or store line matters
     * as much as a caught digit run, and the first tagger without it lost two kept spans per span it caught); L2
     * 1e-3 and 6 epochs over 10 and 1e-5; threshold 0.95 where the kept rate costs least per span caught.
     */
    public record Params(int epochs, double learningRate, double l2, double keepWeight, float threshold, long seed) {
        public static final Params DEFAULT = new Params(6, 0.1, 1e-3, 10, 0.95f, 20261206L);

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "adagrad epochs=%d lr=%s l2=%s keep_weight=%s threshold=%s seed=%d",
                    epochs,
                    learningRate,
                    l2,
                    keepWeight,
                    threshold,
                    seed);
        }
    }

    /** One candidate token: its hashed features and whether it is personal. */
    record Example(int[] features, boolean personal, boolean keep) {}

    /**
     * The case files the tagger learns from: a directory's dev parts, {@code pii-*dev.tsv} and {@code pii-*rules.tsv}
     * (never a held-out file). The rules files were kept out from author 29 to 60 (one file cost two held-out spans
     * then); with 32 of them, a tagger trained on every dev part but one author's catches 21 more of the 3,805 spans of
     * those authors' held-out parts than the 29-file tagger, kept unchanged (2026-12-07, device/corpus/README.md).
     */
    public static final String DEV_FILES = "glob:pii-*{dev,rules}.tsv";

    /** Rules alone and rules with the tagger, summed over folds, for one threshold. */
    public record Fold(
            float threshold, int removeSpans, int rulesRedacted, int redacted, int keepSpans, int rulesKept, int kept) {
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "threshold %.3f: recall %.4f -> %.4f (+%d of %d spans), kept %.4f -> %.4f (%+d of %d)",
                    threshold,
                    rulesRedacted / (double) removeSpans,
                    redacted / (double) removeSpans,
                    redacted - rulesRedacted,
                    removeSpans,
                    rulesKept / (double) keepSpans,
                    kept / (double) keepSpans,
                    kept - rulesKept,
                    keepSpans);
        }
    }

    private PiiTaggerTraining() {}

    /** The dev case files of {@code dir} by file name, in name order. */
    public static Map<String, List<RedactionScore.Case>> devFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory of pii-*dev.tsv / pii-*rules.tsv case files");
        }
        var matcher = dir.getFileSystem().getPathMatcher(DEV_FILES);
        Map<String, List<RedactionScore.Case>> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(f -> matcher.matches(f.getFileName())).sorted().toList()) {
                out.put(f.getFileName().toString(), RedactionScore.read(f));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no pii-*dev.tsv or pii-*rules.tsv case file");
        }
        return out;
    }

    /** Trains on every file; the version names the data and parameters ({@code pii-1-<sha256 prefix>}). */
    public static PiiTagger train(Map<String, List<RedactionScore.Case>> files, Params params) {
        List<RedactionScore.Case> all = new ArrayList<>();
        files.values().forEach(all::addAll);
        return train(all, params, "pii-1-" + digest(files, params));
    }

    private static String digest(Map<String, List<RedactionScore.Case>> files, Params params) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                for (RedactionScore.Case c : e.getValue()) {
                    sha.update(
                            (c.text() + "\t" + c.remove() + "\t" + c.keep() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            sha.update((params.describe() + "|bits=" + PiiTagger.BITS + "|features=" + PiiTokenFeatures.VERSION)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    /**
     * Leave-one-file-out: each file (one author) scored by a tagger trained on the others, beside the rules alone;
     * the measure of how the tagger carries to an author it never read.
     */
    public static List<Fold> crossValidate(
            Map<String, List<RedactionScore.Case>> files, Params params, float[] thresholds) {
        int[][] sums = new int[thresholds.length][6];
        Redactor rules = new Redactor(PiiTagger.none());
        for (String held : files.keySet()) {
            List<RedactionScore.Case> train = new ArrayList<>();
            files.forEach((name, cases) -> {
                if (!name.equals(held)) {
                    train.addAll(cases);
                }
            });
            PiiTagger tagger = train(train, params, "cv");
            RedactionScore.Figures base = RedactionScore.score(rules, files.get(held));
            for (int t = 0; t < thresholds.length; t++) {
                RedactionScore.Figures f =
                        RedactionScore.score(new Redactor(tagger.withThreshold(thresholds[t])), files.get(held));
                int[] s = sums[t];
                s[0] += f.removeSpans();
                s[1] += base.redacted();
                s[2] += f.redacted();
                s[3] += f.keepSpans();
                s[4] += base.kept();
                s[5] += f.kept();
            }
        }
        List<Fold> out = new ArrayList<>();
        for (int t = 0; t < thresholds.length; t++) {
            int[] s = sums[t];
            out.add(new Fold(thresholds[t], s[0], s[1], s[2], s[3], s[4], s[5]));
        }
        return out;
    }

    /** The candidate tokens of {@code cases} as examples, in case order. */
    static List<Example> examples(List<RedactionScore.Case> cases) {
        List<Example> out = new ArrayList<>();
        for (RedactionScore.Case c : cases) {
            List<RedactionTokens.Token> tokens =
                    SpokenNumbers.merge(RedactionTokens.of(Redactor.readable(c.text()))); // as the redactor reads it
            boolean[] personal = chars(c.text(), c.remove());
            boolean[] keep = chars(c.text(), c.keep());
            PiiTokenFeatures.forEachRun(tokens, (run, features) -> {
                for (int k = 0; k < run.length; k++) {
                    RedactionTokens.Token t = tokens.get(run[k]);
                    boolean p = false;
                    boolean kept = false;
                    for (int x = t.start(); x < t.end(); x++) {
                        p |= personal[x];
                        kept |= keep[x];
                    }
                    out.add(new Example(features.all(k), p, kept && !p));
                }
            });
        }
        return out;
    }

    /** Characters of {@code text} inside an occurrence of one of {@code spans} (compared ignoring case). */
    private static boolean[] chars(String text, List<String> spans) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] personal = new boolean[text.length()];
        for (String span : spans) {
            String s = span.toLowerCase(Locale.ROOT).strip();
            if (s.isEmpty() || lower.length() != text.length()) {
                continue;
            }
            int from = 0;
            int at;
            while ((at = lower.indexOf(s, from)) >= 0) {
                for (int x = at; x < at + s.length(); x++) {
                    personal[x] = true;
                }
                from = at + 1;
            }
        }
        return personal;
    }

    static PiiTagger train(List<RedactionScore.Case> cases, Params params, String version) {
        List<Example> examples = examples(cases);
        int size = 1 << PiiTagger.BITS;
        int mask = size - 1;
        double[] w = new double[size];
        double[] g2 = new double[size];
        double bias = 0;
        double biasG2 = 0;
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long state = params.seed();
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                state += 0x9E3779B97F4A7C15L;
                long z = state;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
                int j = (int) Long.remainderUnsigned(z, i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int idx : order) {
                Example e = examples.get(idx);
                double score = bias;
                for (int f : e.features()) {
                    score += w[f & mask];
                }
                double p = 1 / (1 + StrictMath.exp(-score));
                double g = (p - (e.personal() ? 1 : 0)) * (e.keep() ? params.keepWeight() : 1);
                biasG2 += g * g;
                bias -= params.learningRate() * g / Math.sqrt(biasG2 + 1e-8);
                for (int f : e.features()) {
                    int k = f & mask;
                    double gk = g + params.l2() * w[k];
                    g2[k] += gk * gk;
                    w[k] -= params.learningRate() * gk / Math.sqrt(g2[k] + 1e-8);
                }
            }
        }
        float[] weights = new float[size];
        for (int i = 0; i < size; i++) {
            weights[i] = (float) w[i];
        }
        return new PiiTagger(weights, (float) bias, params.threshold(), version);
    }
}
