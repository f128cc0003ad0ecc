package io.vocedge.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insights train --calibration-folds}: folds of whole authors when the corpus has enough of them, random folds
 * for a corpus of one or two writers, and a clear refusal when folds of authors are asked for and cannot be made.
 */
class InsightsTrainCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    /** A corpus of the first {@code lines} lines of each named training file (other authors, other groups). */
    private Path corpus(String name, int lines, String... files) throws Exception {
        Path c = Files.createDirectories(dir.resolve(name));
        for (String f : files) {
            List<String> all = Files.readAllLines(Path.of("corpus/train", f), StandardCharsets.UTF_8);
            Files.write(c.resolve(f), all.subList(0, Math.min(all.size(), lines + 1)), StandardCharsets.UTF_8);
        }
        return c;
    }

    private Run train(Path corpus, String... extra) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            List<String> args = new java.util.ArrayList<>(List.of(
                    "insights",
                    "train",
                    "--corpus",
                    corpus.toString(),
                    "--out",
                    dir.resolve("m.vocim").toString()));
            args.addAll(List.of(extra));
            code = DeviceMain.commandLine().execute(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCorpusOfTwoWritersIsCalibratedOnRandomFoldsAndFoldsOfAuthorsAreRefusedWithTheReason() throws Exception {
        Path two =
                corpus("two", 120, "en-author10-boundaries.tsv", "zh-author10-boundaries.tsv", "en-author7-praise.tsv");
        Run auto = train(two);
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(auto.out()).contains("5-fold CV:").doesNotContain("whole authors");

        Run author = train(two, "--calibration-folds", "author");
        assertThat(author.code()).isNotZero();
        assertThat(author.err()).contains("5 calibration folds need at least 5 author groups, found 3");

        Run bad = train(two, "--calibration-folds", "writers");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--calibration-folds writers: use auto, author or random");
    }

    @Test
    void aCorpusOfEnoughAuthorsIsCalibratedOnFoldsOfWholeAuthors() throws Exception {
        Path five = corpus(
                "five",
                80,
                "en-author10-boundaries.tsv",
                "zh-author10-boundaries.tsv",
                "en-author7-praise.tsv",
                "zh-author6-floor.tsv",
                "en-author9-voices.tsv");
        Run auto = train(five);
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(auto.out()).contains("5-fold CV (folds of whole authors)");
        Run random = train(five, "--calibration-folds", "random");
        assertThat(random.code()).as(random.err()).isZero();
        assertThat(random.out()).doesNotContain("whole authors");
    }
}
