package io.vocedge.device.agent;

import io.vocedge.device.pipeline.InputPipeline;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.clock.SystemRecordClock;
import io.vocedge.device.command.CommandDispatcher;
import io.vocedge.device.command.CommandHandler;
import io.vocedge.common.fs.DataDirLock;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.outbox.OutboxStats;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.device.sync.OutboxSync;
import io.vocedge.device.sync.SyncStats;
import io.vocedge.device.telemetry.MetricsSource;
import io.vocedge.device.telemetry.SystemMetrics;
import io.vocedge.device.telemetry.TelemetryPublisher;
import io.vocedge.protocol.CommandResult;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The headless device agent: starts its parts in dependency order (data-dir lock, clock, outbox and sync,
 * commands, telemetry, insight stage, input) and stops them in reverse, so on SIGTERM the input stops first,
 * what was heard drains through the insight stage into the outbox, sync publishes {@code offline}, and the
 * outbox closes cleanly. A crash or power cut loses nothing already in the outbox.
 */
public final class DeviceAgent implements AutoCloseable {
    private final DeviceConfig config;
    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String softwareVersion;
    private final Map<String, CommandHandler> extraCommands = new LinkedHashMap<>();
    private volatile OutboxSync spine;
    private volatile CommandDispatcher commands;
    private volatile SystemRecordClock clock;
    private volatile InputPipeline input;
    private volatile TelemetryPublisher telemetry;
    private volatile boolean closed;
    private volatile io.vocedge.device.storage.DiskWatch disk;
    private final List<MetricsSource> extraMetrics = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Supplier<Map<String, Object>>> extraStatus = new java.util.concurrent.CopyOnWriteArrayList<>();

    private DeviceAgent(DeviceConfig config, String softwareVersion) {
        this.config = config;
        this.softwareVersion = softwareVersion;
    }

    /**
     * Starts an agent.
     *
     * @param insights builds the insight stage (redaction first) that turns transcripts into records
     * @param inputs builds the input feeding that stage (replay, or audio + recognizer)
     * @param commands extra command handlers (hardware, lexicon) beside the built-in ones
     */
    public static DeviceAgent start(DeviceConfig config, String softwareVersion, Instant clockFloor,
            Function<AgentContext, TranscriptSink> insights, BiFunction<AgentContext, TranscriptSink, InputPipeline> inputs,
            Map<String, CommandHandler> commands) throws Exception {
        DeviceAgent agent = new DeviceAgent(config, softwareVersion);
        agent.extraCommands.putAll(commands);
        try {
            agent.startParts(clockFloor, insights, inputs);
            return agent;
        } catch (Exception | Error e) {
            agent.close();
            throw e;
        }
    }

