package io.vocedge.device.cli;

import io.vocedge.device.agent.AgentInput;
import io.vocedge.device.agent.DeviceAssembly;
import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.asr.AsrStage;
import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.audio.SourceOpeners;
import io.vocedge.device.audio.WavFileSource;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.config.LogLevelSetting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tinylog.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the device agent until SIGTERM (or, with --exit-when-synced, until a replay is fully synced). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the device agent: input -> insights (redaction first) -> SQLite outbox -> MQTT sync.")
final class RunCommand implements Callable<Integer> {
    /** Records are never stamped earlier than this (a Pi without RTC boots in 1970). */
    static final Instant CLOCK_FLOOR = Instant.parse("2026-11-01T00:00:00Z");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", description = "device YAML (default: built-in demo settings)")
    Path config;

    @Option(
            names = "--source",
            required = true,
            description = "mic (the audio.device of the config), mic:NAME (a capture "
                    + "device by name substring or #index), wav:FILE.wav (a recording, through the same front-end and recognizer), "
                    + "or replay:FILE.jsonl (transcripts, no audio)")
    String source;

    @Option(
            names = "--realtime",
            description = "play a wav: source at real-time speed, as a microphone would deliver it")
    boolean realtime;

    @Option(
            names = "--rate",
            defaultValue = "0",
            description = "replay utterances per second (0 = as fast as possible)")
    double rate;

    @Option(names = "--broker", description = "override broker.url, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(
            names = "--broker-password-file",
            paramLabel = "FILE",
            description =
                    "override broker.password_file: the device's "
                            + "password for the gateway's embedded broker (voc-gateway broker password DEVICE_ID), file readable by you only")
    Path brokerPasswordFile;

    @Option(names = "--data-dir", description = "override data_dir (outbox lives here)")
    Path dataDir;

    @Option(
            names = "--exit-when-synced",
            description =
                    "stop once the input (replay or WAV file) is done, every segment recognised and every record acked;"
                            + " exits 1 if heard audio is left queued because the recognizer is unavailable")
    boolean exitWhenSynced;

    @Override
    public Integer call() throws Exception {
        DeviceConfig.Overrides overrides = new DeviceConfig.Overrides(dataDir, broker, true, brokerPasswordFile);
        DeviceConfig cfg = config == null ? DeviceConfig.builtIn(overrides) : DeviceConfig.load(config, overrides);
        Optional<String> savedLevel = LogLevelSetting.applyBeforeLogging(cfg.dataDir());
        AgentInput input = input(cfg);
        DeviceAssembly agent = DeviceAssembly.start(cfg, VersionProvider.version(), CLOCK_FLOOR, input);
        savedLevel.ifPresent(l -> Logger.info(
                "event=log_level level={} from=\"{}\" debug_enabled={}",
                l,
                cfg.dataDir().resolve("log-level"),
                Logger.isDebugEnabled()));
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "shutdown"));
        if (!exitWhenSynced) {
            agent.awaitStop();
            return 0;
        }
        Optional<String> stranded = agent.awaitSynced();
        agent.close();
        if (stranded.isPresent()) {
            // A script waiting for "everything synced" must not be told so while heard speech is still queued.
            Logger.error("event=not_synced device={} reason=\"{}\"", cfg.deviceId(), stranded.get());
            throw new IllegalStateException("not synced: " + stranded.get() + ". Install the speech model (asr.model,"
                    + " see 'voc-device asr check') and run again");
        }
        Logger.info("event=all_synced device={}", cfg.deviceId());
        return 0;
    }

    /** The input named by --source; configuration problems are reported here, before anything starts. */
    private AgentInput input(DeviceConfig cfg) throws Exception {
        if (source.startsWith("replay:")) {
            return AgentInput.replay(Path.of(source.substring("replay:".length())), rate);
        }
        AudioConfig audio = cfg.audio();
        if (source.equals("mic") || source.startsWith("mic:")) {
            var opener =
                    SourceOpeners.microphone(source.startsWith("mic:") ? audio.withDevice(source.substring(4)) : audio);
            AsrConfig asr = cfg.requireAsr("--source " + source);
            return AgentInput.audio(audio, opener, sink -> AsrStage.create(asr, sink));
        }
        if (source.startsWith("wav:")) {
            Path wav = Path.of(source.substring(4));
            try (var probe = WavFileSource.open(wav, false)) {
                audio = audio.withFormat(
                        probe.format().sampleRate(), probe.format().channels());
            }
            var opener = SourceOpeners.wav(wav, realtime);
            AsrConfig asr = cfg.requireAsr("--source " + source);
            return AgentInput.audio(audio, opener, sink -> AsrStage.create(asr, sink));
        }
        throw new CommandLine.ParameterException(
                spec.commandLine(), "--source " + source + ": use mic, mic:NAME, wav:FILE.wav or replay:FILE.jsonl");
    }
}
