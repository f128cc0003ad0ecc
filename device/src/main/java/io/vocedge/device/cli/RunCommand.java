package io.vocedge.device.cli;

import io.vocedge.device.agent.DeviceAgent;
import io.vocedge.device.agent.ReplayInput;
import io.vocedge.device.command.CommandHandler;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.InsightStage;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.Redactor;
import io.vocedge.device.replay.ReplaySource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tinylog.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the device agent until SIGTERM (or, with --exit-when-synced, until a replay is fully synced). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the device agent: input -> insights (redaction first) -> SQLite outbox -> MQTT sync.")
final class RunCommand implements Callable<Integer> {
    /** Records are never stamped earlier than this (a Pi without RTC boots in 1970). */
    static final Instant CLOCK_FLOOR = Instant.parse("2026-11-01T00:00:00Z");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", description = "device YAML (default: built-in demo settings)")
    Path config;

    @Option(names = "--source", required = true, description = "replay:FILE.jsonl (transcript replay). mic and wav: "
            + "need the audio front-end and recognizer, not in this build")
    String source;

    @Option(names = "--rate", defaultValue = "0", description = "replay utterances per second (0 = as fast as possible)")
    double rate;

    @Option(names = "--broker", description = "override broker.url, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(names = "--data-dir", description = "override data_dir (outbox lives here)")
    Path dataDir;

    @Option(names = "--exit-when-synced", description = "stop once the replay is done and every record is acked")
    boolean exitWhenSynced;

    @Override
    public Integer call() throws Exception {
        DeviceConfig cfg = config == null ? DeviceConfig.defaults(dataDir == null ? Path.of("data/device") : dataDir)
                : DeviceConfig.load(config);
        if (config != null && dataDir != null) {
            cfg = DeviceConfig.withDataDir(cfg, dataDir);
        }
        if (broker != null) {
            cfg = cfg.withBroker(broker);
        }
        if (!source.startsWith("replay:")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source " + source + ": only replay:FILE.jsonl "
                    + "works in this build; live audio (mic, wav:) needs the audio front-end and Vosk recognizer stages");
        }
        Path replay = Path.of(source.substring("replay:".length()));
        String version = new VersionProvider().getVersion()[0];
        DeviceConfig finalCfg = cfg;
        String lexiconFile = cfg.insights().path("lexicon_file").asText(null);
        InsightEngine engine = new InsightEngine(new Redactor(),
                lexiconFile == null ? Lexicon.loadDefault() : Lexicon.load(Path.of(lexiconFile)));
        DeviceAgent agent = DeviceAgent.start(cfg, version, CLOCK_FLOOR,
                ctx -> new InsightStage(finalCfg.deviceId(), engine, ctx.outbox(), ctx.clock()),
                (ctx, sink) -> new ReplayInput(new ReplaySource(replay, rate, ctx.json()), replay, sink),
                Map.of("reload_lexicon", c -> {
                    String file = c.args().get("file");
                    if (file == null) {
                        throw new IllegalArgumentException("args.file: path of the new lexicon YAML on the device");
                    }
                    engine.reload(Lexicon.load(Path.of(file)));
                    return CommandHandler.Outcome.ok("lexicon " + engine.lexiconVersion() + " active");
                }));
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "shutdown"));
        if (exitWhenSynced) {
            while (!(agent.inputFinished() && agent.spine().outbox().depth() == 0)) {
                Thread.sleep(200);
            }
            Logger.info("event=all_synced device={}", cfg.deviceId());
            agent.close();
            return 0;
        }
        agent.awaitStop();
        return 0;
    }
}
