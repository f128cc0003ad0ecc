package io.vocedge.gateway.config;

import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.common.config.ConfigNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gateway's configuration, read strictly from YAML once: every section and key is known, unknown keys (typos
 * such as {@code stroe:}), wrong types ({@code port: eighty}) and out-of-range values are errors, all listed at once
 * with their paths; nothing falls back to a default silently. Each section is its own record with its own reader.
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
public record GatewayConfig(String gatewayId, Path dataDir, BrokerSettings broker, StoreSettings store, HttpSettings http,
        String adminToken, String registryMode, int queueCapacity, int maxMessagesPerTransaction,
        long maxBytesPerTransaction, ConsoleSettings console, io.vocedge.gateway.alerts.AlertsSettings alerts,
        ForwardSettings forward) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data/gateway");
    private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * Embedded HiveMQ on {@code embeddedPort} (taken: a free one), or an external broker at {@code url}.
     *
     * @param reconnectMin first reconnect delay after the connection is lost; doubles with jitter up to
     *     {@code reconnectMax}; a reconnect is tried at once whenever the broker's port accepts connections again
     * @param crlFile the broker's CRL when this host can read it (Mosquitto refuses everyone once it expires); only
     *     watched: {@code /health} and {@code /metrics} warn before it expires, like the CA and certificate files
     */
    public record BrokerSettings(boolean embedded, int embeddedPort, String url, Path caFile, Path certFile, Path keyFile,
            java.time.Duration reconnectMin, java.time.Duration reconnectMax, Path crlFile) {
        static BrokerSettings from(ConfigNode b) {
            String url = b.string("url", "embedded");
            boolean embedded = "embedded".equals(url);
            if (!embedded && !url.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")) {
                b.problem("url", "expected tcp://host:port, ssl://host:port or 'embedded', got \"" + url + "\"");
            }
            int port = b.integer("embedded_port", 1883, 0, 65535);
            Path ca = b.path("ca_file", null);
            Path cert = b.path("cert_file", null);
            Path key = b.path("key_file", null);
            if (!embedded && url.startsWith("ssl://") && ca == null) {
                b.problem("ca_file", "required for an ssl:// broker (the fleet CA certificate)");
            }
            if ((cert == null) != (key == null)) {
                b.problem("cert_file", "set cert_file and key_file together (mutual TLS), or neither");
            }
            readable(b, "ca_file", ca);
            readable(b, "cert_file", cert);
            readable(b, "key_file", key);
            Path crl = b.path("crl_file", null);
            readable(b, "crl_file", crl);
            java.time.Duration min = b.duration("reconnect_min", java.time.Duration.ofMillis(250), java.time.Duration.ofMillis(50),
                    java.time.Duration.ofSeconds(10));
            java.time.Duration max = b.duration("reconnect_max", java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1),
                    java.time.Duration.ofMinutes(2));
            if (max.compareTo(min) < 0) {
                b.problem("reconnect_max", "must not be shorter than reconnect_min (" + ConfigNode.format(min) + ")");
            }
            return new BrokerSettings(embedded, port, embedded ? null : url, ca, cert, key, min, max, crl);
        }

        Map<String, Object> effective() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", embedded ? "embedded" : url);
            m.put("embedded_port", embeddedPort);
            m.put("ca_file", text(caFile));
            m.put("cert_file", text(certFile));
            m.put("key_file", text(keyFile));
            m.put("crl_file", text(crlFile));
            m.put("reconnect_min", ConfigNode.format(reconnectMin));
            m.put("reconnect_max", ConfigNode.format(reconnectMax));
            return m;
        }
    }

    /** {@code sqlite} with a file, or {@code postgresql} with a JDBC URL. */
    public record StoreSettings(String kind, Path sqliteFile, String jdbcUrl, String user, String password, int poolSize) {
        public boolean postgres() {
            return "postgresql".equals(kind);
        }

        static StoreSettings from(ConfigNode s, Path dataDir) {
            String kind = s.oneOf("kind", "sqlite", "sqlite", "postgresql");
            String jdbc = s.string("jdbc_url", null);
            if ("postgresql".equals(kind) && (jdbc == null || !jdbc.startsWith("jdbc:postgresql://"))) {
                s.problem("jdbc_url", "required for kind postgresql, e.g. jdbc:postgresql://127.0.0.1:5432/voc");
            }
            if ("sqlite".equals(kind) && jdbc != null) {
                s.problem("jdbc_url", "only for kind postgresql (this store is sqlite: set kind: postgresql or remove it)");
            }
            Path file = s.path("sqlite_file", dataDir.resolve("voc.db"));
            String user = s.string("user", "postgres");
            String password = s.secret("password", "");
            int pool = s.integer("pool_size", 4, 1, 64);
            return new StoreSettings(kind, file, jdbc, user, password, pool);
        }

        Map<String, Object> effective() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            if (postgres()) {
                m.put("jdbc_url", jdbcUrl);
                m.put("user", user);
                m.put("password", password == null || password.isEmpty() ? "" : MASKED);
                m.put("pool_size", poolSize);
            } else {
                m.put("sqlite_file", text(sqliteFile));
            }
            return m;
        }
    }

    /** Shown instead of a secret's value by {@link #effective()}. */
    public static final String MASKED = "(set, not shown)";

    /**
     * The configuration as the gateway uses it - every default filled in, in the file's own shape and key names -
     * with secrets masked, for {@code voc-gateway config check}.
     */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gateway_id", gatewayId);
        m.put("data_dir", text(dataDir));
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

    private static String text(Path p) {
        return p == null ? null : p.toString();
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
        return fileOrNull == null ? defaults(dataDirOrNull == null ? DEFAULT_DATA_DIR : dataDirOrNull)
                : load(fileOrNull, dataDirOrNull);
    }

    public static GatewayConfig load(Path file, Path dataDirOverride) throws ConfigException {
        return read(ConfigDocument.load(file), dataDirOverride);
    }

    /** Reads every section; throws one {@link ConfigException} listing all problems. */
    public static GatewayConfig read(ConfigDocument doc, Path dataDirOverride) throws ConfigException {
        ConfigNode root = doc.root();
        String id = root.string("gateway_id", "gateway-1", GATEWAY_ID,
                "expected 1-64 characters of letters, digits, '.', '-' or '_'");
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
        io.vocedge.gateway.alerts.AlertsSettings alerts = io.vocedge.gateway.alerts.AlertsSettings.from(root.section("alerts"));
        ForwardSettings forward = ForwardSettings.from(root.section("forward"));
        doc.finish();
        return new GatewayConfig(id, dataDir, broker, store, http, token, mode, queue, perTx, perTxBytes, console, alerts,
                forward);
    }

    private static void readable(ConfigNode n, String key, Path p) {
        if (p != null && !Files.isReadable(p)) {
            n.problem(key, p + " is missing or unreadable");
        }
    }
}
