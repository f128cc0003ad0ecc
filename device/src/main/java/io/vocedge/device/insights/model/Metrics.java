package io.vocedge.device.insights.model;

import io.vocedge.protocol.Taxonomy;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Aggregate quality figures: topic micro precision/recall/F1 and F1 per topic, sentiment accuracy with recall per
 * class, flag precision/recall/F1, and reliability (calibration) tables with the expected calibration error. Only
 * aggregates: nothing here prints an utterance.
 */
public final class Metrics {
    private final List<String> topics;
    private final List<String> flags;
    private final int[][] topicCounts;
    private final int[][] flagCounts;
    private final int[][] confusion = new int[3][3];
    private int n;
    private final double[][] sentimentBins = new double[10][3];
    private final double[][] binaryBins = new double[10][3];

    /** When not null, one line per utterance whose topics or sentiment were wrong (training corpus diagnostics only). */
    public List<String> errors;

    /** When not null, the figures of each held-out group of a grouped cross-validation, by group name. */
    public java.util.Map<String, Metrics> byGroup;

    public Metrics(List<String> topics, List<String> flags) {
        this.topics = topics;
        this.flags = flags;
        this.topicCounts = new int[topics.size()][3];
        this.flagCounts = new int[flags.size()][3];
    }

    /** Adds one utterance: gold labels and the prediction (with calibrated probabilities). */
    public void add(
            Example gold,
            String sentiment,
            double sentimentConfidence,
            Set<String> predTopics,
            double[] topicProb,
            Set<String> predFlags,
            double[] flagProb) {
        if (errors != null && (!predTopics.equals(gold.topics()) || !sentiment.equals(gold.sentiment()))) {
            errors.add(gold.id() + "\t" + gold.topics() + " -> " + new java.util.TreeSet<>(predTopics) + "\t"
                    + gold.sentiment() + " -> " + sentiment + "\t" + gold.text());
        }
        n++;
        int g = Taxonomy.SENTIMENTS.indexOf(gold.sentiment());
        int p = Taxonomy.SENTIMENTS.indexOf(sentiment);
        confusion[g][p]++;
        bin(sentimentBins, sentimentConfidence, g == p);
        count(topics, topicCounts, gold.topics(), predTopics, topicProb);
        count(flags, flagCounts, gold.flags(), predFlags, flagProb);
    }

    private void count(List<String> ids, int[][] counts, Set<String> gold, Set<String> pred, double[] prob) {
        for (int i = 0; i < ids.size(); i++) {
            boolean g = gold.contains(ids.get(i));
            boolean p = pred.contains(ids.get(i));
            if (g && p) {
                counts[i][0]++;
            } else if (p) {
                counts[i][1]++;
            } else if (g) {
                counts[i][2]++;
            }
            if (prob != null) {
                bin(binaryBins, prob[i], g);
            }
        }
    }

    private static void bin(double[][] bins, double confidence, boolean correct) {
        int b = Math.min(9, (int) (confidence * 10));
        bins[b][0]++;
        bins[b][1] += confidence;
        bins[b][2] += correct ? 1 : 0;
    }

    public int size() {
        return n;
    }

