package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.device.insights.InsightEngine;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * A model file trained on other features is refused with a clear reason, never read with the wrong meaning: its weights
 * sit under feature hashes this agent no longer computes (or computes with another value), so it would score quietly
 * wrong. Covers a file from before the last features change, offered at start or by hot reload.
 */
class FeaturesVersionTest {
    @Test
    void aModelOfAnotherFeaturesVersionIsRefusedAndTheActiveOneKept() throws Exception {
        byte[] shipped;
        try (InputStream in = InsightEngine.class.getResourceAsStream("model-default.vocim")) {
            shipped = in.readAllBytes();
        }
        InsightModel m = ModelCodec.read(shipped, "shipped");
        assertThat(m.info().featuresVersion()).isEqualTo(Featurizer.VERSION);
        byte[] old = ModelCodec.write(withFeaturesVersion(m, Featurizer.VERSION - 1));
        assertThatThrownBy(() -> ModelCodec.read(old, "old.vocim"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("old.vocim was trained on features version " + (Featurizer.VERSION - 1))
                .hasMessageContaining("this agent computes version " + Featurizer.VERSION)
                .hasMessageContaining("retrain");

        InsightEngine engine = InsightEngine.withDefaults();
        String active = engine.modelVersion();
        assertThatThrownBy(() -> engine.installModel(old, "update"))
                .hasMessageContaining("features version " + (Featurizer.VERSION - 1));
        assertThat(engine.modelVersion()).isEqualTo(active);
    }

    private static InsightModel withFeaturesVersion(InsightModel m, int features) {
        InsightModel.ModelInfo i = m.info();
        InsightModel.ModelInfo info = new InsightModel.ModelInfo(
                "old-" + i.version(), i.corpusSha256(), i.lexiconVersion(), features, i.rows(), i.trainingSummary());
        return new InsightModel(
                info,
                m.labels(),
                m.sortedKeys(),
                m.quantizedWeights(),
                m.scales(),
                m.biases(),
                m.temperature(),
                m.plattA(),
                m.plattB(),
                m.thresholds());
    }
}
