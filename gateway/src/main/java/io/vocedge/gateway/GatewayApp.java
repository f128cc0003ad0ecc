package io.vocedge.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.common.fs.DataDirLock;
import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.alerts.AlertRoutes;
import io.vocedge.gateway.alerts.AlertsService;
import io.vocedge.gateway.broker.EmbeddedBroker;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.Console;
import io.vocedge.gateway.forward.ForwardOutbox;
import io.vocedge.gateway.forward.Forwarder;
import io.vocedge.gateway.forward.KafkaSink;
import io.vocedge.gateway.forward.OutboxParticipant;
import io.vocedge.gateway.forward.OutboxStore;
import io.vocedge.gateway.http.AdminRoutes;
import io.vocedge.gateway.http.CredentialTransport;
import io.vocedge.gateway.http.GatewayHttpServer;
import io.vocedge.gateway.http.HealthRoutes;
import io.vocedge.gateway.ingest.BatchValidator;
import io.vocedge.gateway.ingest.GatewayMqtt;
import io.vocedge.gateway.ingest.IngestMetrics;
import io.vocedge.gateway.ingest.IngestWorker;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.VocStore;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The gateway: store, registry, broker (embedded or external), MQTT ingest, HTTP. Started in dependency order,
 * stopped in reverse; one part failing to stop does not keep the others from stopping.
 */
public final class GatewayApp implements AutoCloseable {
    private final GatewayConfig config;
    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final ObjectMapper json = Json.newMapper();
    private volatile String brokerUrl;
    private volatile GatewayHttpServer http;
    private volatile IngestMetrics metrics;
    private volatile IngestWorker worker;
    private volatile JdbcVocStore store;
    private volatile Console console;
    private volatile AlertsService alertsService;
    private PrometheusMeterRegistry meterRegistry;
    private volatile boolean running = true;
    private volatile ForwardOutbox outbox;
    private final List<Forwarder> forwarders = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Only the instance that wrote runtime.json removes it: a refused second instance must not. */
    private volatile boolean wroteRuntime;

    private GatewayApp(GatewayConfig config) {
        this.config = config;
    }