    public double topicMicroF1() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int[] c : topicCounts) {
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return f1(tp, fp, fn);
    }

    public double topicF1(String id) {
        int[] c = topicCounts[topics.indexOf(id)];
        return f1(c[0], c[1], c[2]);
    }

    public double minTopicF1() {
        double min = 1;
        for (String t : topics) {
            if (support(topicCounts[topics.indexOf(t)]) > 0) {
                min = Math.min(min, topicF1(t));
            }
        }
        return min;
    }

    public double sentimentAccuracy() {
        int right = 0;
        for (int i = 0; i < 3; i++) {
            right += confusion[i][i];
        }
        return n == 0 ? 0 : right / (double) n;
    }

    public double sentimentRecall(String label) {
        int g = Taxonomy.SENTIMENTS.indexOf(label);
        int total = confusion[g][0] + confusion[g][1] + confusion[g][2];
        return total == 0 ? 0 : confusion[g][g] / (double) total;
    }

    public double flagF1(String id) {
        int[] c = flagCounts[flags.indexOf(id)];
        return f1(c[0], c[1], c[2]);
    }

    private static int support(int[] c) {
        return c[0] + c[2];
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static double ece(double[][] bins) {
        double total = 0;
        double e = 0;
        for (double[] b : bins) {
            total += b[0];
        }
        for (double[] b : bins) {
            if (b[0] > 0) {
                e += b[0] / total * Math.abs(b[2] / b[0] - b[1] / b[0]);
            }
        }
        return e;
    }

    public double sentimentEce() {
        return ece(sentimentBins);
    }

    public double binaryEce() {
        return ece(binaryBins);
    }

    /** Multi-line report of every aggregate figure; {@code reliability} adds the calibration tables. */
    public String report(String title, boolean reliability) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d utterances%n", title, n));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int[] c : topicCounts) {
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        sb.append(String.format(
                Locale.ROOT,
                "  topics: micro P %.3f R %.3f F1 %.3f; lowest topic F1 %.3f%n",
                tp / Math.max(1.0, tp + fp),
                tp / Math.max(1.0, tp + fn),
                topicMicroF1(),
                minTopicF1()));
        for (int i = 0; i < topics.size(); i++) {
            int[] c = topicCounts[i];
            sb.append(String.format(
                    Locale.ROOT,
                    "    %-20s F1 %.3f  P %.3f R %.3f  (support %d)%n",
                    topics.get(i),
                    f1(c[0], c[1], c[2]),
                    c[0] / Math.max(1.0, c[0] + c[1]),
                    c[0] / Math.max(1.0, c[0] + c[2]),
                    support(c)));
        }
        sb.append(String.format(
                Locale.ROOT,
                "  sentiment: accuracy %.3f; recall negative %.3f neutral %.3f positive %.3f%n",
                sentimentAccuracy(),
                sentimentRecall("negative"),
                sentimentRecall("neutral"),
                sentimentRecall("positive")));
        sb.append("    confusion (rows gold neg/neu/pos, columns predicted):");
        for (int[] row : confusion) {
            sb.append(String.format(Locale.ROOT, " [%d %d %d]", row[0], row[1], row[2]));
        }
        sb.append(System.lineSeparator());
        for (int i = 0; i < flags.size(); i++) {
            int[] c = flagCounts[i];
            sb.append(String.format(
                    Locale.ROOT,
                    "  flag %-12s F1 %.3f  P %.3f R %.3f  (support %d)%n",
                    flags.get(i),
                    f1(c[0], c[1], c[2]),
                    c[0] / Math.max(1.0, c[0] + c[1]),
                    c[0] / Math.max(1.0, c[0] + c[2]),
                    support(c)));
        }
        if (byGroup != null) {
            sb.append("  by held-out group: topics micro-F1, lowest topic F1, sentiment accuracy, negative recall")
                    .append(System.lineSeparator());
            byGroup.forEach((g, gm) -> sb.append(String.format(
                    Locale.ROOT,
                    "    %-14s %5d  topics %.3f  lowest %.3f  sentiment %.3f  negative recall %.3f%n",
                    g,
                    gm.size(),
                    gm.topicMicroF1(),
                    gm.minTopicF1(),
                    gm.sentimentAccuracy(),
                    gm.sentimentRecall("negative"))));
        }
        if (reliability) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  calibration: sentiment ECE %.3f; topic/flag ECE %.3f%n",
                    sentimentEce(),
                    binaryEce()));
            table(sb, "sentiment (confidence of the chosen label vs accuracy)", sentimentBins);
            table(sb, "topics and flags (probability vs share that is true)", binaryBins);
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, double[][] bins) {
        sb.append("    reliability, ").append(title).append(':').append(System.lineSeparator());
        sb.append("      bin        n   mean p   observed").append(System.lineSeparator());
        for (int b = 0; b < bins.length; b++) {
            if (bins[b][0] == 0) {
                continue;
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "      %.1f-%.1f %6d   %.3f    %.3f%n",
                    b / 10.0,
                    (b + 1) / 10.0,
                    (long) bins[b][0],
                    bins[b][1] / bins[b][0],
                    bins[b][2] / bins[b][0]));
        }
    }
}