    private void startParts(Instant clockFloor, Function<AgentContext, TranscriptSink> insights,
            BiFunction<AgentContext, TranscriptSink, InputPipeline> inputs) throws Exception {
        DataDirLock lock = DataDirLock.acquire(config.dataDir(), "agent");
        stopOrder.add(0, lock);
        disk = new io.vocedge.device.storage.DiskWatch(config.dataDir(), io.vocedge.device.storage.DiskWatch.DEFAULT_LOW_BYTES,
                io.vocedge.device.storage.DiskWatch.DEFAULT_CRITICAL_BYTES).start(Duration.ofSeconds(30));
        stopOrder.add(0, disk);
        clock = SystemRecordClock.system(clockFloor);
        if (!clock.isSynchronised()) {
            Logger.warn("event=clock_not_synchronised action=\"records are marked synced=false; the gateway corrects them\"");
        }
        ObjectMapper json = io.vocedge.protocol.Json.newMapper();
        CommandDispatcher dispatcher = new CommandDispatcher(config.deviceId(), json, new SchemaValidator(), commandHandlers(),
                this::publishResult, io.vocedge.device.command.CommandGuard.open(config.dataDir(), config.commands(),
                        java.time.Clock.systemUTC()));
        commands = dispatcher;
        stopOrder.add(0, dispatcher);
        spine = OutboxSync.open(new OutboxSync.Identity(config.deviceId(), config.site(), config.brokerUrl(), config.tls()),
                config.outbox(), config.sync(), json, clock.bootId(), clock::monoMs, this::status, (channel, payload, retained) -> {
                    if (Topics.DOWN_LEXICON.equals(channel)) {
                        onLexicon(payload, retained);
                    } else {
                        dispatcher.onCommand(payload, retained);
                    }
                }, ack -> { });
        stopOrder.add(0, spine);
        if (spine.outbox().quarantinedFile() != null) {
            Logger.error("event=outbox_was_corrupt quarantined={}", spine.outbox().quarantinedFile());
        }
        AgentContext ctx = new AgentContext(config, spine.outbox(), clock, json);
        List<MetricsSource> sources = new ArrayList<>();
        SystemMetrics system = new SystemMetrics(config.dataDir());
        sources.add(system);
        sources.add(disk);
        sources.add(this::spineMetrics);
        sources.add(m -> {
            InputPipeline in = input;
            if (in != null) {
                in.metrics(m);
            }
            for (MetricsSource extra : extraMetrics) {
                extra.collect(m);
            }
        });
        Duration interval = config.telemetry().interval();
        telemetry = new TelemetryPublisher(config.deviceId(), sources, spine.outbox(), clock, interval);
        telemetry.start();
        stopOrder.add(0, telemetry);
        TranscriptSink sink = insights.apply(ctx);
        if (sink instanceof AutoCloseable closeable) {
            stopOrder.add(0, closeable);
        }
        input = inputs.apply(ctx, sink);
        stopOrder.add(0, input);
        input.start();
        Logger.info("event=agent_started device={} site={} input={} broker={} data_dir={}", config.deviceId(),
                config.site(), input.describe(), config.brokerUrl(), config.dataDir().toAbsolutePath());
    }

    private io.vocedge.device.command.CommandSink lexiconSink;
    private byte[] pendingLexicon;

    /** Lexicon messages before {@link #setLexiconSink} are held (the latest only) and handed over then. */
    private synchronized void onLexicon(byte[] payload, boolean retained) {
        if (lexiconSink == null) {
            pendingLexicon = payload;
            return;
        }
        lexiconSink.onCommand(payload, retained);
    }

    /** Where {@code down/lexicon} messages go (the lexicon updater of the insight stage). */
    public synchronized void setLexiconSink(io.vocedge.device.command.CommandSink sink) {
        lexiconSink = sink;
        if (pendingLexicon != null) {
            byte[] p = pendingLexicon;
            pendingLexicon = null;
            sink.onCommand(p, true);
        }
    }

    private Map<String, CommandHandler> commandHandlers() {
        Map<String, CommandHandler> h = new LinkedHashMap<>();
        h.put("set_log_level", c -> {
            String level = c.args().get("level");
            try {
                io.vocedge.device.config.LogLevelSetting.write(config.dataDir(), level);
            } catch (java.io.IOException e) {
                return CommandHandler.Outcome.failed("cannot save the level in " + config.dataDir() + ": " + e.getMessage());
            }
            // TinyLog fixes levels at start-up: saved now, applied before the first line of the next start.
            return CommandHandler.Outcome.ok("log level " + level.toLowerCase(java.util.Locale.ROOT) + " saved; it applies from "
                    + "the next start of the agent (restart the service to apply it now)");
        });
        h.put("status", c -> new CommandHandler.Outcome(true, "status", status().details()));
        h.putAll(extraCommands);
        return h;
    }

    /** Sends a result the device itself produced (the forget gesture's) as the answers to commands are sent. */
    public void report(CommandResult result) {
        publishResult(result);
    }

    private void publishResult(CommandResult result) {
        OutboxSync s = spine;
        if (s == null) {
            return;
        }
        try {
            byte[] payload = io.vocedge.protocol.Json.newMapper().writeValueAsBytes(result);
            if (!s.sync().publish(Topics.commandResult(config.site(), config.deviceId()), payload)) {
                Logger.warn("event=command_result_not_sent id={} reason=offline", result.commandId());
            }
        } catch (Exception e) {
            Logger.warn("event=command_result_failed id={} error=\"{}\"", result.commandId(), e.getMessage());
        }
    }

