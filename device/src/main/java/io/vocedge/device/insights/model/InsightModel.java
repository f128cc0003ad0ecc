package io.vocedge.device.insights.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A trained linear model: hashed-feature weights for every head (quantised to 16 bits per weight with one scale per
 * head), biases, calibration (a softmax temperature for sentiment, Platt scaling per topic and flag) and a decision
 * threshold per topic and flag. Immutable once built; {@link #predict} is thread-safe and allocates only its result.
 *
 * <p>Weights are found through an open-addressing table from feature hash to row, so only features seen in training
 * take space.
 */
public final class InsightModel {
    private final ModelInfo info;
    private final Labels labels;
    /** {@code labels.heads()}, read per weight: cached (it was 2 % of the model's time as two list sizes). */
    private final int heads;

    private final int[] keys;
    private final int[] rowOf;
    private final int mask;
    private final short[] weights;
    private final float[] scale;
    private final float[] bias;
    private final float temperature;
    private final float[] plattA;
    private final float[] plattB;
    private final float[] threshold;

    /** What a model file says about itself. */
    public record ModelInfo(
            String version,
            String corpusSha256,
            String lexiconVersion,
            int featuresVersion,
            int rows,
            String trainingSummary) {}

    InsightModel(
            ModelInfo info,
            Labels labels,
            int[] sortedHashes,
            short[] weights,
            float[] scale,
            float[] bias,
            float temperature,
            float[] plattA,
            float[] plattB,
            float[] threshold) {
        this.info = info;
        this.labels = labels;
        this.heads = labels.heads();
        this.weights = weights;
        this.scale = scale;
        this.bias = bias;
        this.temperature = temperature;
        this.plattA = plattA;
        this.plattB = plattB;
        this.threshold = threshold;
        int cap = Integer.highestOneBit(Math.max(16, sortedHashes.length * 2 + 1)) << 1;
        this.mask = cap - 1;
        this.keys = new int[cap];
        this.rowOf = new int[cap];
        java.util.Arrays.fill(rowOf, -1);
        for (int r = 0; r < sortedHashes.length; r++) {
            int slot = mix(sortedHashes[r]) & mask;
            while (rowOf[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = sortedHashes[r];
            rowOf[slot] = r;
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 15);
    }

    int row(int hash) {
        int slot = mix(hash) & mask;
        while (true) {
            int r = rowOf[slot];
            if (r < 0) {
                return -1;
            }
            if (keys[slot] == hash) {
                return r;
            }
            slot = (slot + 1) & mask;
        }
    }

    public ModelInfo info() {
        return info;
    }

    public String version() {
        return info.version();
    }

    public List<String> topics() {
        return labels.topics();
    }

    public List<String> flags() {
        return labels.flags();
    }

    Labels labels() {
        return labels;
    }

    float weight(int row, int head) {
        return weights[row * heads + head] * scale[head];
    }

    /** Raw head scores (logits) for a feature vector. */
    double[] logits(FeatureVector v) {
        return logits(v, rowsOf(v));
    }

    private double[] logits(FeatureVector v, int[] rows) {
        // Head by head, so each sum stays in a local; the terms are added in the same order as feature by feature, so
        // the sums are the same to the bit (the agent runs C1, which keeps an array element in memory across a loop).
        double[] z = new double[heads];
        float[] value = v.value;
        int size = v.size;
        for (int h = 0; h < heads; h++) {
            double sum = bias[h];
            float s = scale[h];
            for (int i = 0; i < size; i++) {
                int r = rows[i];
                if (r >= 0) {
                    sum += value[i] * weights[r * heads + h] * s;
                }
            }
            z[h] = sum;
        }
        return z;
    }

    /** Calibrated probabilities: sentiment (3, summing to 1) then one per topic and flag. */
    double[] probabilities(double[] z) {
        double[] p = new double[z.length];
        double[] s = Calibration.softmax(z, 0, Labels.SENTIMENT_HEADS, temperature);
        System.arraycopy(s, 0, p, 0, Labels.SENTIMENT_HEADS);
        for (int b = 0; b < labels.binaryHeads(); b++) {
            int h = Labels.SENTIMENT_HEADS + b;
            p[h] = Calibration.sigmoid(plattA[b] * z[h] + plattB[b]);
        }
        return p;
    }

    boolean decide(int binaryHead, double probability) {
        return probability >= threshold[binaryHead];
    }

    float threshold(int binaryHead) {
        return threshold[binaryHead];
    }

    /** One piece of evidence: the feature's readable term, its word position and how much it weighed (logit units). */
    public record Evidence(String term, int pos, double weight) {}

    /**
     * The features that pushed {@code head} up the most, merged by term, strongest first (at most {@code max}). For a
     * sentiment class the weight is measured against the mean of the three classes, which is what moves a softmax.
     */
    List<Evidence> evidence(FeatureVector v, NormalizedText t, int head, int max) {
        return evidence(v, t, rowsOf(v), new String[v.size], head, max);
    }

    int[] rowsOf(FeatureVector v) {
        int[] rows = new int[v.size];
        for (int i = 0; i < v.size; i++) {
            rows[i] = row(v.hash[i]);
        }
        return rows;
    }

    /**
     * Contributions are computed for every feature, but readable terms are built only for the strongest few (terms are
     * strings; building them for every feature cost more than the prediction itself). {@code terms} caches the terms
     * built, by feature, across the heads of one utterance (the same strong features explain several heads).
     */
    private List<Evidence> evidence(FeatureVector v, NormalizedText t, int[] rows, String[] terms, int head, int max) {
        int keep = max * 3;
        int[] top = new int[keep];
        double[] topC = new double[keep];
        int n = 0;
        for (int i = 0; i < v.size; i++) {
            int r = rows[i];
            if (r < 0) {
                continue;
            }
            double w = weight(r, head);
            if (head < Labels.SENTIMENT_HEADS) {
                double mean = 0;
                for (int c = 0; c < Labels.SENTIMENT_HEADS; c++) {
                    mean += weight(r, c);
                }
                w -= mean / Labels.SENTIMENT_HEADS;
            }
            double c = w * v.value[i];
            if (c <= 0 || n == keep && c <= topC[keep - 1]) {
                continue;
            }
            int k = n < keep ? n++ : keep - 1;
            while (k > 0 && topC[k - 1] < c) {
                topC[k] = topC[k - 1];
                top[k] = top[k - 1];
                k--;
            }
            topC[k] = c;
            top[k] = i;
        }
        // Merged by term in order of first appearance (at most keep terms: a linear search beats a map here).
        String[] mergedTerm = new String[n];
        double[] mergedWeight = new double[n];
        int[] mergedPos = new int[n];
        int merged = 0;
        for (int k = 0; k < n; k++) {
            int i = top[k];
            String term = terms[i];
            if (term == null) {
                term = Featurizer.term(v, t, i);
                terms[i] = term;
            }
            int m = 0;
            while (m < merged && !mergedTerm[m].equals(term)) {
                m++;
            }
            if (m == merged) {
                mergedTerm[m] = term;
                mergedPos[m] = v.pos[i];
                merged++;
            }
            mergedWeight[m] += topC[k];
        }
        List<Evidence> out = new ArrayList<>(merged);
        for (int m = 0; m < merged; m++) {
            String term = mergedTerm[m];
            out.add(new Evidence(
                    term.length() > 128 ? term.substring(0, 128) : term,
                    mergedPos[m],
                    Math.round(mergedWeight[m] * 1000) / 1000.0));
        }
        out.sort(Comparator.comparingDouble(Evidence::weight).reversed());
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    int heads() {
        return heads;
    }

    /** A topic or flag the model decided on: its calibrated probability, evidence and (topics) the clause's sentiment. */
    public record Decision(
            String id, double probability, List<Evidence> evidence, String sentiment, double sentimentScore) {}

    /**
     * The model's answer for one utterance. {@code sentimentScore} is P(positive) - P(negative), in [-1, 1];
     * {@code sentimentConfidence} is the calibrated probability of the chosen label.
     */
    public record Result(
            String sentiment,
            double sentimentScore,
            double sentimentConfidence,
            List<Evidence> sentimentEvidence,
            List<Decision> topics,
            List<Decision> flags) {}

    /** Evidence items kept per decision. */
    static final int EVIDENCE = 3;

    public Result analyze(PreparedText p, String role) {
        NormalizedText t = NormalizedText.of(p.redacted(), p.lang());
        FeatureVector v = Featurizer.features(t, role, p.signals());
        int[] rows = rowsOf(v);
        String[] terms = new String[v.size];
        double[] z = logits(v, rows);
        double[] prob = probabilities(z);
        int s = argmax(prob);
        double score = prob[2] - prob[0];
        List<Evidence> sentimentEvidence = evidence(v, t, rows, terms, s, EVIDENCE);
        int[] clause = clauses(t);
        int clauses = clause.length == 0 ? 1 : clause[clause.length - 1] + 1;
        List<Decision> topics = new ArrayList<>();
        for (int i = 0; i < labels.topics().size(); i++) {
            int h = labels.topicHead(i);
            if (!decide(i, prob[h])) {
                continue;
            }
            List<Evidence> ev = evidence(v, t, rows, terms, h, EVIDENCE);
            String ts = Labels.SENTIMENTS.get(s);
            double tscore = score;
            if (clauses > 1) {
                double[] cp = clauseSentiment(v, rows, clause, anchorClause(v, rows, clause, h));
                int c = argmax(cp);
                ts = Labels.SENTIMENTS.get(c);
                tscore = cp[2] - cp[0];
            }
            topics.add(new Decision(labels.topics().get(i), round(prob[h]), ev, ts, round(tscore)));
        }
        List<Decision> flags = new ArrayList<>();
        for (int i = 0; i < labels.flags().size(); i++) {
            int h = labels.flagHead(i);
            if (decide(labels.topics().size() + i, prob[h])) {
                flags.add(new Decision(
                        labels.flags().get(i), round(prob[h]), evidence(v, t, rows, terms, h, EVIDENCE), null, 0));
            }
        }
        return new Result(Labels.SENTIMENTS.get(s), round(score), round(prob[s]), sentimentEvidence, topics, flags);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < Labels.SENTIMENT_HEADS; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static final Set<String> EN_CONTRAST = LookupSets.of("but", "however", "though", "although", "yet");

    /** Clause index of each unit: a new clause at a punctuation break or a contrast word. */
    private static int[] clauses(NormalizedText t) {
        int[] c = new int[t.size()];
        int k = 0;
        for (int i = 0; i < t.size(); i++) {
            String u = t.units.get(i);
            boolean contrast = t.lang.equals("zh")
                    ? (u.equals("但")
                            || u.equals("不")
                                    && i + 1 < t.size()
                                    && t.units.get(i + 1).equals("过")
                            || u.equals("可")
                                    && i + 1 < t.size()
                                    && t.units.get(i + 1).equals("是"))
                    : EN_CONTRAST.contains(u);
            if (i > 0 && (t.breakBefore.get(i) || contrast)) {
                k++;
            }
            c[i] = k;
        }
        return c;
    }

    /** The clause of the feature that pushed {@code head} most (n-gram features only); 0 if none. */
    private int anchorClause(FeatureVector v, int[] rows, int[] clause, int head) {
        double best = 0;
        int anchor = 0;
        for (int i = 0; i < v.size; i++) {
            int r = rows[i];
            int u = v.unit[i];
            if (r < 0 || u < 0 || u >= clause.length) {
                continue;
            }
            double c = weight(r, head) * v.value[i];
            if (c > best) {
                best = c;
                anchor = clause[u];
            }
        }
        return anchor;
    }

    /** Sentiment of one clause: the bias and the n-gram features inside it, through the calibrated softmax. */
    private double[] clauseSentiment(FeatureVector v, int[] rows, int[] clause, int which) {
        double[] z = new double[Labels.SENTIMENT_HEADS];
        for (int c = 0; c < z.length; c++) {
            z[c] = bias[c];
        }
        for (int i = 0; i < v.size; i++) {
            int u = v.unit[i];
            if (u < 0 || u >= clause.length || clause[u] != which) {
                continue;
            }
            int r = rows[i];
            if (r < 0) {
                continue;
            }
            for (int c = 0; c < z.length; c++) {
                z[c] += v.value[i] * weight(r, c);
            }
        }
        return Calibration.softmax(z, 0, Labels.SENTIMENT_HEADS, temperature);
    }

    float temperature() {
        return temperature;
    }

    float[] plattA() {
        return plattA.clone();
    }

    float[] plattB() {
        return plattB.clone();
    }

    float[] thresholds() {
        return threshold.clone();
    }

    short[] quantizedWeights() {
        return weights;
    }

    float[] scales() {
        return scale;
    }

    float[] biases() {
        return bias;
    }

    /** The row keys in row order (ascending hashes), for writing the file. */
    int[] sortedKeys() {
        int[] out = new int[info.rows()];
        for (int s = 0; s < rowOf.length; s++) {
            if (rowOf[s] >= 0) {
                out[rowOf[s]] = keys[s];
            }
        }
        return out;
    }
}
