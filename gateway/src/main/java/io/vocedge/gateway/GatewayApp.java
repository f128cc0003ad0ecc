package io.vocedge.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.gateway.broker.EmbeddedBroker;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.http.HttpApi;
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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
    private volatile HttpApi http;
    private volatile IngestMetrics metrics;
    private volatile IngestWorker worker;
    private volatile VocStore store;
    private volatile boolean running = true;
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
        Path dataDir = Files.createDirectories(config.dataDir());
        stopOrder.add(0, lockDataDir(dataDir));
        store = JdbcVocStore.open(config.store(), config.gatewayId());
        stopOrder.add(0, store);
        DeviceRegistry registry = new DeviceRegistry(store, "strict".equals(config.registryMode()));
        registry.refresh();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("registry-refresh").daemon(true).unstarted(r));
        // Guarded: an exception must not cancel the repeating refresh.
        timer.scheduleWithFixedDelay(() -> {
            try {
                registry.refresh();
            } catch (RuntimeException e) {
                Logger.warn("event=registry_refresh_error error=\"{}\"", e.getMessage());
            }
        }, 10, 10, TimeUnit.SECONDS);
        stopOrder.add(0, timer::shutdownNow);

        PrometheusMeterRegistry registryMetrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics = new IngestMetrics(registryMetrics);

        if (config.broker().embedded()) {
            EmbeddedBroker broker = EmbeddedBroker.start(config.broker().embeddedPort(), dataDir.resolve("broker"));
            stopOrder.add(0, broker);
            brokerUrl = broker.url();
        } else {
            brokerUrl = config.broker().url();
        }
        javax.net.ssl.SSLSocketFactory tls = null;
        if (brokerUrl.startsWith("ssl://")) {
            tls = io.vocedge.protocol.PemTls.socketFactory(config.broker().caFile(), config.broker().certFile(),
                    config.broker().keyFile());
        }
        GatewayMqtt mqtt = new GatewayMqtt(brokerUrl, "voc-gateway-" + config.gatewayId(), tls);
        SchemaValidator schemas = new SchemaValidator();
        worker = new IngestWorker(config.queueCapacity(), config.maxMessagesPerTransaction(),
                new BatchValidator(json, schemas, registry), schemas, registry, store, mqtt, json, metrics,
                faultHook(dataDir));
        worker.start();
        // Stop order: MQTT first (no new messages), then the worker finishes and acks what it holds... but acks
        // need MQTT, so the worker stops first and the client after it.
        stopOrder.add(0, mqtt);
        stopOrder.add(0, worker);
        registryMetrics.gauge("voc_ingest_queue_depth", worker, w -> w.queueDepth());
        mqtt.connect(worker::offer, () -> running);

        String token = adminToken(dataDir);
        http = new HttpApi(config.httpHost(), config.httpPort(), json, store, registry::refresh, registryMetrics, token,
                mqtt::isConnected, worker::queueDepth, (topic, payload) -> mqtt.publish(topic, payload, false));
        http.start();
        stopOrder.add(0, http);
        writeRuntime(dataDir);
        Logger.info("event=ready gateway={} broker_url={} http_url={} store={} registry={}", config.gatewayId(), brokerUrl,
                http.url(), config.store().kind(), config.registryMode());
    }

    /**
     * Fault injection for the fault tests only: with {@code VOC_GATEWAY_FAULT_PAUSE=after_commit} (or
     * {@code before_commit}) the worker writes {@code fault-<point>} into the data dir when it gets there and waits,
     * so the test can {@code kill -9} the process at exactly that point. Unset in production.
     */
    private static IngestWorker.FaultPoint faultHook(Path dataDir) {
        String wanted = System.getenv("VOC_GATEWAY_FAULT_PAUSE");
        if (wanted == null || wanted.isBlank()) {
            return point -> { };
        }
        Logger.warn("event=fault_injection_enabled point={}", wanted);
        return point -> {
            if (point.equals(wanted)) {
                try {
                    Files.writeString(dataDir.resolve("fault-" + point), "paused");
                    Thread.sleep(Long.MAX_VALUE);
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private static AutoCloseable lockDataDir(Path dataDir) throws IOException {
        FileChannel ch = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("data directory " + dataDir.toAbsolutePath() + " is in use by another gateway; give each "
                    + "gateway its own --data-dir");
        }
        FileLock held = lock;
        return () -> {
            held.release();
            ch.close();
        };
    }

    private String adminToken(Path dataDir) throws IOException {
        if (config.adminToken() != null) {
            return config.adminToken();
        }
        Path file = dataDir.resolve("admin-token");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        Path tmp = dataDir.resolve("admin-token.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, token + "\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        Logger.info("event=admin_token_generated file={}", file.toAbsolutePath());
        return token;
    }

    private void writeRuntime(Path dataDir) throws IOException {
        Map<String, Object> rt = new LinkedHashMap<>();
        rt.put("broker_url", brokerUrl);
        rt.put("http_url", http.url());
        rt.put("pid", ProcessHandle.current().pid());
        rt.put("gateway_id", config.gatewayId());
        Path tmp = dataDir.resolve("runtime.json.tmp");
        Files.write(tmp, json.writeValueAsBytes(rt));
        Files.move(tmp, dataDir.resolve("runtime.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        wroteRuntime = true;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public String httpUrl() {
        return http.url();
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    public VocStore store() {
        return store;
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
