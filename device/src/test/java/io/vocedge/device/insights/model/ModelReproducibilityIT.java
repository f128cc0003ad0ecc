package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The model committed next to the lexicon is exactly what {@code voc-device insights train --corpus device/corpus/train}
 * gives: retrained here from the repo's corpus and compared byte for byte. If it fails, the corpus, the lexicon or the
 * trainer changed without retraining: run the command in device/README.md and commit the new model.
 */
class ModelReproducibilityIT {
    @Test
    void theShippedModelIsRetrainedByteForByteFromTheRepoCorpus() throws Exception {
        Lexicon lex = Lexicon.loadDefault();
        LabelledCorpus corpus = LabelledCorpus.read(Path.of("corpus/train"));
        ByteArrayOutputStream id = new ByteArrayOutputStream();
        for (Path f : corpus.files()) {
            id.write(("corpus:" + f.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
            id.write(Files.readAllBytes(f));
        }
        String sha = ModelTraining.digest(id.toByteArray(), lex.version(), true);
        InsightEngine rules = new InsightEngine(new Redactor(), lex);
        // calibrated on folds of whole authors, the command's default (--calibration-folds author)
        var groups = AuthorGroups.of(corpus.examples(), corpus.fileOfId());
        byte[] trained = ModelTraining.train(corpus.examples(), rules::prepare, sha, lex.version(), "1", 5, groups)
                .bytes();
        byte[] shipped;
        try (InputStream in = InsightEngine.class.getResourceAsStream("model-default.vocim")) {
            shipped = in.readAllBytes();
        }
        assertThat(trained.length).isLessThan(5 * 1024 * 1024);
        assertThat(ModelCodec.read(shipped, "shipped").info().corpusSha256()).isEqualTo(sha);
        assertThat(trained).isEqualTo(shipped);
    }
}
