package io.vocedge.device.agent;

import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.insights.BundledModel;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.InsightStage;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.LexiconUpdater;
import io.vocedge.device.insights.ModelUpdater;
import io.vocedge.device.insights.Redactor;
import java.nio.file.Path;
import java.util.Map;

/**
 * The insight stage (redaction first) that turns transcripts into outbox records, and the lexicon and model updaters
 * that apply the lexicons and models the gateway distributes to the same engine.
 */
final class InsightPart implements AgentPart {
    private final InsightEngine engine;
    private final InsightStage stage;
    private final LexiconUpdater lexicons;
    private final ModelUpdater models;

    InsightPart(InsightEngine engine, InsightStage stage, LexiconUpdater lexicons, ModelUpdater models) {
        this.engine = engine;
        this.stage = stage;
        this.lexicons = lexicons;
        this.models = models;
    }

    /**
     * The engine from the config: the lexicon the gateway distributed last ({@code <data_dir>/lexicon/active.yaml})
     * wins over the configured one if newer; {@code insights.model_file} overrides the model built into the jar, and
     * the model the gateway distributed last ({@code <data_dir>/model/active.vocim}) overrides both when it is readable
     * (the configured file is still read first, so a bad one stops the agent as before).
     */
    static InsightEngine engine(DeviceConfig cfg) throws Exception {
        Path lexiconFile = cfg.insights().lexiconFile();
        Path modelFile = cfg.insights().modelFile();
        return new InsightEngine(
                new Redactor(),
                LexiconUpdater.startupLexicon(
                        cfg.dataDir(), lexiconFile == null ? Lexicon.loadDefault() : Lexicon.load(lexiconFile)),
                ModelUpdater.startupModel(
                        cfg.dataDir(), modelFile == null ? BundledModel.load() : BundledModel.load(modelFile)));
    }

    InsightStage stage() {
        return stage;
    }

    /** Where the gateway's lexicon and model messages go (the command receiver is the dispatcher's: null here). */
    Downlink.Receivers receivers() {
        return new Downlink.Receivers(null, lexicons::onMessage, models::onManifest, models::onChunk);
    }

    @Override
    public String name() {
        return "InsightStage";
    }

    @Override
    public void stop() {
        models.close();
    }

    @Override
    public void statusFields(Map<String, Object> into) {
        into.putAll(lexicons.status());
        into.putAll(models.status());
        into.put("lexicon_version", engine.lexiconVersion());
        into.put("model_version", engine.modelVersion() == null ? "none" : engine.modelVersion());
    }
}
