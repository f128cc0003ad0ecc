package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.testsupport.FreePorts;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician's sitting, with the three real jars and a real Mosquitto: CA, gateway certificate, broker
 * configuration (mutual TLS, dynamic-security rules, CRL), a strict gateway, a device enrolled and registered through the admin
 * API, its bundle installed the way INSTALL.txt says, and the agent's records stored over mutual TLS. Then the
 * device is revoked: after the broker restarts with the new CRL the same device can no longer get a record in.
 */
class OneSittingIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void blankDeviceToStoredRecordsOverMutualTlsAndRevokedAfterwards() throws Exception {
        Path pass = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        Path ca = dir.resolve("ca");
        provision("ca", "init", "--dir", ca.toString(), "--passphrase-file", pass.toString());
        provision(
                "gateway",
                "enroll",
                "--ca",
                ca.toString(),
                "--passphrase-file",
                pass.toString(),
                "--id",
                "gw-1",
                "--out",
                dir.resolve("gw-cert").toString());
        int port = FreePorts.next();
        Path brokerDir = dir.resolve("broker");
        Files.createDirectories(dir.resolve("persist"));
        provision(
                "broker",
                "config",
                "--ca",
                ca.toString(),
                "--passphrase-file",
                pass.toString(),
                "--out",
                brokerDir.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--listen",
                "127.0.0.1",
                "--conf-dir",
                brokerDir.toString(),
                "--persistence-dir",
                dir.resolve("persist") + "/");
        String brokerUrl = "ssl://127.0.0.1:" + port;
        MosquittoBroker broker =
                MosquittoBroker.startWithConfig(brokerDir.resolve("mosquitto.conf"), port, List.of("user root"));
        List<JarProcess> processes = new ArrayList<>();
        try {
            Path gwDir = Files.createDirectories(dir.resolve("gateway"));
            Path gwCfg = Files.writeString(
                    gwDir.resolve("gateway.yaml"),
                    String.join(
                            "\n",
                            "gateway_id: gw-1",
                            "broker: {url: \"" + brokerUrl + "\", ca_file: \"" + dir.resolve("gw-cert/ca.pem")
                                    + "\", cert_file: \"" + dir.resolve("gw-cert/gateway.pem") + "\", key_file: \""
                                    + dir.resolve("gw-cert/gateway.key") + "\"}",
                            "store: {kind: sqlite, sqlite_file: \"" + gwDir.resolve("voc.db") + "\"}",
                            "registry: {mode: strict}",
                            ""));
            JarProcess gateway = new JarProcess(
                    "gateway",
                    JarProcess.jar("voc.gateway.jar"),
                    gwDir.resolve("gateway.log"),
                    List.of(
                            "run",
                            "--config",
                            gwCfg.toString(),
                            "--data-dir",
                            gwDir.resolve("data").toString()),
                    Map.of());
            processes.add(gateway);
            gateway.start();
            Path runtime = gwDir.resolve("data/runtime.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(runtime) || !gateway.isAlive());
            assertThat(gateway.isAlive())
                    .as("gateway up over TLS; log:%n%s", gateway.logText())
                    .isTrue();
            String http = json.readTree(runtime.toFile()).get("http_url").asText();
            Path token = gwDir.resolve("data/admin-token");

            Path etc = dir.resolve("etc-voc");
            Path data = dir.resolve("var-voc");
            provision(
                    "device",
                    "enroll",
                    "--ca",
                    ca.toString(),
                    "--passphrase-file",
                    pass.toString(),
                    "--site",
                    "store-1",
                    "--name",
                    "desk 1",
                    "--broker-url",
                    brokerUrl,
                    "--out",
                    dir.resolve("bundles").toString(),
                    "--config-dir",
                    etc.toString(),
                    "--data-dir",
                    data.toString(),
                    "--model-dir",
                    dir.resolve("model").toString(),
                    "--gateway",
                    http,
                    "--gateway-token-file",
                    token.toString());
            Path bundle;
            try (Stream<Path> s = Files.list(dir.resolve("bundles"))) {
                bundle = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            String deviceId = bundle.getFileName().toString();
            install(bundle, etc); // what INSTALL.txt says: the files into the config dir, the key staying 0600
            // Enrolling added the device to the broker's rules (dynamic-security.json), which Mosquitto reads at start.
            broker.close();
            broker = MosquittoBroker.startWithConfig(brokerDir.resolve("mosquitto.conf"), port, List.of("user root"));

            Path replay = Files.writeString(
                    dir.resolve("replay.jsonl"),
                    String.join(
                            "\n",
                            "{\"text\": \"my deposit was never refunded\", \"lang\": \"en\", \"speaker\": \"customer\"}",
                            "{\"text\": \"the delivery date keeps moving\", \"lang\": \"en\", \"speaker\": \"customer\"}",
                            "{\"text\": \"I am sorry, let me call the manager\", \"lang\": \"en\", \"speaker\": \"staff\", \"end_conversation\": true}",
                            ""));
            JarProcess device = new JarProcess(
                    "device",
                    JarProcess.jar("voc.device.jar"),
                    dir.resolve("device.log"),
                    List.of(
                            "run",
                            "--config",
                            etc.resolve("device.yaml").toString(),
                            "--source",
                            "replay:" + replay,
                            "--exit-when-synced"),
                    Map.of());
            processes.add(device);
            device.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> !device.isAlive());
            assertThat(device.exitCode())
                    .as("device log:%n%s", device.logText())
                    .isZero();
            assertThat(count(
                            gwDir,
                            "SELECT COUNT(*) FROM records WHERE device_id = ? AND kind IN ('utterance', 'conversation')",
                            deviceId))
                    .isEqualTo(4);
            assertThat(count(gwDir, "SELECT COUNT(*) FROM dead_letters WHERE device_id = ?", deviceId))
                    .isZero();

            provision(
                    "device",
                    "revoke",
                    deviceId,
                    "--ca",
                    ca.toString(),
                    "--passphrase-file",
                    pass.toString(),
                    "--gateway",
                    http,
                    "--gateway-token-file",
                    token.toString(),
                    "--broker-dir",
                    brokerDir.toString());
            broker.close(); // Mosquitto reads the CRL at start only
            broker = MosquittoBroker.startWithConfig(brokerDir.resolve("mosquitto.conf"), port, List.of("user root"));
            long before = count(gwDir, "SELECT COUNT(*) FROM records WHERE device_id = ?", deviceId);
            JarProcess again = new JarProcess(
                    "device-again",
                    JarProcess.jar("voc.device.jar"),
                    dir.resolve("device-again.log"),
                    List.of("run", "--config", etc.resolve("device.yaml").toString(), "--source", "replay:" + replay),
                    Map.of());
            processes.add(again);
            again.start();
            Thread.sleep(15_000);
            assertThat(count(gwDir, "SELECT COUNT(*) FROM records WHERE device_id = ?", deviceId))
                    .as("a revoked device gets nothing in; its log:%n%s", again.logText())
                    .isEqualTo(before);
            JsonNode devices = json.readTree(adminGet(http, token, "/admin/devices"));
            assertThat(devices.toString()).contains(deviceId).contains("revoked");
        } finally {
            processes.forEach(JarProcess::close);
            broker.close();
        }
    }

    private static void install(Path bundle, Path etc) throws Exception {
        Files.createDirectories(etc);
        try (Stream<Path> s = Files.list(bundle)) {
            for (Path f : s.toList()) {
                Files.copy(f, etc.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static long count(Path gwDir, String sql, String deviceId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gwDir.resolve("voc.db"));
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String adminGet(String http, Path token, String path) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(http + path))
                                .header(
                                        "Authorization",
                                        "Bearer " + Files.readString(token).strip())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static void provision(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JarProcess.jar("voc.provision.jar").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("voc-provision %s:%n%s", String.join(" ", args), out)
                .isZero();
    }
}
