package io.vocedge.device.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.fs.DataDirLock;
import io.vocedge.device.clock.SystemRecordClock;
import io.vocedge.device.command.CommandDispatcher;
import io.vocedge.device.command.CommandGuard;
import io.vocedge.device.command.CommandHandler;
import io.vocedge.device.command.PrivacyCommands;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.hardware.StatusLight;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.InsightStage;
import io.vocedge.device.insights.LexiconUpdater;
import io.vocedge.device.insights.ModelUpdater;
import io.vocedge.device.outbox.Outbox;
import io.vocedge.device.privacy.Forgetter;
import io.vocedge.device.privacy.MuteState;
import io.vocedge.device.selftest.SelfTestCommandHandler;
import io.vocedge.device.selftest.SelfTests;
import io.vocedge.device.storage.DiskWatch;
import io.vocedge.device.sync.OutboxSync;
import io.vocedge.device.telemetry.SystemMetrics;
import io.vocedge.device.telemetry.TelemetryPublisher;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.tinylog.Logger;

/**
 * The device agent, built in one place. {@link #start} builds each part from the typed config, with what it needs
 * passed to its constructor, and starts it before building the next, in this order:
 *
 * <ol>
 *   <li>(not a part) the insight engine: lexicon and model files are read first, so a bad one stops the agent before
 *       it touches anything</li>
 *   <li>data-dir lock: one agent per data directory</li>
 *   <li>disk watch</li>
 *   <li>clock</li>
 *   <li>mute: persisted, so capture sees it from its first block</li>
 *   <li>outbox and MQTT sync; what arrives for parts not built yet waits in the {@link Downlink}</li>
 *   <li>telemetry</li>
 *   <li>insight stage (redaction first), lexicon updater and model updater (its chunk timeouts on thread
 *       {@code model-download})</li>
 *   <li>forget (command and button gesture)</li>
 *   <li>hardware: button and status light, which act on mute, input and forget (the input is built before, so the
 *       button can act on it, but started after: capture never runs while the mute button is not listening)</li>
 *   <li>input (replay, or audio + recognizer), with conversation markers and delete-on-mute</li>
 *   <li>agent commands ({@code status}, {@code set_log_level}) and {@code selftest}</li>
 *   <li>command dispatcher: its table is every part's commands, put together here once</li>
 *   <li>status watch: light follows sync and faults, status re-published on change</li>
 * </ol>
 *
 * <p>{@link #close} stops them in reverse: on SIGTERM commands stop first, then the input, so what was heard drains
 * through the insight stage into the outbox; sync publishes {@code offline}; the outbox closes cleanly; the lock goes
 * last. If a part fails to start, the ones before it are stopped the same way and the failure is thrown.
 */
public final class DeviceAssembly implements AutoCloseable {
    private final DeviceConfig config;
    private final PartChain parts;
    private final AgentStatus status;
    private final SyncPart sync;
    private final InputPart input;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private DeviceAssembly(DeviceConfig config, PartChain parts, AgentStatus status, SyncPart sync, InputPart input) {
        this.config = config;
        this.parts = parts;
        this.status = status;
        this.sync = sync;
        this.input = input;
    }

    /**
     * Builds and starts the agent.
     *
     * @param clockFloor records are never stamped earlier than this (a Pi without RTC boots in 1970)
     * @param inputChoice what {@code --source} chose
     */
    public static DeviceAssembly start(
            DeviceConfig config, String softwareVersion, Instant clockFloor, AgentInput inputChoice) throws Exception {
        InsightEngine engine = InsightPart.engine(config);
        PartChain parts = new PartChain();
        try {
            return build(config, softwareVersion, clockFloor, inputChoice, engine, parts);
        } catch (Exception | Error e) {
            parts.close();
            throw e;
        }
    }

