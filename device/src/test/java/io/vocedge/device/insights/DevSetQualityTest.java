package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Quality on the labelled development set (src/test/resources/insights/devset.tsv: both languages, recognizer-style
 * and written text, every topic, mixed and negated cases). Prints per-topic precision/recall; fails below
 * micro-F1 0.85 for topics or 0.80 accuracy for sentiment.
 */
class DevSetQualityTest {
    record Example(String lang, Set<String> topics, String sentiment, String text) {}

    static List<Example> devSet() throws IOException {
        List<Example> out = new ArrayList<>();
        try (InputStream in = DevSetQualityTest.class.getResourceAsStream("/insights/devset.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Set<String> topics = f[1].equals("-") ? Set.of() : new HashSet<>(Arrays.asList(f[1].split(",")));
                out.add(new Example(f[0], topics, f[2], f[3]));
            }
        }
        return out;
    }

    @Test
    void topicsAndSentimentMeetTheQualityBar() throws IOException {
        InsightEngine engine = new InsightEngine(new Redactor(), Lexicon.loadDefault());
        List<Example> set = devSet();
        assertThat(set).hasSizeGreaterThanOrEqualTo(300);
        Map<String, int[]> perTopic = new TreeMap<>(); // tp, fp, fn
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int sentimentRight = 0;
        List<String> misses = new ArrayList<>();
        for (Example e : set) {
            InsightEngine.Analysis a = engine.analyze(e.text(), e.lang());
            Set<String> got = new HashSet<>(a.topicIds());
            for (String t : got) {
                int[] c = perTopic.computeIfAbsent(t, k -> new int[3]);
                if (e.topics().contains(t)) {
                    c[0]++;
                    tp++;
                } else {
                    c[1]++;
                    fp++;
                }
            }
            for (String t : e.topics()) {
                if (!got.contains(t)) {
                    perTopic.computeIfAbsent(t, k -> new int[3])[2]++;
                    fn++;
                }
            }
            if (a.sentiment().label().wireName().equals(e.sentiment())) {
                sentimentRight++;
            }
            if (!got.equals(e.topics()) || !a.sentiment().label().wireName().equals(e.sentiment())) {
                misses.add(String.format("  want %s/%s got %s/%s (%.2f): %s", e.topics(), e.sentiment(), got,
                        a.sentiment().label().wireName(), a.sentiment().score(), e.text()));
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        double accuracy = sentimentRight / (double) set.size();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "dev set: %d utterances; topics micro P %.3f R %.3f F1 %.3f; sentiment accuracy %.3f%n", set.size(), precision,
                recall, f1, accuracy));
        perTopic.forEach((t, c) -> report.append(String.format(Locale.ROOT, "  %-20s P %.2f R %.2f (tp %d fp %d fn %d)%n", t,
                c[0] / Math.max(1.0, c[0] + c[1]), c[0] / Math.max(1.0, c[0] + c[2]), c[0], c[1], c[2])));
        System.out.print(report);
        if (System.getenv("VOC_DEVSET_MISSES") != null) {
            misses.forEach(System.out::println);
        }
        assertThat(f1).as(report.toString()).isGreaterThanOrEqualTo(0.85);
        assertThat(accuracy).as(report.toString()).isGreaterThanOrEqualTo(0.80);
    }
}