    public static GatewayApp start(GatewayConfig config) throws Exception {
        GatewayApp app = new GatewayApp(config);
        try {
            app.startParts();
            return app;
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }

    private void startParts() throws Exception {
        // Created owner-only (0700) whatever the umask and held for the life of the process: redacted transcripts,
        // the admin token and broker data live here.
        Path dataDir = config.dataDir();
        stopOrder.add(0, DataDirLock.acquire(dataDir, "gateway"));
        removeStaleRuntime(dataDir);
        JdbcVocStore store = JdbcVocStore.open(config.store(), config.gatewayId());
        this.store = store;
        stopOrder.add(0, store);
        IngestWorker.FaultPoint faults = faultHook(dataDir);
        // The forwarding outbox is written inside every store commit (records, statuses; alerts add theirs).
        outbox = new ForwardOutbox(
                store.dialect(),
                config.gatewayId(),
                config.forward().enabled(),
                Clock.systemUTC(),
                () -> forwarders.forEach(Forwarder::wake));
        store.addParticipant(new OutboxParticipant(
                outbox, () -> faults.reached("in_transaction"), rows -> forwarders.forEach(f -> f.committed(rows))));
        // Before ingest starts: the console's indexer writes inside every store commit.
        CredentialTransport transport = new CredentialTransport(config.http(), registryMetricsFor());
        console = new Console(store, config.console(), transport, json, java.time.Clock.systemUTC());
        DeviceRegistry registry = new DeviceRegistry(store, "strict".equals(config.registryMode()));
        registry.refresh();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("registry-refresh").daemon(true).unstarted(r));
        // Guarded: an exception must not cancel the repeating refresh.
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        registry.refresh();
                    } catch (RuntimeException e) {
                        Logger.warn("event=registry_refresh_error error=\"{}\"", e.getMessage());
                    }
                },
                10,
                10,
                TimeUnit.SECONDS);
        stopOrder.add(0, timer::shutdownNow);

        PrometheusMeterRegistry registryMetrics = registryMetricsFor();
        metrics = new IngestMetrics(registryMetrics);
        OutboxStore outboxStore = new OutboxStore(store.dataSource(), store.dialect());
        if (config.forward().kafka() != null) {
            forwarders.add(new Forwarder(
                    outboxStore,
                    new KafkaSink(config.forward().kafka(), config.gatewayId()),
                    config.forward().batchMaxEvents(),
                    config.forward().batchMaxBytes(),
                    config.forward().batchLinger(),
                    config.forward().retention(),
                    faults,
                    Clock.systemUTC(),
                    registryMetrics));
        }
        if (config.forward().http() != null) {
            // Its own cursors: with both sinks configured each keeps its own progress and lag.
            forwarders.add(new Forwarder(
                    outboxStore,
                    new io.vocedge.gateway.forward.HttpSink(
                            config.forward().http(), config.gatewayId(), Clock.systemUTC()),
                    config.forward().batchMaxEvents(),
                    config.forward().batchMaxBytes(),
                    config.forward().batchLinger(),
                    config.forward().retention(),
                    faults,
                    Clock.systemUTC(),
                    registryMetrics));
        }
        AlertsService alerts = null;
        if (config.alerts().enabled()) {
            // Registered before ingest starts: every record's rules run inside its own store transaction.
            alerts = new AlertsService(
                    config.alerts(),
                    store.dataSource(),
                    store.dialect(),
                    json,
                    registryMetrics,
                    java.time.Clock.systemUTC(),
                    config.gatewayId(),
                    AlertsService.linkKey(config.alerts(), dataDir),
                    () -> config.alerts().consoleUrl() != null
                            ? config.alerts().consoleUrl()
                            : http == null ? null : http.url(),
                    null,
                    new io.vocedge.gateway.alerts.AlertFeed(outbox, json, config.gatewayId()));
            store.addParticipant(alerts);
        }
        this.alertsService = alerts;

        String brokerPassword = null;
        if (config.broker().embedded()) {
            EmbeddedBroker broker = EmbeddedBroker.start(config.broker().embeddedPort(), dataDir.resolve("broker"));
            stopOrder.add(0, broker);
            brokerUrl = broker.url();
            brokerPassword = broker.credentials().gatewayPassword();
        } else {
            brokerUrl = config.broker().url();
        }
        javax.net.ssl.SSLSocketFactory tls = null;
        if (brokerUrl.startsWith("ssl://")) {
            tls = io.vocedge.protocol.PemTls.socketFactory(
                    config.broker().caFile(),
                    config.broker().certFile(),
                    config.broker().keyFile());
        }
        GatewayMqtt mqtt = new GatewayMqtt(
                brokerUrl,
                "voc-gateway-" + config.gatewayId(),
                tls,
                config.broker().reconnectMin(),
                config.broker().reconnectMax());
        if (brokerPassword != null) {
            mqtt.withCredentials(io.vocedge.gateway.broker.EmbeddedBrokerRules.GATEWAY_USER, brokerPassword);
        }
        SchemaValidator schemas = new SchemaValidator();
        worker = new IngestWorker(
                config.queueCapacity(),
                config.maxMessagesPerTransaction(),
                config.maxBytesPerTransaction(),
                new BatchValidator(json, schemas, registry),
                schemas,
                registry,
                store,
                mqtt,
                json,
                metrics,
                faults);
        worker.start();
        for (Forwarder f : forwarders) {
            f.start();
            stopOrder.add(0, f);
        }
        // Stop order: MQTT first (no new messages), then the worker finishes and acks what it holds... but acks
        // need MQTT, so the worker stops first and the client after it.
        stopOrder.add(0, mqtt);
        stopOrder.add(0, worker);
        registryMetrics.gauge("voc_ingest_queue_depth", worker, w -> w.queueDepth());
        // Insight models ('voc-gateway model publish'): chunks served to the device that asks for the version published
        // for it, at most ModelChunkServer.CHUNKS_PER_SECOND per device per second.
        var models = new io.vocedge.gateway.model.ModelPublications(store.dataSource(), store.dialect());
        var modelChunks = new io.vocedge.gateway.model.ModelChunkServer(
                        models, registry::find, mqtt::publish, json, schemas, System::nanoTime)
                .start();
        stopOrder.add(0, modelChunks);
        for (String reason : io.vocedge.gateway.model.ModelChunkServer.REASONS) {
            io.micrometer.core.instrument.FunctionCounter.builder(
                            "voc_model_requests_refused", modelChunks, c -> c.refused(reason))
                    .tag("reason", reason)
                    .register(registryMetrics);
        }
        io.micrometer.core.instrument.FunctionCounter.builder("voc_model_chunks_served", modelChunks, c -> c.served())
                .register(registryMetrics);
        io.micrometer.core.instrument.FunctionCounter.builder("voc_model_requests_paced", modelChunks, c -> c.paced())
                .register(registryMetrics);
        mqtt.withModelRequests(modelChunks::offer);
        mqtt.connect(worker::offer, () -> running);
        // The registry both distributors read each round.
        java.util.function.Supplier<java.util.List<io.vocedge.gateway.store.DeviceEntry>> registeredDevices = () -> {
            try {
                return store.devices();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
        // Published lexicons ('voc-gateway lexicon publish') kept retained on each device's down/lexicon.
        var lexicons = new io.vocedge.gateway.lexicon.LexiconDistributor(
                        new io.vocedge.gateway.lexicon.LexiconPublications(store.dataSource(), store.dialect()),
                        registeredDevices,
                        mqtt,
                        json)
                .start(5_000);
        stopOrder.add(0, lexicons);
        // The manifest of the published model kept retained on each device's down/model, the same way.
        var modelManifests =
                new io.vocedge.gateway.model.ModelDistributor(models, registeredDevices, mqtt, json).start(5_000);
        stopOrder.add(0, modelManifests);

        String token = adminToken(dataDir);
        var certificates = new io.vocedge.gateway.certs.CertificateWatch(config.certificateFiles(), Clock.systemUTC())
                .bind(registryMetrics);
        certificates.checks(); // logs a warning at start for anything within 30 days of expiry
        List<io.vocedge.gateway.http.HttpRoutes> routes = new ArrayList<>(List.of(
                new HealthRoutes(
                        store,
                        registryMetrics,
                        mqtt::isConnected,
                        worker::queueDepth,
                        worker.storeCondition()::snapshot,
                        this::forwardHealth,
                        certificates::checks),
                new AdminRoutes(
                        json,
                        store,
                        registry::refresh,
                        token,
                        transport,
                        (topic, payload) -> mqtt.publish(topic, payload, false))));
        routes.addAll(console.routes());
        if (alerts != null) {
            routes.add(new AlertRoutes(alerts));
        }
        var rulePreview =
                new io.vocedge.gateway.alerts.RulePreview(store.dataSource(), store.dialect(), config.alerts(), json);
        routes.add(new io.vocedge.gateway.alerts.CaseConsoleRoutes(
                alerts, rulePreview, console.templates(), console.audit()));
        routes.add(new io.vocedge.gateway.alerts.RuleConsoleRoutes(
                alerts, rulePreview, console.templates(), console.audit()));
        var fleet = new io.vocedge.gateway.fleet.FleetQueries(store.dataSource(), store.dialect(), json);
        routes.add(new io.vocedge.gateway.fleet.FleetRoutes(
                fleet,
                new io.vocedge.gateway.fleet.FleetCommands(
                        fleet,
                        new io.vocedge.gateway.lexicon.LexiconPublications(store.dataSource(), store.dialect()),
                        console.audit(),
                        mqtt::publish,
                        store.dataSource(),
                        store.dialect(),
                        json,
                        Clock.systemUTC()),
                console.templates(),
                Clock.systemUTC()));
        routes.add(new io.vocedge.gateway.coverage.DeviceApiRoutes(
                console.auth(),
                new io.vocedge.gateway.coverage.CoverageQuery(store.dataSource(), store.dialect()),
                java.time.Clock.systemUTC()));
        http = new GatewayHttpServer(config.http(), json, registryMetrics, routes);
        stopOrder.add(0, http);
        http.start();
        if (alerts != null) {
            alerts.faults(faultHook(dataDir)::reached);
            alerts.start();
            stopOrder.add(0, alerts);
        }
        writeRuntime(dataDir);
        Logger.info(
                "event=ready gateway={} broker_url={} http_url={} store={} registry={}",
                config.gatewayId(),
                brokerUrl,
                http.url(),
                config.store().kind(),
                config.registryMode());
    }

    /**
     * Fault injection for the fault tests only: with {@code VOC_GATEWAY_FAULT_PAUSE=after_commit} (or
     * {@code before_commit}; for alerts {@code alert_before_send}, {@code alert_after_send}) the worker writes {@code fault-<point>} into the data dir when it gets there and waits,
     * so the test can {@code kill -9} the process at exactly that point. Unset in production.
     */
    private static IngestWorker.FaultPoint faultHook(Path dataDir) {
        String wanted = System.getenv("VOC_GATEWAY_FAULT_PAUSE");
        if (wanted == null || wanted.isBlank()) {
            return point -> {};
        }
        Logger.warn("event=fault_injection_enabled point={}", wanted);
        return point -> {
            if (point.equals(wanted)) {
                try {
                    OwnerOnly.writeAtomically(
                            dataDir.resolve("fault-" + point),
                            "paused".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    Thread.sleep(Long.MAX_VALUE);
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private synchronized PrometheusMeterRegistry registryMetricsFor() {
        if (meterRegistry == null) {
            meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
        return meterRegistry;
    }

    private String adminToken(Path dataDir) throws IOException {
        if (config.adminToken() != null) {
            return config.adminToken();
        }
        Path file = dataDir.resolve("admin-token");
        if (Files.exists(file)) {
            OwnerOnly.restrict(file); // a token file copied in by hand with wider modes is tightened
            return Files.readString(file).trim();
        }
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        OwnerOnly.writeAtomically(file, (token + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Logger.info("event=admin_token_generated file={}", file.toAbsolutePath());
        return token;
    }

    /**
     * A runtime.json present now was left by a gateway that died without stopping (kill -9, power cut): this process
     * holds the data dir lock, so its writer is gone. It is removed before anything else, so nobody reads its dead pid
     * and URLs while this gateway starts; the new one is written (atomically) once broker and HTTP are up.
     */
    private static void removeStaleRuntime(Path dataDir) throws IOException {
        Path runtime = dataDir.resolve("runtime.json");
        if (Files.exists(runtime)) {
            String stalePid = "?";
            try {
                stalePid = new ObjectMapper()
                        .readTree(runtime.toFile())
                        .path("pid")
                        .asText("?");
            } catch (IOException unreadable) {
                // a torn file from an older version: removed all the same
            }
            Files.delete(runtime);
            Logger.warn(
                    "event=stale_runtime_removed file={} stale_pid={} reason=\"left by a gateway that did not stop "
                            + "cleanly; this process holds the data dir lock\"",
                    runtime,
                    Printable.of(stalePid, 20));
        }
    }

    private void writeRuntime(Path dataDir) throws IOException {
        Map<String, Object> rt = new LinkedHashMap<>();
        rt.put("broker_url", brokerUrl);
        rt.put("http_url", http.url());
        rt.put("console_url", http.url() + "/login"); // the console's sign-in page; it goes on to /console/today
        rt.put("pid", ProcessHandle.current().pid());
        rt.put("gateway_id", config.gatewayId());
        rt.put("started_at", java.time.Instant.now().toString());
        OwnerOnly.writeAtomically(dataDir.resolve("runtime.json"), json.writeValueAsBytes(rt));
        wroteRuntime = true;
    }

    private Map<String, Object> forwardHealth() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Forwarder f : forwarders) {
            m.put(f.sinkName(), f.health());
        }
        return m;
    }

    /** The forwarding outbox, for features that publish their own events (alerts) from a CommitParticipant. */
    public ForwardOutbox forwardOutbox() {
        return outbox;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    /** The HTTP server's routes ({@code "GET /api/v1/records"}, ...). */
    public List<String> httpEndpoints() {
        return http.endpoints();
    }

    public String httpUrl() {
        return http.url();
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /** Alerts, or null when {@code alerts.channels} is empty (tests and tools). */
    public AlertsService alerts() {
        return alertsService;
    }

    public VocStore store() {
        return store;
    }

    /** The web console (for features adding pages, and tests). */
    public Console console() {
        return console;
    }

    @Override
    public synchronized void close() {
        if (!running && stopOrder.isEmpty()) {
            return;
        }
        running = false;
        Logger.info("event=gateway_stopping gateway={}", config.gatewayId());
        if (wroteRuntime) {
            try {
                Files.deleteIfExists(config.dataDir().resolve("runtime.json"));
            } catch (IOException e) {
                Logger.debug("event=runtime_json_not_removed error=\"{}\"", e.getMessage());
            }
        }
        for (AutoCloseable part : stopOrder) {
            try {
                part.close();
            } catch (Exception | Error e) {
                Logger.error(e, "event=stop_failed part={}", part.getClass().getSimpleName());
            }
        }
        stopOrder.clear();
        Logger.info("event=gateway_stopped gateway={}", config.gatewayId());
    }
}
