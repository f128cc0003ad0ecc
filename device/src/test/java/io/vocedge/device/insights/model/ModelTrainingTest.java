package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a slice of the repo's corpus: deterministic bytes, a readable file, corrections that count. */
class ModelTrainingTest {
    @TempDir
    Path dir;

    private final InsightEngine rules = new InsightEngine(new Redactor(), Lexicon.loadDefault());

    private static List<Example> slice(int n) throws Exception {
        List<Example> all = LabelledCorpus.read(Path.of("corpus/train")).examples();
        return all.subList(0, n);
    }

    @Test
    void theSameExamplesGiveTheSameBytesAndOtherWeightsAnotherVersion() throws Exception {
        List<Example> ex = slice(300);
        String sha = ModelTraining.digest("slice".getBytes(StandardCharsets.UTF_8), "L1");
        byte[] a = ModelTraining.train(ex, rules::prepare, sha, "L1", "t", 3).bytes();
        byte[] b = ModelTraining.train(ex, rules::prepare, sha, "L1", "t", 3).bytes();
        assertThat(b).isEqualTo(a);
        InsightModel m = ModelCodec.read(a, "test");
        assertThat(m.version()).matches("t-[0-9a-f]{12}");
        assertThat(m.info().corpusSha256()).isEqualTo(sha);
        assertThat(m.info().trainingSummary()).contains("300 utterances");
        assertThat(ModelCodec.write(m)).isEqualTo(a);
        String other = ModelTraining.digest("another slice".getBytes(StandardCharsets.UTF_8), "L1");
        assertThat(other).isNotEqualTo(sha);
        // other weights under the same input digest (as when the featurizer or the redactor changes): another version,
        // so a device does not refuse it as "already active"
        InsightModel fewer = ModelCodec.read(
                ModelTraining.train(slice(250), rules::prepare, sha, "L1", "t", 3)
                        .bytes(),
                "test");
        assertThat(fewer.info().corpusSha256()).isEqualTo(sha);
        assertThat(fewer.version()).isNotEqualTo(m.version());
    }

