package io.vocedge.device.agent;

import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.insights.BundledModel;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.InsightStage;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.LexiconUpdater;
import io.vocedge.device.insights.Redactor;
import java.nio.file.Path;
import java.util.Map;

/**
 * The insight stage (redaction first) that turns transcripts into outbox records, and the lexicon updater that
 * applies the lexicons the gateway distributes to the same engine.
 */
final class InsightPart implements AgentPart {
    private final InsightEngine engine;
    private final InsightStage stage;
    private final LexiconUpdater lexicons;

    InsightPart(InsightEngine engine, InsightStage stage, LexiconUpdater lexicons) {
        this.engine = engine;
        this.stage = stage;
        this.lexicons = lexicons;
    }

    /**
     * The engine from the config: the lexicon the gateway distributed last ({@code <data_dir>/lexicon/active.yaml})
     * wins over the configured one if newer; {@code insights.model_file} overrides the model built into the jar.
     */
    static InsightEngine engine(DeviceConfig cfg) throws Exception {
        Path lexiconFile = cfg.insights().lexiconFile();
        Path modelFile = cfg.insights().modelFile();
        return new InsightEngine(
                new Redactor(),
                LexiconUpdater.startupLexicon(
                        cfg.dataDir(), lexiconFile == null ? Lexicon.loadDefault() : Lexicon.load(lexiconFile)),
                modelFile == null ? BundledModel.load() : BundledModel.load(modelFile));
    }

    InsightStage stage() {
        return stage;
    }

    LexiconUpdater lexicons() {
        return lexicons;
    }

    @Override
    public String name() {
        return "InsightStage";
    }

    @Override
    public void stop() {}

    @Override
    public void statusFields(Map<String, Object> into) {
        into.putAll(lexicons.status());
        into.put("lexicon_version", engine.lexiconVersion());
        into.put("model_version", engine.modelVersion() == null ? "none" : engine.modelVersion());
    }
}
