package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ModelValidatorTest {
    private final ModelValidator v = new ModelValidator();

    public static Path fabricateSmallModel(Path dir) throws IOException {
        for (String f : new String[] {
            "am/final.mdl",
            "conf/mfcc.conf",
            "conf/model.conf",
            "graph/Gr.fst",
            "graph/HCLr.fst",
            "graph/disambig_tid.int",
            "graph/phones/word_boundary.int",
            "ivector/final.ie",
            "ivector/final.mat",
            "ivector/final.dubm",
            "ivector/global_cmvn.stats",
            "ivector/online_cmvn.conf",
            "ivector/splice.conf"
        }) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "not really kaldi\n");
        }
        return dir;
    }

    @Test
    void completeSmallModelLayoutPassesAndSupportsGrammar(@TempDir Path tmp) throws IOException {
        Path m = fabricateSmallModel(tmp.resolve("vosk-model-small-en-us-0.15"));
        assertThat(v.validateModel(m)).isEmpty();
        assertThat(v.supportsGrammar(m)).isTrue();
    }

    @Test
    void bigModelWithHclgPassesWithoutGrammar(@TempDir Path tmp) throws IOException {
        Path m = fabricateSmallModel(tmp.resolve("m"));
        Files.delete(m.resolve("graph/Gr.fst"));
        Files.delete(m.resolve("graph/HCLr.fst"));
        Files.writeString(m.resolve("graph/HCLG.fst"), "x");
        assertThat(v.validateModel(m)).isEmpty();
        assertThat(v.supportsGrammar(m)).isFalse();
    }

    @Test
    void namesEveryMissingOrBrokenFileWithTheFix(@TempDir Path tmp) throws IOException {
        Path m = fabricateSmallModel(tmp.resolve("m"));
        Files.delete(m.resolve("am/final.mdl"));
        Files.writeString(m.resolve("conf/model.conf"), ""); // truncated
        Files.delete(m.resolve("graph/HCLr.fst"));
        Files.delete(m.resolve("ivector/final.ie"));
        assertThat(v.validateModel(m))
                .satisfiesExactlyInAnyOrder(
                        p -> assertThat(p)
                                .contains(m.resolve("am/final.mdl").toString())
                                .contains("missing")
                                .contains("alphacephei.com/vosk/models"),
                        p -> assertThat(p).contains("conf/model.conf").contains("empty (truncated download?)"),
                        p -> assertThat(p).contains("graph/HCLG.fst (or graph/Gr.fst + graph/HCLr.fst)"),
                        p -> assertThat(p).contains("ivector/final.ie").contains("missing"));
    }

    @Test
    void missingDirectoryAndDoubleNestedArchive(@TempDir Path tmp) throws IOException {
        assertThat(v.validateModel(tmp.resolve("nope")))
                .singleElement()
                .asString()
                .contains("does not exist")
                .contains("asr.model");
        Path outer = tmp.resolve("vosk-model-small-cn-0.22");
        fabricateSmallModel(outer.resolve("vosk-model-small-cn-0.22"));
        assertThat(v.validateModel(outer))
                .singleElement()
                .asString()
                .contains("one level too deep")
                .contains(outer.resolve("vosk-model-small-cn-0.22").toString());
    }

    @Test
    void speakerModelFiles(@TempDir Path tmp) throws IOException {
        Path spk = Files.createDirectories(tmp.resolve("vosk-model-spk-0.4"));
        for (String f : new String[] {"mfcc.conf", "final.ext.raw", "mean.vec"}) {
            Files.writeString(spk.resolve(f), "x");
        }
        assertThat(v.validateSpeakerModel(spk))
                .singleElement()
                .asString()
                .contains("transform.mat")
                .contains("missing");
        Files.writeString(spk.resolve("transform.mat"), "x");
        assertThat(v.validateSpeakerModel(spk)).isEmpty();
        assertThat(v.validateSpeakerModel(tmp.resolve("none")))
                .singleElement()
                .asString()
                .contains("level heuristic");
    }
}
