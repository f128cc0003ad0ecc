package io.vocedge.device.cli;

import io.vocedge.device.agent.DeviceAgent;
import io.vocedge.device.agent.AudioPipeline;
import io.vocedge.device.agent.Peripherals;
import io.vocedge.device.agent.ReplayInput;
import io.vocedge.device.command.PrivacyCommands;
import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MarkerConversationControl;
import io.vocedge.device.selftest.SelfTestCommandHandler;
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
import io.vocedge.device.insights.BundledModel;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.InsightStage;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.LexiconUpdater;
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
    /** What holding the privacy button forgets. */
    static final long FORGET_GESTURE_MINUTES = 5;

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
    @Option(names = "--broker-password-file", paramLabel = "FILE", description = "override broker.password_file: the device's "
            + "password for the gateway's embedded broker (voc-gateway broker password DEVICE_ID), file readable by you only")
    Path brokerPasswordFile;

    @Option(names = "--data-dir", description = "override data_dir (outbox lives here)")
    Path dataDir;

    @Option(names = "--exit-when-synced", description = "stop once the input (replay or WAV file) is done, every segment recognised and every record acked;"
            + " exits 1 if heard audio is left queued because the recognizer is unavailable")
    boolean exitWhenSynced;

    /** Privacy mute as capture sees it; set once the persisted state is loaded. */
    private java.util.function.BooleanSupplier muted = () -> true;

    /** The audio pipeline once built, for button and command conversation markers. */
    private final java.util.concurrent.atomic.AtomicReference<AudioPipeline> audioPipeline = new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    public Integer call() throws Exception {
        DeviceConfig.Overrides overrides = new DeviceConfig.Overrides(dataDir, broker, true, brokerPasswordFile);
        DeviceConfig cfg = config == null ? DeviceConfig.builtIn(overrides) : DeviceConfig.load(config, overrides);
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
                conversations, new SelfTestCommandHandler(() -> SelfTests.remote(selfTestCfg, CLOCK_FLOOR).run())));
        String version = VersionProvider.version();
        DeviceConfig finalCfg = cfg;
        Path lexiconFile = cfg.insights().lexiconFile();
        // insights.model_file: optional override of the model built into the jar (a file written by 'insights train').
        Path modelFile = cfg.insights().modelFile();
        // The lexicon the gateway distributed last (<data_dir>/lexicon/active.yaml) wins over the configured one if newer.
        InsightEngine engine = new InsightEngine(new Redactor(), LexiconUpdater.startupLexicon(cfg.dataDir(),
                lexiconFile == null ? Lexicon.loadDefault() : Lexicon.load(lexiconFile)),
                modelFile == null ? BundledModel.load() : BundledModel.load(modelFile));
        java.util.concurrent.atomic.AtomicReference<io.vocedge.device.privacy.Forgetter> forgetter =
                new java.util.concurrent.atomic.AtomicReference<>();
        commands.put("forget", io.vocedge.device.command.ForgetCommand.handler(forgetter::get));
        // A mute also deletes the audio still waiting for recognition: nothing heard before the mute stays on disk.
        peripherals.mute().addListener(nowMuted -> {
            AudioPipeline p = audioPipeline.get();
            if (nowMuted && p != null) {
                p.dropPendingAudio(Long.MIN_VALUE);
            }
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
        forgetter.set(new io.vocedge.device.privacy.Forgetter(since -> {
            AudioPipeline p = audioPipeline.get();
            return p == null ? 0 : p.dropPendingAudio(since);
        }, agent.spine().outbox(), agent.spine().sync()::forgetInFlight, java.time.Clock.systemUTC()));
        String deviceId = cfg.deviceId();
        peripherals.onForgetGesture(() -> Thread.ofVirtual().name("forget-gesture").start(() -> {
            try {
                var r = forgetter.get().forget(java.time.Duration.ofMinutes(FORGET_GESTURE_MINUTES), "button");
                agent.report(new io.vocedge.protocol.CommandResult("forget-button-" + java.util.UUID.randomUUID(), deviceId,
                        true, r.message(), Instant.now(), r.detail()));
            } catch (Exception e) {
                Logger.error("event=forget_gesture_failed error=\"{}\"", e.getMessage());
            }
        }));
        savedLevel.ifPresent(l -> Logger.info("event=log_level level={} from=\"{}\" debug_enabled={}", l,
                finalCfg.dataDir().resolve("log-level"), Logger.isDebugEnabled()));
        LexiconUpdater lexicons = new LexiconUpdater(cfg.dataDir(), engine, io.vocedge.protocol.Json.newMapper(),
                new io.vocedge.protocol.SchemaValidator(), agent::publishStatus);
        agent.addStatus(() -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>(lexicons.status());
            m.put("lexicon_version", engine.lexiconVersion());
            m.put("model_version", engine.modelVersion() == null ? "none" : engine.modelVersion());
            return m;
        });
        agent.setLexiconSink(lexicons::onMessage);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            peripherals.close();
        }, "shutdown"));
        if (exitWhenSynced) {
            while (!(agent.inputFinished() && agent.spine().outbox().depth() == 0)) {
                Thread.sleep(200);
            }
            java.util.Optional<String> stranded = agent.inputStrandedWork();
            agent.close();
            peripherals.close();
            if (stranded.isPresent()) {
                // A script waiting for "everything synced" must not be told so while heard speech is still queued.
                Logger.error("event=not_synced device={} reason=\"{}\"", cfg.deviceId(), stranded.get());
                throw new IllegalStateException("not synced: " + stranded.get() + ". Install the speech model (asr.model,"
                        + " see 'voc-device asr check') and run again");
            }
            Logger.info("event=all_synced device={}", cfg.deviceId());
            return 0;
        }
        agent.awaitStop();
        return 0;
    }

    private interface InputFactory extends java.util.function.BiFunction<io.vocedge.device.agent.AgentContext,
            io.vocedge.device.pipeline.TranscriptSink, io.vocedge.device.pipeline.InputPipeline> {}

    /** The input named by --source; configuration problems are reported here, before anything starts. */
    private InputFactory inputs(DeviceConfig cfg) throws Exception {
        if (source.startsWith("replay:")) {
            Path replay = Path.of(source.substring("replay:".length()));
            return (ctx, sink) -> new ReplayInput(new ReplaySource(replay, rate, ctx.json()), replay, sink);
        }
        AudioConfig audio = cfg.audio();
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
        AsrConfig asr = cfg.requireAsr("--source " + source);
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
