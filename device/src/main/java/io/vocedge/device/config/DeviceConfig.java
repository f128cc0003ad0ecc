package io.vocedge.device.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.device.sync.SyncConfig;
import io.vocedge.device.sync.TlsFiles;
import io.vocedge.protocol.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The device agent's configuration ({@code /etc/voc/device.yaml}), built once, validated completely, immutable.
 * Sections owned by other stages ({@code audio}, {@code asr}, {@code insights}, {@code hardware}) are kept as
 * YAML trees and parsed by those stages' own config records.
 */
public record DeviceConfig(
        String deviceId,
        String site,
        Path dataDir,
        String brokerUrl,
        TlsFiles tls,
        OutboxConfig outbox,
        SyncConfig sync,
        JsonNode audio,
        JsonNode asr,
        JsonNode insights,
        JsonNode hardware,
        JsonNode telemetry) {

    public static final String DEFAULT_BROKER = "tcp://127.0.0.1:1883";

    /** Embedded defaults: a demo device on this machine talking to a local broker. */
    public static DeviceConfig defaults(Path dataDir) {
        try {
            return fromTree(new ObjectMapper().createObjectNode(), "defaults", dataDir);
        } catch (ConfigException e) {
            throw new IllegalStateException("built-in defaults are invalid", e);
        }
    }

    public static DeviceConfig load(Path file) throws ConfigException {
        if (!Files.isReadable(file)) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: check the path (--config) and "
                    + "that the agent's user may read it"));
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
        return fromTree(root, file.toString(), null);
    }

    /**
     * One section of a config file without validating the rest (technician tools such as {@code audio segment}
     * accept a file that only has that section). Missing section: an empty node.
     */
    public static JsonNode loadRawSection(Path file, String section) throws ConfigException {
        if (!Files.isReadable(file)) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: check the path (--config)"));
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            return root == null ? new ObjectMapper().createObjectNode() : root.path(section);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("not valid YAML: " + e.getMessage()));
        }
    }

    static DeviceConfig fromTree(JsonNode root, String source, Path dataDirOverride) throws ConfigException {
        List<String> errors = new ArrayList<>();
        JsonNode device = root.path("device");
        String id = text(device, "id", "demo-device");
        String site = text(device, "site", "demo-site");
        if (!Ids.isValid(id)) {
            errors.add("device.id '" + id + "': use 1-64 characters of a-z, 0-9, '-' or '_' (provisioning sets it)");
        }
        if (!Ids.isValid(site)) {
            errors.add("device.site '" + site + "': use 1-64 characters of a-z, 0-9, '-' or '_'");
        }
        Path dataDir = dataDirOverride != null ? dataDirOverride : Path.of(text(root, "data_dir", "data/device"));

        JsonNode broker = root.path("broker");
        String url = text(broker, "url", DEFAULT_BROKER);
        if (!url.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")) {
            errors.add("broker.url '" + url + "': use tcp://host:port or ssl://host:port");
        }
        TlsFiles tls = new TlsFiles(path(broker, "ca_file"), path(broker, "cert_file"), path(broker, "key_file"));
        if (url.startsWith("ssl://")) {
            if (tls.caFile() == null) {
                errors.add("broker.ca_file: required for an ssl:// broker (the fleet CA certificate from provisioning)");
            }
            checkReadable("broker.ca_file", tls.caFile(), errors);
            checkReadable("broker.cert_file", tls.certFile(), errors);
            checkReadable("broker.key_file", tls.keyFile(), errors);
            checkSecret("broker.key_file", tls.keyFile(), errors);
            if ((tls.certFile() == null) != (tls.keyFile() == null)) {
                errors.add("broker.cert_file and broker.key_file: set both for mutual TLS, or neither");
            }
        }

        JsonNode ob = root.path("outbox");
        long maxBytes = ob.path("max_bytes").asLong(256L * 1024 * 1024);
        boolean powerLossSafe = ob.path("power_loss_safe").asBoolean(true);
        OutboxConfig outbox = null;
        try {
            OutboxConfig d = OutboxConfig.defaults(dataDir.resolve("outbox.db"));
            outbox = new OutboxConfig(d.file(), maxBytes, powerLossSafe, ob.path("queue_capacity").asInt(d.queueCapacity()),
                    d.acceptTimeout(), ob.path("max_records_per_commit").asInt(d.maxRecordsPerCommit()));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }

        JsonNode sy = root.path("sync");
        SyncConfig sync = null;
        try {
            SyncConfig d = SyncConfig.defaults();
            sync = new SyncConfig(sy.path("max_records_per_batch").asInt(d.maxRecordsPerBatch()),
                    sy.path("max_batch_bytes").asInt(d.maxBatchBytes()),
                    sy.path("max_in_flight_batches").asInt(d.maxInFlightBatches()),
                    duration(sy, "ack_timeout", d.ackTimeout(), errors),
                    duration(sy, "reconnect_initial", d.reconnectInitial(), errors),
                    duration(sy, "reconnect_max", d.reconnectMax(), errors),
                    duration(sy, "session_expiry", d.sessionExpiry(), errors),
                    duration(sy, "keep_alive", d.keepAlive(), errors),
                    duration(sy, "linger", d.linger(), errors));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        try {
            io.vocedge.device.audio.AudioConfig.from(section(root, "audio"));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
        return new DeviceConfig(id, site, dataDir, url, tls, outbox, sync, section(root, "audio"), section(root, "asr"),
                section(root, "insights"), section(root, "hardware"), section(root, "telemetry"));
    }

    /** A copy pointing at another broker (CLI --broker). */
    public DeviceConfig withBroker(String url) {
        return new DeviceConfig(deviceId, site, dataDir, url, tls, outbox, sync, audio, asr, insights, hardware, telemetry);
    }

    /** A copy with another data directory (CLI --data-dir); the outbox file moves with it. */
    public static DeviceConfig withDataDir(DeviceConfig c, Path dir) {
        OutboxConfig o = c.outbox();
        OutboxConfig moved = new OutboxConfig(dir.resolve("outbox.db"), o.maxBytes(), o.powerLossSafe(), o.queueCapacity(),
                o.acceptTimeout(), o.maxRecordsPerCommit());
        return new DeviceConfig(c.deviceId(), c.site(), dir, c.brokerUrl(), c.tls(), moved, c.sync(), c.audio(), c.asr(),
                c.insights(), c.hardware(), c.telemetry());
    }

    private static JsonNode section(JsonNode root, String name) {
        JsonNode n = root.get(name);
        return n == null ? MissingNode.getInstance() : n;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static Path path(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : Path.of(v.asText());
    }

    private static Duration duration(JsonNode node, String field, Duration fallback, List<String> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        try {
            return v.isNumber() ? Duration.ofMillis(v.asLong()) : Duration.parse("PT" + v.asText().toUpperCase());
        } catch (RuntimeException e) {
            errors.add("sync." + field + " '" + v.asText() + "': use milliseconds or a duration like 15s, 2m, 1h");
            return fallback;
        }
    }

    private static void checkReadable(String field, Path p, List<String> errors) {
        if (p != null && !Files.isReadable(p)) {
            errors.add(field + " " + p + ": file missing or unreadable (copy it from the provisioning bundle)");
        }
    }

    /** Private keys must be readable by the agent's user only; anything wider is refused. */
    static void checkSecret(String field, Path p, List<String> errors) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                errors.add(field + " " + p + " is readable by other users: run 'chmod 600 " + p
                        + "' (and chown it to the agent's user)");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
