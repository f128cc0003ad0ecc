package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskEngineLoaderTest {
    @Test
    void validationErrorsComeBeforeAnyNativeCall(@TempDir Path tmp) {
        AsrConfig c = new AsrConfig(
                tmp.resolve("missing-model"),
                "en",
                tmp.resolve("spk"),
                tmp.resolve("e.json"),
                tmp.resolve("p"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> new VoskEngineLoader(c).load())
                .isInstanceOf(EngineLoader.EngineUnavailableException.class)
                .hasMessageContaining("missing-model does not exist")
                .hasMessageContaining("speaker model directory " + tmp.resolve("spk"));
    }

    @Test
    void realVoskRefusesAFabricatedModelWithoutCrashingTheJvm(@TempDir Path tmp) throws Exception {
        assumeThat(System.getProperty("os.arch"))
                .as("libvosk is bundled for x86-64 only")
                .isIn("amd64", "x86_64");
        Path m = ModelValidatorTest.fabricateSmallModel(tmp.resolve("fake-model"));
        AsrConfig c = AsrConfig.of(m, tmp.resolve("p"));
        assertThatThrownBy(() -> new VoskEngineLoader(c).load())
                .isInstanceOf(EngineLoader.EngineUnavailableException.class)
                .hasMessageContaining("Vosk could not load the model " + m)
                .hasMessageContaining("download the model again");
    }
}
