package io.vocedge.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's configuration, built once and validated completely: every problem is listed at once with
 * the field and the fix, and a bad value never silently falls back to a default.
 *
 * @param gatewayId this instance's id (in dead letters and logs); several gateways share one broker
 * @param dataDir runtime.json, admin token, SQLite store, embedded broker data
 * @param broker embedded (default) or external
 * @param store SQLite file (default) or PostgreSQL
 * @param httpHost bind address of /health, /metrics and the admin API
 * @param httpPort 0 = any free port (written to runtime.json)
 * @param adminToken bearer token for /admin; null = generate one into the data dir
 * @param registryMode {@code open}: unknown devices are registered on first record; {@code strict}: only enrolled devices
 * @param queueCapacity MQTT messages waiting for the store worker before the MQTT callback blocks (back-pressure)
 * @param maxMessagesPerTransaction batches committed together in one store transaction
 */
public record GatewayConfig(String gatewayId, Path dataDir, BrokerSettings broker, StoreSettings store, String httpHost,
        int httpPort, String adminToken, String registryMode, int queueCapacity, int maxMessagesPerTransaction) {

    /** Embedded HiveMQ on {@code embeddedPort} (taken: a free one), or an external broker at {@code url}. */
    public record BrokerSettings(boolean embedded, int embeddedPort, String url, Path caFile, Path certFile, Path keyFile) {}

    /** {@code sqlite} with a file, or {@code postgresql} with a JDBC URL. */
    public record StoreSettings(String kind, Path sqliteFile, String jdbcUrl, String user, String password, int poolSize) {
        public boolean postgres() {
            return "postgresql".equals(kind);
        }
    }

    public static GatewayConfig defaults(Path dataDir) {
        try {
            return fromTree(new ObjectMapper().createObjectNode(), "defaults", dataDir);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the CLI commands take: a config file or the embedded defaults, and an optional data-dir override. */
    public static GatewayConfig resolve(Path fileOrNull, Path dataDirOrNull) throws ConfigException {
        return fileOrNull == null ? defaults(dataDirOrNull == null ? Path.of("data/gateway") : dataDirOrNull)
                : load(fileOrNull, dataDirOrNull);
    }

    public static GatewayConfig load(Path file, Path dataDirOverride) throws ConfigException {
        if (!Files.isReadable(file)) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: check --config"));
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("not valid YAML: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file.toString(), List.of("the file is empty or not a YAML mapping"));
        }
        return fromTree(root, file.toString(), dataDirOverride);
    }

    static GatewayConfig fromTree(JsonNode root, String source, Path dataDirOverride) throws ConfigException {
        List<String> errors = new ArrayList<>();
        String id = root.path("gateway_id").asText("gateway-1");
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            errors.add("gateway_id '" + id + "': use 1-64 characters of letters, digits, '.', '-' or '_'");
        }
        Path dataDir = dataDirOverride != null ? dataDirOverride : Path.of(root.path("data_dir").asText("data/gateway"));

        JsonNode b = root.path("broker");
        String url = b.path("url").asText(null);
        boolean embedded = url == null || url.isBlank() || "embedded".equals(url);
        int port = b.path("embedded_port").asInt(1883);
        if (port < 0 || port > 65535) {
            errors.add("broker.embedded_port " + port + ": use 0..65535 (0 = any free port)");
        }
        if (!embedded && !url.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")) {
            errors.add("broker.url '" + url + "': use tcp://host:port, ssl://host:port, or 'embedded'");
        }
        Path ca = optPath(b, "ca_file");
        Path cert = optPath(b, "cert_file");
        Path key = optPath(b, "key_file");
        if (!embedded && url.startsWith("ssl://") && ca == null) {
            errors.add("broker.ca_file: required for an ssl:// broker");
        }
        for (Path p : new Path[] {ca, cert, key}) {
            if (p != null && !Files.isReadable(p)) {
                errors.add("broker TLS file " + p + " is missing or unreadable");
            }
        }

        JsonNode s = root.path("store");
        String kind = s.path("kind").asText("sqlite").toLowerCase(Locale.ROOT);
        String jdbc = s.path("jdbc_url").asText(null);
        if (!kind.equals("sqlite") && !kind.equals("postgresql")) {
            errors.add("store.kind '" + kind + "': use sqlite or postgresql");
        }
        if (kind.equals("postgresql") && (jdbc == null || !jdbc.startsWith("jdbc:postgresql://"))) {
            errors.add("store.jdbc_url: required for postgresql, e.g. jdbc:postgresql://127.0.0.1:5432/voc");
        }
        int pool = s.path("pool_size").asInt(4);
        if (pool < 1 || pool > 64) {
            errors.add("store.pool_size " + pool + ": use 1..64");
        }
        Path sqliteFile = Path.of(s.path("sqlite_file").asText(dataDir.resolve("voc.db").toString()));
        StoreSettings store = new StoreSettings(kind, sqliteFile, jdbc, s.path("user").asText("postgres"),
                s.path("password").asText(""), pool);

        JsonNode h = root.path("http");
        String host = h.path("host").asText("127.0.0.1");
        int httpPort = h.path("port").asInt(0);
        if (httpPort < 0 || httpPort > 65535) {
            errors.add("http.port " + httpPort + ": use 0..65535 (0 = any free port)");
        }
        String token = root.path("admin_token").asText(null);
        if (token != null && token.length() < 16) {
            errors.add("admin_token: use at least 16 characters (or leave it out to have one generated)");
        }
        String mode = root.path("registry").path("mode").asText("open");
        if (!mode.equals("open") && !mode.equals("strict")) {
            errors.add("registry.mode '" + mode + "': use open (auto-register) or strict (enrolled devices only)");
        }
        JsonNode in = root.path("ingest");
        int queue = in.path("queue_capacity").asInt(4096);
        int perTx = in.path("max_messages_per_transaction").asInt(256);
        if (queue < 16) {
            errors.add("ingest.queue_capacity " + queue + ": use at least 16");
        }
        if (perTx < 1 || perTx > 1024) {
            errors.add("ingest.max_messages_per_transaction " + perTx + ": use 1..1024");
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
        return new GatewayConfig(id, dataDir, new BrokerSettings(embedded, port, embedded ? null : url, ca, cert, key),
                store, host, httpPort, token, mode, queue, perTx);
    }

    private static Path optPath(JsonNode n, String field) {
        String v = n.path(field).asText(null);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
