package io.vocedge.device.cli;

import io.vocedge.device.agent.DeviceAgent;
import io.vocedge.device.agent.AudioPipeline;
import io.vocedge.device.agent.Peripherals;
import io.vocedge.device.agent.ReplayInput;
import io.vocedge.device.command.PrivacyCommands;
import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MarkerConversationControl;
import io.vocedge.device.selftest.SelfTests;
import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.asr.AsrStage;
import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.audio.AudioInput;
import io.vocedge.device.audio.SourceOpener;
import io.vocedge.device.audio.SourceOpeners;
import io.vocedge.device.audio.WavFileSource;
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

    @Option(names = "--source", required = true, description = "mic (the audio.device of the config), mic:NAME (a capture "
            + "device by name substring or #index), wav:FILE.wav (a recording, through the same front-end and recognizer), "
            + "or replay:FILE.jsonl (transcripts, no audio)")
    String source;

    @Option(names = "--realtime", description = "play a wav: source at real-time speed, as a microphone would deliver it")
    boolean realtime;

    @Option(names = "--rate", defaultValue = "0", description = "replay utterances per second (0 = as fast as possible)")
    double rate;

    @Option(names = "--broker", description = "override broker.url, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(names = "--data-dir", description = "override data_dir (outbox lives here)")
    Path dataDir;

    @Option(names = "--exit-when-synced", description = "stop once the replay is done and every record is acked")
    boolean exitWhenSynced;

    /** Privacy mute as capture sees it; set once the persisted state is loaded. */
    private java.util.function.BooleanSupplier muted = () -> true;

    /** The audio pipeline once built, for button and command conversation markers. */
    private final java.util.concurrent.atomic.AtomicReference<AudioPipeline> audioPipeline = new java.util.concurrent.atomic.AtomicReference<>();

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
        java.util.Optional<String> savedLevel = io.vocedge.device.config.LogLevelSetting.applyBeforeLogging(cfg.dataDir());
        InputFactory inputs = inputs(cfg);
        ConversationControl conversations = new MarkerConversationControl(atMs -> {
            AudioPipeline p = audioPipeline.get();
            if (p == null) {
                Logger.info("event=conversation_marker_ignored reason=\"input is {}, not audio\"", source);
            } else {
                p.markConversationEnd();
            }
        }, () -> 0L);
        Peripherals peripherals = Peripherals.start(cfg, conversations);
        muted = peripherals.mute()::muted;
        DeviceConfig selfTestCfg = cfg;
        Map<String, CommandHandler> commands = new java.util.LinkedHashMap<>(PrivacyCommands.handlers(peripherals.mute(),
                conversations, () -> SelfTests.remote(selfTestCfg, CLOCK_FLOOR).run()));
        String version = new VersionProvider().getVersion()[0];
        DeviceConfig finalCfg = cfg;
        String lexiconFile = cfg.insights().path("lexicon_file").asText(null);
        InsightEngine engine = new InsightEngine(new Redactor(),
                lexiconFile == null ? Lexicon.loadDefault() : Lexicon.load(Path.of(lexiconFile)));
        commands.put("reload_lexicon", c -> {
            String file = c.args().get("file");
            if (file == null) {
                throw new IllegalArgumentException("args.file: path of the new lexicon YAML on the device");
            }
            engine.reload(Lexicon.load(Path.of(file)));
            return CommandHandler.Outcome.ok("lexicon " + engine.lexiconVersion() + " active");
        });
        DeviceAgent agent;
        try {
            agent = DeviceAgent.start(cfg, version, CLOCK_FLOOR,
                    ctx -> new InsightStage(finalCfg.deviceId(), engine, ctx.outbox(), ctx.clock()), inputs, commands);
        } catch (Exception | Error e) {
            peripherals.close();
            throw e;
        }
        peripherals.attach(agent);
        savedLevel.ifPresent(l -> Logger.info("event=log_level level={} from=\"{}\" debug_enabled={}", l,
                finalCfg.dataDir().resolve("log-level"), Logger.isDebugEnabled()));
        agent.addStatus(() -> Map.of("lexicon_version", engine.lexiconVersion()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            peripherals.close();
        }, "shutdown"));
        if (exitWhenSynced) {
            while (!(agent.inputFinished() && agent.spine().outbox().depth() == 0)) {
                Thread.sleep(200);
            }
            Logger.info("event=all_synced device={}", cfg.deviceId());
            agent.close();
            peripherals.close();
            return 0;
        }
        agent.awaitStop();
        return 0;
    }

    private interface InputFactory extends java.util.function.BiFunction<io.vocedge.device.agent.AgentContext,
            io.vocedge.device.pipeline.TranscriptSink, io.vocedge.device.agent.InputPipeline> {}

    /** The input named by --source; configuration problems are reported here, before anything starts. */
    private InputFactory inputs(DeviceConfig cfg) throws Exception {
        if (source.startsWith("replay:")) {
            Path replay = Path.of(source.substring("replay:".length()));
            return (ctx, sink) -> new ReplayInput(new ReplaySource(replay, rate, ctx.json()), replay, sink);
        }
        AudioConfig audio;
        try {
            audio = AudioConfig.from(cfg.audio());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SourceOpener opener;
        if (source.equals("mic") || source.startsWith("mic:")) {
            AudioConfig micCfg = source.startsWith("mic:") ? audio.withDevice(source.substring(4)) : audio;
            opener = SourceOpeners.microphone(micCfg);
        } else if (source.startsWith("wav:")) {
            Path wav = Path.of(source.substring(4));
            try (var probe = WavFileSource.open(wav, false)) {
                audio = audio.withFormat(probe.format().sampleRate(), probe.format().channels());
            }
            opener = SourceOpeners.wav(wav, realtime);
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source " + source
                    + ": use mic, mic:NAME, wav:FILE.wav or replay:FILE.jsonl");
        }
        AsrConfig asr;
        try {
            asr = AsrConfig.from(cfg.asr(), cfg.dataDir());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source " + source + " needs speech recognition: "
                    + e.getMessage());
        }
        AudioConfig finalAudio = audio;
        return (ctx, sink) -> {
            AsrStage stage = AsrStage.create(asr, sink);
            // Read through this field at every block: the persisted mute state is loaded before input starts.
            AudioPipeline p = new AudioPipeline(new AudioInput(finalAudio, opener, () -> muted.getAsBoolean(), stage), stage);
            audioPipeline.set(p);
            return p;
        };
    }
}
