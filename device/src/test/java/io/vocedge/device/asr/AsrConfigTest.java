package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsrConfigTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheAsrSectionWithDefaults() throws Exception {
        Path f = Files.writeString(tmp.resolve("device.yaml"), """
                device:
                  id: pi-07
                asr:
                  model: /opt/voc/models/vosk-model-small-cn-0.22
                  lang: zh
                  silenceGapSeconds: 15
                  keywordBoost: true
                  keywords: [退款, 价格]
                """);
        AsrConfig c = AsrConfig.fromYaml(f);
        assertThat(c.model()).isEqualTo(Path.of("/opt/voc/models/vosk-model-small-cn-0.22"));
        assertThat(c.lang()).isEqualTo("zh");
        assertThat(c.silenceGapMs()).isEqualTo(15_000);
        assertThat(c.maxConversationMs()).isEqualTo(1_800_000);
        assertThat(c.nativeLibDir()).isEqualTo(Path.of("/opt/voc/lib"));
        assertThat(c.pendingMaxBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(c.keywords()).containsExactly("退款", "价格");
        assertThat(c.speakerModel()).isNull();
    }

    @Test
    void listsEveryErrorAtOnce() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), """
                asr:
                  lang: "English!"
                  speakerModel: /opt/voc/models/vosk-model-spk-0.4
                  silenceGapSeconds: 30
                  maxConversationSeconds: 20
                  keywordBoost: true
                """);
        assertThatThrownBy(() -> AsrConfig.fromYaml(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asr.model is required")
                .hasMessageContaining("'English!' is not a language tag")
                .hasMessageContaining("asr.enrolment")
                .hasMessageContaining("must exceed asr.silenceGapSeconds")
                .hasMessageContaining("asr.keywords is empty");
    }

    @Test
    void unknownKeyAndMissingSectionAreRefused() throws Exception {
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "asr:\n  model: /m\n  silenceGap: 3\n");
        assertThatThrownBy(() -> AsrConfig.fromYaml(typo)).hasMessageContaining("unknown key asr.silenceGap");
        Path none = Files.writeString(tmp.resolve("none.yaml"), "device:\n  id: x\n");
        assertThatThrownBy(() -> AsrConfig.fromYaml(none)).hasMessageContaining("no 'asr:' section");
    }

    @Test
    void snakeCaseKeysLikeTheRestOfTheConfigAreAccepted() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        AsrConfig c = AsrConfig.from(yaml.readTree("{model: /opt/voc/model, native_lib_dir: /opt/lib, pending_max_seconds: 600, "
                + "silence_gap_seconds: 15}"), Path.of("/var/lib/voc"));
        assertThat(c.nativeLibDir()).isEqualTo(Path.of("/opt/lib"));
        assertThat(c.pendingMaxSeconds()).isEqualTo(600L);
        assertThat(c.silenceGapSeconds()).isEqualTo(15L);
        assertThat(c.pendingDir()).isEqualTo(Path.of("/var/lib/voc/pending-audio"));
        assertThatThrownBy(() -> AsrConfig.from(yaml.readTree("{}"), Path.of("/d"))).hasMessageContaining("no asr: section");
        assertThatThrownBy(() -> AsrConfig.from(yaml.readTree("{model: /m, modle_dir: x}"), Path.of("/d")))
                .hasMessageContaining("asr.modle_dir");
    }
}
