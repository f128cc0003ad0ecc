package io.vocedge.gateway.config;

import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.common.config.ConfigNode;
import io.vocedge.gateway.alerts.AlertsSettings;
import io.vocedge.gateway.broker.BrokerSettings;
import io.vocedge.gateway.console.ConsoleSettings;
import io.vocedge.gateway.forward.ForwardSettings;
import io.vocedge.gateway.http.HttpSettings;
import io.vocedge.gateway.settings.SettingsSupport;
import io.vocedge.gateway.store.StoreSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gateway's configuration, read strictly from YAML once: every section and key is known, unknown keys (typos
 * such as {@code stroe:}), wrong types ({@code port: eighty}) and out-of-range values are errors, all listed at once
 * with their paths; nothing falls back to a default silently. Each section is its own record with its own reader,
 * owned by its feature ({@code StoreSettings} in {@code store}, {@code ForwardSettings} in {@code forward}, ...):
 * this package only composes them, and no feature depends on it (issue 12).
 *
 * @param gatewayId this instance's id (in dead letters and logs); several gateways share one broker
 * @param dataDir runtime.json, admin token, SQLite store, embedded broker data
 * @param broker embedded (default) or external
 * @param store SQLite file (default) or PostgreSQL
 * @param http the HTTP server of /health, /metrics and the admin API: address, TLS, timeouts and limits
 * @param adminToken bearer token for /admin; null = generate one into the data dir
 * @param registryMode {@code open}: unknown devices are registered on first record; {@code strict}: only enrolled devices
 * @param queueCapacity MQTT messages waiting for the store worker before the MQTT callback blocks (back-pressure)
 * @param maxMessagesPerTransaction batches committed together in one store transaction
 * @param maxBytesPerTransaction payload bytes committed together: a backlog of full batches makes transactions of a few
 *     thousand records, not of 256 x 200 (seconds-long statements that hold every ack of the cycle)
 * @param console the web console's sessions and sign-in throttling
 * @param alerts alert channels, rules, rosters and sites (issue 17); no channels: alerts are off
 * @param forward forwarding to the central platform (outbox, Kafka); disabled without a sink
 */
public record GatewayConfig(
        String gatewayId,
        Path dataDir,
        BrokerSettings broker,
        StoreSettings store,
        HttpSettings http,
        String adminToken,
        String registryMode,
        int queueCapacity,
        int maxMessagesPerTransaction,
        long maxBytesPerTransaction,
        ConsoleSettings console,
        AlertsSettings alerts,
        ForwardSettings forward) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data/gateway");
    private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** Shown instead of a secret's value by {@link #effective()}. */
    public static final String MASKED = SettingsSupport.MASKED;

    /**
     * The configuration as the gateway uses it - every default filled in, in the file's own shape and key names -
     * with secrets masked, for {@code voc-gateway config check}.
     */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gateway_id", gatewayId);
        m.put("data_dir", SettingsSupport.text(dataDir));
        m.put("broker", broker.effective());
        m.put("store", store.effective());
        m.put("http", http.effective());
        m.put("admin_token", adminToken == null ? "(generated into " + dataDir.resolve("admin-token") + ")" : MASKED);
        m.put("registry", Map.of("mode", registryMode));
        Map<String, Object> ingest = new LinkedHashMap<>();
        ingest.put("queue_capacity", queueCapacity);
        ingest.put("max_messages_per_transaction", maxMessagesPerTransaction);
        ingest.put("max_bytes_per_transaction", maxBytesPerTransaction);
        m.put("ingest", ingest);
        m.put("console", console.effective());
        if (alerts.enabled()) {
            m.put("alerts", alerts.effective(MASKED));
        }
        m.put("forward", forward.effective());
        return m;
    }

    /** The files this configuration names, watched for expiry: broker CA, certificate and CRL, HTTPS certificate. */
    public Map<String, Path> certificateFiles() {
        Map<String, Path> f = new LinkedHashMap<>();
        if (broker.caFile() != null) {
            f.put("broker_ca", broker.caFile());
        }
        if (broker.certFile() != null) {
            f.put("broker_cert", broker.certFile());
        }
        if (broker.crlFile() != null) {
            f.put("broker_crl", broker.crlFile());
        }
        if (http.tls() != null) {
            f.put("http_cert", http.tls().certFile());
        }
        return f;
    }

    public static GatewayConfig defaults(Path dataDir) {
        try {
            return read(ConfigDocument.empty("defaults"), dataDir);
        } catch (ConfigException e) {
            throw new IllegalStateException("built-in defaults are invalid", e);
        }
    }

    /** What the CLI commands take: a config file or the embedded defaults, and an optional data-dir override. */
    public static GatewayConfig resolve(Path fileOrNull, Path dataDirOrNull) throws ConfigException {
        return fileOrNull == null
                ? defaults(dataDirOrNull == null ? DEFAULT_DATA_DIR : dataDirOrNull)
                : load(fileOrNull, dataDirOrNull);
    }

    public static GatewayConfig load(Path file, Path dataDirOverride) throws ConfigException {
        return read(ConfigDocument.load(file), dataDirOverride);
    }

    /** Reads every section; throws one {@link ConfigException} listing all problems. */
    public static GatewayConfig read(ConfigDocument doc, Path dataDirOverride) throws ConfigException {
        ConfigNode root = doc.root();
        String id = root.string(
                "gateway_id", "gateway-1", GATEWAY_ID, "expected 1-64 characters of letters, digits, '.', '-' or '_'");
        Path fileDataDir = root.path("data_dir", DEFAULT_DATA_DIR);
        Path dataDir = dataDirOverride != null ? dataDirOverride : fileDataDir;
        BrokerSettings broker = BrokerSettings.from(root.section("broker"));
        StoreSettings store = StoreSettings.from(root.section("store"), dataDir);
        HttpSettings http = HttpSettings.from(root.section("http"));
        String token = root.secret("admin_token", null);
        if (token != null && token.length() < 16) {
            root.problem("admin_token", "use at least 16 characters (or leave it out to have one generated)");
        }
        String mode = root.section("registry").oneOf("mode", "open", "open", "strict");
        ConfigNode in = root.section("ingest");
        int queue = in.integer("queue_capacity", 4096, 16, 1_000_000);
        int perTx = in.integer("max_messages_per_transaction", 256, 1, 1024);
        long perTxBytes = in.bytes("max_bytes_per_transaction", 1024 * 1024, 64 * 1024, 64L * 1024 * 1024);
        ConsoleSettings console = ConsoleSettings.from(root.section("console"));
        AlertsSettings alerts = AlertsSettings.from(root.section("alerts"));
        ForwardSettings forward = ForwardSettings.from(root.section("forward"));
        doc.finish();
        return new GatewayConfig(
                id, dataDir, broker, store, http, token, mode, queue, perTx, perTxBytes, console, alerts, forward);
    }
}