    @Test
    void calibrationFoldsHoldWholeAuthorsBalancedBySizeTheSameEveryTime() {
        // sizes: a 5, b 4, c 3, d 2, e 1 (in a shuffled order)
        List<String> groups = List.of("c", "a", "e", "b", "a", "d", "a", "c", "b", "a", "b", "d", "c", "a", "b");
        int[] fold = ModelTraining.groupFolds(groups, 2);
        assertThat(ModelTraining.groupFolds(groups, 2)).isEqualTo(fold);
        java.util.Map<String, Integer> foldOf = new java.util.HashMap<>();
        int[] size = new int[2];
        for (int i = 0; i < fold.length; i++) {
            Integer before = foldOf.putIfAbsent(groups.get(i), fold[i]);
            assertThat(before == null ? fold[i] : before)
                    .as("group %s in one fold", groups.get(i))
                    .isEqualTo(fold[i]);
            size[fold[i]]++;
        }
        // greedy by size: a(5)->0, b(4)->1, c(3)->1, d(2)->0, e(1)->0: 8 and 7
        assertThat(foldOf)
                .containsEntry("a", 0)
                .containsEntry("b", 1)
                .containsEntry("c", 1)
                .containsEntry("d", 0);
        assertThat(size).containsExactly(8, 7);
        assertThatThrownBy(() -> ModelTraining.groupFolds(List.of("a", "a", "b"), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 calibration folds need at least 3 author groups, found 2");
    }

    @Test
    void authorFoldsChangeOnlyTheCalibrationAndAreNamedInTheDigestAndTheSummary() throws Exception {
        List<Example> ex = slice(300);
        List<String> groups = new java.util.ArrayList<>();
        for (int i = 0; i < ex.size(); i++) {
            groups.add("author" + (i / 40));
        }
        String sha = ModelTraining.digest("slice".getBytes(StandardCharsets.UTF_8), "L1", true);
        assertThat(sha).isNotEqualTo(ModelTraining.digest("slice".getBytes(StandardCharsets.UTF_8), "L1"));
        byte[] a = ModelTraining.train(ex, rules::prepare, sha, "L1", "t", 3, groups)
                .bytes();
        assertThat(ModelTraining.train(ex, rules::prepare, sha, "L1", "t", 3, groups)
                        .bytes())
                .isEqualTo(a);
        InsightModel byAuthor = ModelCodec.read(a, "test");
        InsightModel random = ModelCodec.read(
                ModelTraining.train(ex, rules::prepare, sha, "L1", "t", 3).bytes(), "test");
        assertThat(byAuthor.info().trainingSummary()).contains("3-fold CV (folds of whole authors)");
        assertThat(random.info().trainingSummary()).doesNotContain("whole authors");
        // the final weights are trained on every line either way; only calibration and thresholds differ
        var features = rules.prepare("the deposit was never refunded and nobody calls back", "en");
        FeatureVector v = Featurizer.features(NormalizedText.of(features.redacted(), "en"), null, features.signals());
        assertThat(byAuthor.logits(v)).isEqualTo(random.logits(v));
        assertThat(byAuthor.version()).isNotEqualTo(random.version());
    }

    @Test
    void correctionsReplaceLabelsOfTheSameTextOrAddNewLinesAndTheLatestWins() throws Exception {
        Example line = slice(1).get(0);
        Path f = dir.resolve("corrections.jsonl");
        Files.writeString(
                f,
                String.join(
                        "\n",
                        "{\"text\": \""
                                + line.text().toUpperCase(java.util.Locale.ROOT).replace("\"", "\\\"")
                                + "\", \"lang\": \""
                                + line.lang()
                                + "\", \"topics\": [\"facility\"], \"sentiment\": \"positive\", \"flags\": [], \"who\": \"ana\","
                                + " \"when\": \"2026-12-01T10:00:00Z\"}",
                        "{\"text\": \"the lounge coffee machine is broken again\", \"lang\": \"en\", \"topics\": [\"facility\"],"
                                + " \"sentiment\": \"negative\", \"flags\": [], \"who\": \"ana\", \"when\": \"2026-12-01T10:00:00Z\"}",
                        "{\"text\": \"the lounge coffee machine is broken again\", \"lang\": \"en\", \"topics\": [\"facility\", \"after_sales\"],"
                                + " \"sentiment\": \"negative\", \"flags\": [\"churn_risk\"], \"who\": \"bo\", \"when\": \"2026-12-02T09:00:00Z\"}"),
                StandardCharsets.UTF_8);
        List<Corrections.Correction> c = Corrections.read(f);
        assertThat(c).hasSize(3);
        List<Example> out = Corrections.apply(slice(5), c);
        assertThat(out).hasSize(6);
        if (line.text().equals(line.text().toUpperCase(java.util.Locale.ROOT))) {
            return; // a line without letters cannot show the case-insensitive match; the count above still holds
        }
        assertThat(out.get(0).topics()).containsExactly("facility");
        assertThat(out.get(0).sentiment()).isEqualTo("positive");
        assertThat(out.get(0).id()).isEqualTo(line.id());
        Example added = out.get(5);
        assertThat(added.topics()).isEqualTo(Set.of("facility", "after_sales"));
        assertThat(added.flags()).containsExactly("churn_risk");
    }

    @Test
    void badCorrectionsAreAllNamedAtOnce() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(
                f,
                String.join(
                        "\n",
                        "not json",
                        "{\"text\": \"x\", \"lang\": \"fr\", \"topics\": [\"weather\"], \"sentiment\": \"angry\", \"flags\": [],"
                                + " \"who\": \"\", \"when\": \"yesterday\"}"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Corrections.read(f))
                .hasMessageContaining("bad.jsonl line 1: not JSON")
                .hasMessageContaining("line 2: lang must be zh or en")
                .hasMessageContaining("unknown topics id 'weather'")
                .hasMessageContaining("sentiment must be")
                .hasMessageContaining("who (the analyst) is required")
                .hasMessageContaining("when must be an ISO-8601 time");
    }

    @Test
    void aCorpusWithUnknownLabelsIsRefusedWithFileAndLine() throws Exception {
        Path f = dir.resolve("c.tsv");
        Files.writeString(
                f,
                LabelledCorpus.HEADER + "\nx1\ten\tasr\tcustomer\tauto\tweather\tneutral\t-\tnice day\n"
                        + "x2\tde\tasr\tcustomer\tauto\t-\tneutral\tescalate\thallo\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledCorpus.read(f))
                .hasMessageContaining("c.tsv line 2: unknown topic 'weather'")
                .hasMessageContaining("c.tsv line 3: lang 'de'")
                .hasMessageContaining("unknown flag 'escalate'");
    }

    @Test
    void theFeaturesReadRecognizerAndWrittenTextAlike() {
        NormalizedText spaced = NormalizedText.of("定 金 交 了 三 个 月 还 没 退", "zh");
        NormalizedText written = NormalizedText.of("定金交了3个月还没退！", "zh");
        assertThat(spaced.units).isEqualTo(written.units);
        NormalizedText asr = NormalizedText.of("we didn't wait forty five minutes", "en");
        NormalizedText typed = NormalizedText.of("We didn’t wait 45 minutes.", "en");
        assertThat(asr.units).isEqualTo(typed.units).containsExactly("we", "did", "not", "wait", "#", "minutes");
    }
}