    private void spineMetrics(Map<String, Double> m) {
        OutboxSync s = spine;
        if (s == null) {
            return;
        }
        OutboxStats o = s.outbox().stats();
        m.put("outbox_depth", (double) o.depth());
        m.put("outbox_bytes", (double) o.bytes());
        m.put("outbox_evicted_total", (double) o.evictedTotal());
        m.put("outbox_rejected_total", (double) o.rejected());
        if (o.oldestCreatedMs() > 0) {
            m.put("outbox_oldest_age_s", Math.max(0, (System.currentTimeMillis() - o.oldestCreatedMs()) / 1000.0));
        }
        SyncStats st = s.sync().stats();
        m.put("sync_connected", st.connected() ? 1.0 : 0.0);
        m.put("sync_batches_resent_total", (double) st.batchesResent());
        m.put("sync_acks_refused_total", (double) st.refusedAcks());
        m.put("clock_synced", clock != null && clock.isSynchronised() ? 1.0 : 0.0);
    }

    /** The retained status: state, versions, outbox, errors. */
    public Status status() {
        Map<String, Object> details = new LinkedHashMap<>();
        OutboxSync s = spine;
        if (s != null) {
            // Counters only: status is built every second for the status light, so no database query here.
            details.put("outbox_depth", s.outbox().depth());
            details.put("outbox_evicted", s.outbox().evictedByPriority());
            details.put("acks_refused", s.sync().stats().refusedAcks());
            CommandDispatcher c = commands;
            if (c != null) {
                details.put("commands_refused", c.refused());
            }
            if (s.outbox().lastError() != null) {
                details.put("outbox_error", s.outbox().lastError());
            }
            if (s.outbox().quarantinedFile() != null) {
                details.put("outbox_quarantined", s.outbox().quarantinedFile());
            }
        }
        InputPipeline in = input;
        if (in != null) {
            details.put("input", in.describe());
            details.putAll(in.statusDetails());
        }
        io.vocedge.device.storage.DiskWatch d = disk;
        if (d != null) {
            details.put("disk_state", d.state().name().toLowerCase(java.util.Locale.ROOT));
            if (d.problem() != null) {
                details.put("disk_problem", d.problem());
            }
        }
        for (java.util.function.Supplier<Map<String, Object>> extra : extraStatus) {
            details.putAll(extra.get());
        }
        TelemetryPublisher t = telemetry;
        if (t != null && t.last().containsKey("disk_free_mb")) {
            details.put("disk_free_mb", t.last().get("disk_free_mb"));
        }
        boolean synced = clock != null && clock.isSynchronised();
        return new Status(config.deviceId(), config.site(), Status.ONLINE, Instant.now(), synced, softwareVersion, details);
    }

    /** Figures from parts started around the agent (hardware, mute) for telemetry. */
    public void addMetrics(MetricsSource source) {
        extraMetrics.add(source);
    }

    /** Fields from parts started around the agent (hardware, mute) for the retained status. */
    public void addStatus(java.util.function.Supplier<Map<String, Object>> source) {
        extraStatus.add(source);
    }

    /** Re-publishes the retained status now (after a mute change, say) instead of at the next interval. */
    public void publishStatus() {
        OutboxSync s = spine;
        if (s != null) {
            s.sync().publishStatus();
        }
    }

    public OutboxSync spine() {
        return spine;
    }

    public boolean inputFinished() {
        return input != null && input.finished();
    }

    /** What a finished input left undone (see {@link InputPipeline#strandedWork()}). */
    public java.util.Optional<String> inputStrandedWork() {
        return input == null ? java.util.Optional.empty() : input.strandedWork();
    }

    /** Blocks until {@link #close()} ran (from the shutdown hook on SIGTERM). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything in reverse start order; one failing part does not keep the others from stopping. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Logger.info("event=agent_stopping device={}", config.deviceId());
        for (AutoCloseable part : stopOrder) {
            try {
                part.close();
            } catch (Exception | Error e) {
                Logger.error(e, "event=stop_failed part={}", part.getClass().getSimpleName());
            }
        }
        Logger.info("event=agent_stopped device={}", config.deviceId());
        stopped.countDown();
    }
}