    private static DeviceAssembly build(
            DeviceConfig config,
            String softwareVersion,
            Instant clockFloor,
            AgentInput inputChoice,
            InsightEngine engine,
            PartChain parts)
            throws Exception {
        String deviceId = config.deviceId();
        ObjectMapper json = Json.newMapper();
        parts.start(AgentPart.closing("DataDirLock", DataDirLock.acquire(config.dataDir(), "agent")));
        parts.start(new DiskPart(
                new DiskWatch(config.dataDir(), DiskWatch.DEFAULT_LOW_BYTES, DiskWatch.DEFAULT_CRITICAL_BYTES)));
        SystemRecordClock clock =
                parts.start(new ClockPart(SystemRecordClock.system(clockFloor))).clock();
        MuteState mute = parts.start(new MutePart(
                        MuteState.load(config.dataDir(), config.hardware().startMuted())))
                .state();
        AgentStatus status = new AgentStatus(config, softwareVersion, clock, parts);
        Downlink downlink = new Downlink();
        SyncPart sync = parts.start(new SyncPart(
                OutboxSync.open(
                        new OutboxSync.Identity(deviceId, config.site(), config.brokerUrl(), config.tls()),
                        config.outbox(),
                        config.sync(),
                        json,
                        clock.bootId(),
                        clock::monoMs,
                        status::status,
                        downlink,
                        ack -> {}),
                config.site(),
                deviceId,
                json));
        Outbox outbox = sync.outbox();
        parts.start(new TelemetryPart(new TelemetryPublisher(
                deviceId,
                List.of(new SystemMetrics(config.dataDir()), parts::metrics),
                outbox,
                clock,
                config.telemetry().interval())));
        SchemaValidator validator = new SchemaValidator();
        InsightPart insights = parts.start(new InsightPart(
                engine,
                new InsightStage(deviceId, engine, outbox, clock),
                new LexiconUpdater(config.dataDir(), engine, json, validator, sync::publishStatus),
                new ModelUpdater(
                        config.dataDir(),
                        engine,
                        json,
                        validator,
                        sync::publishModelRequest,
                        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                                .name("model-download")
                                .daemon(true)
                                .factory()),
                        ModelUpdater.CHUNK_TIMEOUT,
                        sync::publishStatus)));
        // The input is built here but started after the button: capture never runs while the mute button is not
        // yet listening (privacy mute is sacred), and the button's other gestures act on this input.
        InputPart input = new InputPart(inputChoice.open(insights.stage(), mute::muted), mute);
        HardwarePart hardware;
        try {
            ForgetPart forget = parts.start(new ForgetPart(
                    new Forgetter(
                            input.input()::dropPendingAudio, outbox, sync.sync()::forgetInFlight, Clock.systemUTC()),
                    sync,
                    deviceId));
            hardware = parts.start(new HardwarePart(
                    config.hardware(), StatusLight.system(), mute, input.conversations(), forget.gesture()));
            parts.start(input);
        } catch (Exception | Error e) {
            if (!parts.names().contains(input.name())) {
                input.input().close(); // built, never started: PartChain does not own it yet
            }
            throw e;
        }
        Map<String, CommandHandler> agentCommands = new LinkedHashMap<>();
        agentCommands.put("set_log_level", LogLevelCommand.handler(config.dataDir()));
        agentCommands.put(
                "status",
                c -> new CommandHandler.Outcome(true, "status", status.status().details()));
        parts.start(AgentPart.commandsOnly("AgentCommands", agentCommands));
        parts.start(AgentPart.commandsOnly(
                "SelfTest",
                PrivacyCommands.selfTest(new SelfTestCommandHandler(
                        () -> SelfTests.remote(config, clockFloor).run()))));
        parts.start(new CommandPart(
                new CommandDispatcher(
                        deviceId,
                        json,
                        new SchemaValidator(),
                        parts.commands(),
                        sync::publish,
                        CommandGuard.open(config.dataDir(), config.commands(), Clock.systemUTC())),
                downlink,
                insights.receivers()));
        parts.start(new StatusWatch(hardware.light(), mute, sync, parts::statusFields));
        Logger.info(
                "event=agent_started device={} site={} input={} broker={} data_dir={}",
                deviceId,
                config.site(),
                input.input().describe(),
                config.brokerUrl(),
                config.dataDir().toAbsolutePath());
        return new DeviceAssembly(config, parts, status, sync, input);
    }

    /** The retained status: state, versions, and every part's fields. */
    public Status status() {
        return status.status();
    }

    /** The started parts, in start order (tests, logs). */
    public List<String> partNames() {
        return parts.names();
    }

    /** Every command the dispatcher knows. */
    public Map<String, CommandHandler> commands() {
        return parts.commands();
    }

    public Outbox outbox() {
        return sync.outbox();
    }

    public boolean inputFinished() {
        return input.input().finished();
    }

    /**
     * For {@code --exit-when-synced}: waits until a finite input is done and the outbox is empty (every record acked),
     * then says what the input left undone (segments waiting for a recognizer that is unavailable), if anything.
     */
    public Optional<String> awaitSynced() throws InterruptedException {
        while (!(inputFinished() && sync.outbox().depth() == 0)) {
            Thread.sleep(200);
        }
        return input.input().strandedWork();
    }

    /** Blocks until {@link #close()} ran (from the shutdown hook on SIGTERM). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops every part in reverse start order; one failing part does not keep the others from stopping. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Logger.info("event=agent_stopping device={}", config.deviceId());
        parts.close();
        Logger.info("event=agent_stopped device={}", config.deviceId());
        stopped.countDown();
    }
}
