package io.vocedge.device.insights.model;

import io.vocedge.protocol.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * From labelled utterances to a model file, and the honest figures that go with it.
 * <ol>
 *   <li>Every utterance is redacted and read by the lexicon rules exactly as on the device, then featurised once.</li>
 *   <li>k-fold cross-validation (folds drawn with a fixed seed) gives out-of-fold scores for every utterance.</li>
 *   <li>Calibration (sentiment temperature, Platt scaling per topic and flag) and decision thresholds are fitted on
 *   those out-of-fold scores; the final model is trained on everything and carries them.</li>
 * </ol>
 * {@link #crossValidate} reports figures with nested calibration: each fold is scored with calibration fitted on the
 * other folds only, so the reliability tables are not graded on their own training data.
 */
public final class ModelTraining {
    /** What training produced: the file bytes, the loaded model and the cross-validated figures. */
    public record Trained(byte[] bytes, InsightModel model, Metrics crossValidated) {}

    private record Prepared(Example example, FeatureVector features, int sentiment, boolean[] binary) {}

    private ModelTraining() {}

    /** The identity of a training run: the corpus/corrections digest plus everything else that shapes the model. */
    public static String digest(byte[] corpusAndCorrections, String lexiconVersion) {
        return digest(corpusAndCorrections, lexiconVersion, false);
    }

    /** As above, for a model calibrated on folds of whole authors when {@code authorFolds} ({@link #train}). */
    public static String digest(byte[] corpusAndCorrections, String lexiconVersion, boolean authorFolds) {
        String extra = "|features=" + Featurizer.VERSION + "|lexicon=" + lexiconVersion + "|"
                + Trainer.Params.DEFAULT.describe() + "|format=" + ModelCodec.FORMAT
                + (authorFolds ? "|calibration=author folds" : "");
        byte[] e = extra.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[corpusAndCorrections.length + e.length];
        System.arraycopy(corpusAndCorrections, 0, all, 0, corpusAndCorrections.length);
        System.arraycopy(e, 0, all, corpusAndCorrections.length, e.length);
        return HexFormat.of().formatHex(ModelCodec.sha256(all, all.length));
    }

    public static Trained train(
            List<Example> examples,
            TextPreparer prep,
            String sha256,
            String lexiconVersion,
            String versionLabel,
            int folds) {
        return train(examples, prep, sha256, lexiconVersion, versionLabel, folds, null);
    }

    /**
     * As above; with {@code groups} (the author of each example, see {@link AuthorGroups}) the calibration folds hold
     * whole authors ({@link #groupFolds}), so the calibration and thresholds are fitted on scores of authors the fold's
     * model never saw, as the device's speakers will be. Without it the folds are random.
     */
    public static Trained train(
            List<Example> examples,
            TextPreparer prep,
            String sha256,
            String lexiconVersion,
            String versionLabel,
            int folds,
            List<String> groups) {
        Labels labels = new Labels(Taxonomy.TOPICS, Taxonomy.FLAGS);
        List<Prepared> data = prepare(examples, prep, labels);
        Trainer.Params params = Trainer.Params.DEFAULT;
        int[] fold = groups == null ? folds(data.size(), folds, params.seed()) : groupFolds(groups, folds);
        double[][] oof = outOfFold(data, fold, folds, labels, params);
        Calibrated cal = calibrate(oof, data, labels, null, -1);
        Metrics cv = score(oof, data, labels, fold, folds, false);
        List<FeatureVector> all = new ArrayList<>();
        data.forEach(d -> all.add(d.features()));
        int[] keys = Trainer.keys(all, params.minCount());
        List<Trainer.Row> rows = rows(data, keys, null, -1);
        Trainer.Weights w = Trainer.train(keys, rows, labels.heads(), params);
        String summary = String.format(
                java.util.Locale.ROOT,
                "%d utterances; %s; %d-fold CV%s: topic micro-F1 %.3f, sentiment "
                        + "accuracy %.3f, negative recall %.3f",
                data.size(),
                params.describe(),
                folds,
                groups == null ? "" : " (folds of whole authors)",
                cv.topicMicroF1(),
                cv.sentimentAccuracy(),
                cv.sentimentRecall("negative"));
        // The version names the model's content, not only its input: the same corpus trained by another featurizer,
        // redactor or learner gives other weights, and a device refuses to install "the version already active", so
        // two different models must never share a version. It is the digest of the file written with the bare label.
        InsightModel.ModelInfo provisional = new InsightModel.ModelInfo(
                versionLabel + "-", sha256, lexiconVersion, Featurizer.VERSION, keys.length, summary);
        byte[] content = ModelCodec.write(Trainer.quantize(
                w, labels, provisional, cal.temperature, cal.a, cal.b, cal.threshold, params.weightBits()));
        String version = versionLabel + "-"
                + HexFormat.of()
                        .formatHex(ModelCodec.sha256(content, content.length))
                        .substring(0, 12);
        InsightModel.ModelInfo info =
                new InsightModel.ModelInfo(version, sha256, lexiconVersion, Featurizer.VERSION, keys.length, summary);
        InsightModel model =
                Trainer.quantize(w, labels, info, cal.temperature, cal.a, cal.b, cal.threshold, params.weightBits());
        byte[] bytes = ModelCodec.write(model);
        return new Trained(bytes, ModelCodec.read(bytes, "trained model"), cv);
    }

    /** Cross-validated figures only (no model), with nested calibration; see the class comment. */
    public static Metrics crossValidate(List<Example> examples, TextPreparer prep, int folds) {
        return crossValidate(examples, prep, folds, false);
    }

    /**
     * As {@link #crossValidate(List, TextPreparer, int)}; with {@code keepErrors} the metrics also list every utterance
     * whose out-of-fold topics or sentiment were wrong ({@link Metrics#errors}), for studying the training corpus.
     */
    public static Metrics crossValidate(List<Example> examples, TextPreparer prep, int folds, boolean keepErrors) {
        Labels labels = new Labels(Taxonomy.TOPICS, Taxonomy.FLAGS);
        List<Prepared> data = prepare(examples, prep, labels);
        Trainer.Params params = Trainer.Params.DEFAULT;
        int[] fold = folds(data.size(), folds, params.seed());
        double[][] oof = outOfFold(data, fold, folds, labels, params);
        return score(oof, data, labels, fold, folds, keepErrors);
    }

    /**
     * Grouped cross-validation: every group (an author, see {@link AuthorGroups}) is one fold, scored by a model trained
     * on all other groups and calibrated on their out-of-fold scores only. {@code groups} names the group of each
     * example. The figures mimic a blind author, which random folds do not: they share every author's wording between
     * training and test lines. {@link Metrics#byGroup} holds each held-out group's own figures.
     */
    public static Metrics crossValidateGrouped(
            List<Example> examples, TextPreparer prep, List<String> groups, boolean keepErrors) {
        if (groups.size() != examples.size()) {
            throw new IllegalArgumentException("one group per example expected");
        }
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(groups));
        if (names.size() < 2) {
            throw new IllegalArgumentException("grouped cross-validation needs at least two groups, found " + names);
        }
        Labels labels = new Labels(Taxonomy.TOPICS, Taxonomy.FLAGS);
        List<Prepared> data = prepare(examples, prep, labels);
        int[] fold = new int[data.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = names.indexOf(groups.get(i));
        }
        double[][] oof = outOfFold(data, fold, names.size(), labels, Trainer.Params.DEFAULT);
        Metrics m = score(oof, data, labels, fold, names.size(), keepErrors);
        m.byGroup = new java.util.LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            List<Integer> one = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == k) {
                    one.add(i);
                }
            }
            m.byGroup.put(names.get(k), scoreFold(oof, data, labels, fold, k, one));
        }
        return m;
    }

    private static List<Prepared> prepare(List<Example> examples, TextPreparer prep, Labels labels) {
        List<Prepared> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            PreparedText p = prep.prepare(e.text(), e.lang());
            // The role is known for most utterances on a device (speaker enrolment) but not all: every third example
            // is trained without it, so the model also works when the role is unknown.
            String role = i % 3 == 0 || e.role().equals("-") ? null : e.role();
            FeatureVector v = Featurizer.features(NormalizedText.of(p.redacted(), p.lang()), role, p.signals());
            boolean[] binary = new boolean[labels.binaryHeads()];
            for (int t = 0; t < labels.topics().size(); t++) {
                binary[t] = e.topics().contains(labels.topics().get(t));
            }
            for (int f = 0; f < labels.flags().size(); f++) {
                binary[labels.topics().size() + f] =
                        e.flags().contains(labels.flags().get(f));
            }
            out.add(new Prepared(e, v, Labels.SENTIMENTS.indexOf(e.sentiment()), binary));
        }
        return out;
    }

    /**
     * Folds of whole groups, balanced by size: groups in descending size (then name), each into the fold that holds
     * the fewest examples so far (the lowest such fold on a tie). Deterministic: the same groups give the same folds.
     */
    static int[] groupFolds(List<String> groups, int k) {
        java.util.Map<String, Integer> size = new java.util.TreeMap<>();
        groups.forEach(g -> size.merge(g, 1, Integer::sum));
        if (size.size() < k) {
            throw new IllegalArgumentException(
                    k + " calibration folds need at least " + k + " author groups, found " + size.size());
        }
        List<String> order = new ArrayList<>(size.keySet());
        order.sort(java.util.Comparator.comparing((String g) -> -size.get(g)).thenComparing(g -> g));
        long[] filled = new long[k];
        java.util.Map<String, Integer> foldOf = new java.util.HashMap<>();
        for (String g : order) {
            int best = 0;
            for (int f = 1; f < k; f++) {
                if (filled[f] < filled[best]) {
                    best = f;
                }
            }
            foldOf.put(g, best);
            filled[best] += size.get(g);
        }
        int[] fold = new int[groups.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = foldOf.get(groups.get(i));
        }
        return fold;
    }

    private static int[] folds(int n, int k, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Trainer.SplitMix64 rnd = new Trainer.SplitMix64(seed ^ 0x5eedL);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % k;
        }
        return fold;
    }

    private static List<Trainer.Row> rows(List<Prepared> data, int[] keys, int[] fold, int exclude) {
        List<Trainer.Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (fold != null && fold[i] == exclude) {
                continue;
            }
            Prepared d = data.get(i);
            rows.add(Trainer.row(d.features(), keys, d.sentiment(), d.binary()));
        }
        return rows;
    }

    /** Out-of-fold logits of every utterance, from models trained on the other folds (quantised like the real one). */
    private static double[][] outOfFold(
            List<Prepared> data, int[] fold, int folds, Labels labels, Trainer.Params params) {
        double[][] oof = new double[data.size()][];
        int binary = labels.binaryHeads();
        float[] ones = new float[binary];
        float[] zeros = new float[binary];
        float[] halves = new float[binary];
        java.util.Arrays.fill(ones, 1f);
        java.util.Arrays.fill(halves, 0.5f);
        for (int k = 0; k < folds; k++) {
            List<FeatureVector> train = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != k) {
                    train.add(data.get(i).features());
                }
            }
            int[] keys = Trainer.keys(train, params.minCount());
            Trainer.Weights w = Trainer.train(keys, rows(data, keys, fold, k), labels.heads(), params);
            InsightModel.ModelInfo info =
                    new InsightModel.ModelInfo("fold", "", "", Featurizer.VERSION, keys.length, "");
            InsightModel m = Trainer.quantize(w, labels, info, 1f, ones, zeros, halves, params.weightBits());
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == k) {
                    oof[i] = m.logits(data.get(i).features());
                }
            }
        }
        return oof;
    }

    private record Calibrated(float temperature, float[] a, float[] b, float[] threshold) {}

    /** Calibration and thresholds from the out-of-fold logits of every fold except {@code exclude} (-1: all). */
    private static Calibrated calibrate(double[][] oof, List<Prepared> data, Labels labels, int[] fold, int exclude) {
        List<Integer> use = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (fold == null || fold[i] != exclude) {
                use.add(i);
            }
        }
        double[][] z = new double[use.size()][];
        int[] y = new int[use.size()];
        for (int j = 0; j < use.size(); j++) {
            z[j] = oof[use.get(j)];
            y[j] = data.get(use.get(j)).sentiment();
        }
        float t = (float) Calibration.temperature(z, y);
        int binary = labels.binaryHeads();
        float[] a = new float[binary];
        float[] b = new float[binary];
        float[] th = new float[binary];
        for (int h = 0; h < binary; h++) {
            double[] zh = new double[use.size()];
            boolean[] yh = new boolean[use.size()];
            for (int j = 0; j < use.size(); j++) {
                zh[j] = oof[use.get(j)][Labels.SENTIMENT_HEADS + h];
                yh[j] = data.get(use.get(j)).binary()[h];
            }
            double[] ab = Calibration.platt(zh, yh);
            a[h] = (float) ab[0];
            b[h] = (float) ab[1];
            double[] p = new double[zh.length];
            for (int j = 0; j < p.length; j++) {
                p[j] = Calibration.sigmoid(a[h] * zh[j] + b[h]);
            }
            th[h] = (float) Calibration.threshold(p, yh);
        }
        return new Calibrated(t, a, b, th);
    }

    /** Figures of the out-of-fold predictions, each fold calibrated on the others. */
    private static Metrics score(
            double[][] oof, List<Prepared> data, Labels labels, int[] fold, int folds, boolean keepErrors) {
        Metrics m = new Metrics(labels.topics(), labels.flags());
        if (keepErrors) {
            m.errors = new ArrayList<>();
        }
        for (int k = 0; k < folds; k++) {
            Calibrated c = calibrate(oof, data, labels, fold, k);
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == k) {
                    add(m, oof[i], data.get(i), labels, c);
                }
            }
        }
        return m;
    }

    /** Figures of fold {@code k} alone ({@code members} its utterances), calibrated on the other folds. */
    private static Metrics scoreFold(
            double[][] oof, List<Prepared> data, Labels labels, int[] fold, int k, List<Integer> members) {
        Metrics m = new Metrics(labels.topics(), labels.flags());
        Calibrated c = calibrate(oof, data, labels, fold, k);
        for (int i : members) {
            add(m, oof[i], data.get(i), labels, c);
        }
        return m;
    }

    private static void add(Metrics m, double[] z, Prepared d, Labels labels, Calibrated c) {
        double[] ps = Calibration.softmax(z, 0, Labels.SENTIMENT_HEADS, c.temperature());
        int s = 0;
        for (int x = 1; x < 3; x++) {
            if (ps[x] > ps[s]) {
                s = x;
            }
        }
        int nt = labels.topics().size();
        double[] tp = new double[nt];
        Set<String> topics = new HashSet<>();
        for (int t = 0; t < nt; t++) {
            tp[t] = Calibration.sigmoid(c.a()[t] * z[Labels.SENTIMENT_HEADS + t] + c.b()[t]);
            if (tp[t] >= c.threshold()[t]) {
                topics.add(labels.topics().get(t));
            }
        }
        double[] fp = new double[labels.flags().size()];
        Set<String> flags = new HashSet<>();
        for (int f = 0; f < fp.length; f++) {
            int h = nt + f;
            fp[f] = Calibration.sigmoid(c.a()[h] * z[Labels.SENTIMENT_HEADS + h] + c.b()[h]);
            if (fp[f] >= c.threshold()[h]) {
                flags.add(labels.flags().get(f));
            }
        }
        m.add(d.example(), Labels.SENTIMENTS.get(s), ps[s], topics, tp, flags, fp);
    }
}
