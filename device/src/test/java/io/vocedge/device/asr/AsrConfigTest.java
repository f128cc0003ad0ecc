package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.config.ConfigException;
import io.vocedge.device.config.DeviceConfig;
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
                  silence_gap_seconds: 15
                  keyword_boost: true
                  keywords: [退款, 价格]
                """);
        AsrConfig c = DeviceConfig.load(f, DeviceConfig.Overrides.TOOL).asr().orElseThrow();
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
                  speaker_model: /opt/voc/models/vosk-model-spk-0.4
                  silence_gap_seconds: 30
                  max_conversation_seconds: 20
                  keyword_boost: true
                """);
        assertThatThrownBy(() -> DeviceConfig.load(f, DeviceConfig.Overrides.TOOL))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("asr.model: required")
                .hasMessageContaining("'English!' is not a language tag")
                .hasMessageContaining("asr.enrolment")
                .hasMessageContaining("must exceed asr.silence_gap_seconds")
                .hasMessageContaining("asr.keywords is empty");
    }

    @Test
    void unknownAndCamelCaseKeysAndAMissingSectionAreRefused() throws Exception {
        Path typo =
                Files.writeString(tmp.resolve("typo.yaml"), "asr:\n  model: /m\n  silenceGap: 3\n  pendingDir: /p\n");
        assertThatThrownBy(() -> DeviceConfig.load(typo, DeviceConfig.Overrides.TOOL))
                .hasMessageContaining("asr.silenceGap: unknown key")
                .hasMessageContaining("asr.pendingDir: unknown key (did you mean 'pending_dir'?)");
        Path none = Files.writeString(tmp.resolve("none.yaml"), "device:\n  id: x\n");
        assertThatThrownBy(() ->
                        DeviceConfig.load(none, DeviceConfig.Overrides.TOOL).requireAsr("asr check"))
                .hasMessageContaining("asr check needs speech recognition: the config has no asr: section");
    }

    @Test
    void snakeCaseKeysLikeTheRestOfTheConfigAreAccepted() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        AsrConfig c = AsrConfig.from(
                yaml.readTree("{model: /opt/voc/model, native_lib_dir: /opt/lib, pending_max_seconds: 600, "
                        + "silence_gap_seconds: 15}"),
                Path.of("/var/lib/voc"));
        assertThat(c.nativeLibDir()).isEqualTo(Path.of("/opt/lib"));
        assertThat(c.pendingMaxSeconds()).isEqualTo(600L);
        assertThat(c.silenceGapSeconds()).isEqualTo(15L);
        assertThat(c.pendingDir()).isEqualTo(Path.of("/var/lib/voc/pending-audio"));
        assertThatThrownBy(() -> AsrConfig.from(yaml.readTree("{}"), Path.of("/d")))
                .hasMessageContaining("no asr: section");
        assertThatThrownBy(() -> AsrConfig.from(yaml.readTree("{model: /m, modle_dir: x}"), Path.of("/d")))
                .hasMessageContaining("asr.modle_dir");
    }
}
