package io.vocedge.device.config;

import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.common.config.ConfigNode;
import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.command.CommandConfig;
import io.vocedge.device.hardware.HardwareConfig;
import io.vocedge.device.insights.InsightsConfig;
import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.device.sync.SyncConfig;
import io.vocedge.device.sync.TlsFiles;
import io.vocedge.device.telemetry.TelemetryConfig;
import io.vocedge.protocol.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The device agent's configuration ({@code /etc/voc/device.yaml}), read strictly once into typed, immutable records:
 * every section and key is known, unknown keys ({@code borker:}, {@code ack_timout}), wrong types
 * ({@code max_bytes: lots}, {@code power_loss_safe: maybe}), out-of-range values and a missing broker are errors, all
 * listed at once with their paths ({@link ConfigException}, exit code 2), and nothing is started. Each section is its
 * own record with its own reader, next to the code that uses it.
 *
 * @param deviceId {@code device.id}
 * @param site {@code device.site}
 * @param dataDir outbox, its seq reservation, the lock, mute and log-level files, pending audio by default
 * @param brokerUrl {@code broker.url} ({@code tcp://} or {@code ssl://host:port}); required, or given with {@code --broker}
 * @param tls {@code broker.ca_file}, {@code cert_file}, {@code key_file}
 * @param asr empty when the file has no {@code asr:} section (transcript replay only)
 */
public record DeviceConfig(
        String deviceId,
        String site,
        Path dataDir,
        String brokerUrl,
        TlsFiles tls,
        OutboxConfig outbox,
        SyncConfig sync,
        TelemetryConfig telemetry,
        CommandConfig commands,
        AudioConfig audio,
        Optional<AsrConfig> asr,
        InsightsConfig insights,
        HardwareConfig hardware) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data/device");
    private static final Pattern BROKER_URL = Pattern.compile("(tcp|ssl)://[^/\\s]+:\\d{1,5}");
    private static final String BROKER_EXAMPLE =
            "e.g. broker: {url: ssl://gateway.example:8883, ca_file: /etc/voc/ca.pem, "
                    + "cert_file: /etc/voc/device.pem, key_file: /etc/voc/device.key}, or --broker URL";

    /**
     * What the command line changes: {@code --data-dir} (the outbox and the default pending-audio directory move with
     * it) and {@code --broker}. {@code brokerRequired} is false only for technician tools that never connect
     * ({@code asr check}, {@code audio segment}). {@code brokerPasswordFile}: {@code --broker-password-file}.
     */
    public record Overrides(Path dataDir, String brokerUrl, boolean brokerRequired, Path brokerPasswordFile) {
        public static final Overrides NONE = new Overrides(null, null, true);
        public static final Overrides TOOL = new Overrides(null, null, false);

        public Overrides(Path dataDir, String brokerUrl, boolean brokerRequired) {
            this(dataDir, brokerUrl, brokerRequired, null);
        }
    }

    /** Reads {@code file} strictly; throws one {@link ConfigException} listing every problem. */
    public static DeviceConfig load(Path file) throws ConfigException {
        return load(file, Overrides.NONE);
    }

    public static DeviceConfig load(Path file, Overrides overrides) throws ConfigException {
        return read(ConfigDocument.load(file), overrides);
    }

    /** No file: the built-in defaults (a demo device); the broker must then come from {@code --broker}. */
    public static DeviceConfig builtIn(Overrides overrides) throws ConfigException {
        return read(ConfigDocument.empty("(built-in defaults: no --config given)"), overrides);
    }

    /** Reads every section of {@code doc}; throws one {@link ConfigException} listing all problems. */
    public static DeviceConfig read(ConfigDocument doc, Overrides o) throws ConfigException {
        ConfigNode root = doc.root();
        ConfigNode device = root.section("device");
        String id = device.string("id", "demo-device");
        String site = device.string("site", "demo-site");
        if (!Ids.isValid(id)) {
            device.problem(
                    "id", "use 1-64 characters of a-z, 0-9, '-' or '_' (provisioning sets it), got \"" + id + "\"");
        }
        if (!Ids.isValid(site)) {
            device.problem("site", "use 1-64 characters of a-z, 0-9, '-' or '_', got \"" + site + "\"");
        }
        Path fileDataDir = root.path("data_dir", DEFAULT_DATA_DIR);
        Path dataDir = o.dataDir() != null ? o.dataDir() : fileDataDir;

        boolean hasBroker = root.has("broker");
        ConfigNode broker = root.section("broker");
        String url = broker.string("url", null);
        if (o.brokerUrl() != null) {
            url = o.brokerUrl();
            if (!BROKER_URL.matcher(url).matches()) {
                doc.problem("--broker", "expected tcp://host:port or ssl://host:port, got \"" + url + "\"");
            }
        } else if (url == null) {
            if (o.brokerRequired()) {
                doc.problem(
                        hasBroker ? "broker.url" : "broker", "required: the gateway's MQTT broker, " + BROKER_EXAMPLE);
            }
        } else if (!BROKER_URL.matcher(url).matches()) {
            broker.problem("url", "expected tcp://host:port or ssl://host:port, got \"" + url + "\"");
        }
        TlsFiles tls = new TlsFiles(
                broker.path("ca_file", null), broker.path("cert_file", null), broker.path("key_file", null));
        if (url != null && url.startsWith("ssl://") && tls.caFile() == null) {
            broker.problem("ca_file", "required for an ssl:// broker (the fleet CA certificate from provisioning)");
        }
        if ((tls.certFile() == null) != (tls.keyFile() == null)) {
            broker.problem("cert_file", "set cert_file and key_file together for mutual TLS, or neither");
        }
        readable(broker, "ca_file", tls.caFile());
        readable(broker, "cert_file", tls.certFile());
        readable(broker, "key_file", tls.keyFile());
        ownerOnly(broker, "key_file", tls.keyFile());
        // The gateway's embedded broker: user name = device id, password from 'voc-gateway broker password ID'.
        Path passwordFile =
                o.brokerPasswordFile() != null ? o.brokerPasswordFile() : broker.path("password_file", null);
        if (passwordFile != null) {
            tls = tls.withPassword(id, passwordFile);
            readable(broker, "password_file", passwordFile);
            ownerOnly(broker, "password_file", passwordFile);
        }

        OutboxConfig outbox = OutboxConfig.read(root.section("outbox"), dataDir);
        SyncConfig sync = SyncConfig.read(root.section("sync"));
        TelemetryConfig telemetry = TelemetryConfig.read(root.section("telemetry"));
        CommandConfig commands = CommandConfig.read(root.section("commands"));
        AudioConfig audio = AudioConfig.read(root.section("audio"));
        Optional<AsrConfig> asr = root.optionalSection("asr").map(a -> AsrConfig.read(a, dataDir));
        InsightsConfig insights = InsightsConfig.read(root.section("insights"));
        HardwareConfig hardware = HardwareConfig.read(root);
        doc.finish();
        return new DeviceConfig(
                id, site, dataDir, url, tls, outbox, sync, telemetry, commands, audio, asr, insights, hardware);
    }

    /** The {@code asr:} section, or a one-line error saying what to add (audio sources need recognition). */
    public AsrConfig requireAsr(String why) {
        return asr.orElseThrow(
                () -> new IllegalArgumentException(
                        why + " needs speech recognition: the config has no "
                                + "asr: section; add 'asr: {model: /opt/voc/model}' (install a model with 'voc-provision model install')"));
    }

    /**
     * The configuration as the agent uses it - every default filled in, in the file's own shape and key names - for
     * {@code voc-device config check}. Holds no secret: key files are named, never read.
     */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", deviceId);
        d.put("site", site);
        m.put("device", d);
        m.put("data_dir", dataDir.toString());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("url", brokerUrl);
        b.put("ca_file", text(tls.caFile()));
        b.put("cert_file", text(tls.certFile()));
        b.put("key_file", text(tls.keyFile()));
        if (tls.passwordFile() != null) {
            b.put("password_file", text(tls.passwordFile()));
        }
        m.put("broker", b);
        m.put("outbox", outbox.effective());
        m.put("sync", sync.effective());
        m.put("telemetry", telemetry.effective());
        m.put("commands", commands.effective());
        m.put("audio", audio.effective());
        m.put("asr", asr.<Object>map(AsrConfig::effective).orElse("(none: transcript replay only)"));
        m.put("insights", insights.effective());
        m.put("hardware", hardware.effective());
        return m;
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    private static void readable(ConfigNode n, String key, Path p) {
        if (p != null && !Files.isReadable(p)) {
            n.problem(key, p + " is missing or unreadable by this user (copy it from the enrolment bundle)");
        }
    }

    /** Private keys must be readable by the agent's user only; anything wider is refused. */
    static void ownerOnly(ConfigNode n, String key, Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (perms.contains(PosixFilePermission.GROUP_READ)
                    || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                n.problem(
                        key,
                        p + " is readable by other users: run 'chmod 600 " + p
                                + "' (and chown it to the agent's user)");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
