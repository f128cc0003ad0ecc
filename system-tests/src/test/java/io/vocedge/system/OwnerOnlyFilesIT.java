package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owner-only files whatever the umask (issue 11): the real gateway jar (embedded broker, SQLite store) and the real
 * device agent jar listening to a WAV file, both started under {@code umask 022}, run until every kind of file
 * exists - store and outbox with their WAL files, runtime.json, admin token, broker data, seq reservation, pending
 * audio, mute and log-level files - and then their data directories hold no file or directory that group or others
 * may read, write or enter.
 */
class OwnerOnlyFilesIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void gatewayAndDeviceUnderUmask022LeaveNothingForGroupOrOthers() throws Exception {
        // Control: under this wrapper a file created without explicit modes IS shared (0644), so the check below bites.
        Process control = new ProcessBuilder(
                        "sh",
                        "-c",
                        "umask 022; exec \"$@\"",
                        "sh",
                        "touch",
                        dir.resolve("control").toString())
                .start();
        assertThat(control.waitFor()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("control"))).contains(PosixFilePermission.OTHERS_READ);

        Path wav = DeviceAudioIT.showroomWav(dir, 60);
        Path gdata = dir.resolve("gateway-data");
        try (JarProcess gateway = new JarProcess(
                "gateway",
                JarProcess.jar("voc.gateway.jar"),
                dir.resolve("gateway.log"),
                List.of("run", "--data-dir", gdata.toString()),
                Map.of(),
                "022")) {
            gateway.start();
            Path runtime = gdata.resolve("runtime.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(runtime) || !gateway.isAlive());
            assertThat(gateway.isAlive())
                    .as("gateway running; log:%n%s", gateway.logText())
                    .isTrue();
            JsonNode rt = json.readTree(runtime.toFile());
            String token = Files.readString(gdata.resolve("admin-token")).strip();

            Path ddir = Files.createDirectories(dir.resolve("device"));
            Path ddata = ddir.resolve("data");
            Path cfg = ddir.resolve("device.yaml");
            // The embedded broker wants a login: the device's password, as 'voc-gateway broker password' writes it
            // (0600).
            Path password = ddir.resolve("broker.password");
            io.vocedge.common.fs.OwnerOnly.writeAtomically(
                    password,
                    io.vocedge.gateway.broker.BrokerCredentials.load(gdata.resolve("broker"))
                            .devicePassword("dev-perm")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Files.writeString(
                    cfg,
                    String.join(
                            "\n",
                            "device:",
                            "  id: dev-perm",
                            "  site: store-1",
                            "data_dir: " + ddata,
                            "broker:",
                            "  url: " + rt.get("broker_url").asText(),
                            "  password_file: " + password,
                            "telemetry:",
                            "  interval_s: 2",
                            "audio:",
                            "  conversation_gap_ms: 3000",
                            "asr:",
                            "  model: " + ddir.resolve("no-model-installed"),
                            "hardware: false",
                            ""));
            try (JarProcess device = new JarProcess(
                    "device",
                    JarProcess.jar("voc.device.jar"),
                    ddir.resolve("device.log"),
                    List.of("run", "--config", cfg.toString(), "--source", "wav:" + wav, "--realtime"),
                    Map.of(),
                    "022")) {
                device.start();
                // Pending audio (no model here: segments wait on disk) and telemetry synced into the gateway's store.
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> count(ddata.resolve("pending-audio"), ".seg") > 0
                                        && Files.exists(gdata.resolve("voc.db-wal"))
                                        && Files.exists(ddata.resolve("outbox.db-wal"))
                                || !device.isAlive());
                assertThat(device.isAlive())
                        .as("device running; log:%n%s", device.logText())
                        .isTrue();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> registered(rt.get("http_url").asText(), token));
                command(
                        rt.get("http_url").asText(),
                        token,
                        "{\"name\":\"set_log_level\",\"args\":{\"level\":\"info\"}}");
                command(rt.get("http_url").asText(), token, "{\"name\":\"mute\",\"args\":{}}");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Files.exists(ddata.resolve("mute")) && Files.exists(ddata.resolve("log-level")));

                // Not vacuous: every kind of file the issue names is there.
                assertThat(gdata.resolve("voc.db")).exists();
                assertThat(gdata.resolve("voc.db-shm")).exists();
                assertThat(gdata.resolve("broker")).isDirectory();
                assertThat(ddata.resolve("outbox.db")).exists();
                assertThat(ddata.resolve("outbox.db.seq")).exists();

                List<String> shared = new ArrayList<>();
                shared.addAll(sharedEntries(gdata));
                shared.addAll(sharedEntries(ddata));
                assertThat(shared)
                        .as("files or directories with group/other permission bits")
                        .isEmpty();
                assertThat(entries(gdata) + entries(ddata))
                        .as("entries checked")
                        .isGreaterThan(15);
            }
        }
    }

    private static long count(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static long entries(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.count();
        }
    }

    /** Every file and directory under (and including) {@code root} whose mode lets group or others in. */
    private static List<String> sharedEntries(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    if (perms.stream()
                            .anyMatch(x ->
                                    x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"))) {
                        out.add(root.relativize(p) + " " + PosixFilePermissions.toString(perms));
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a temporary file renamed away while we walked
                }
            }
        }
        return out;
    }

    private static boolean registered(String http, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http + "/admin/devices"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.body().contains("dev-perm");
    }

    private static void command(String http, String token, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http + "/admin/devices/dev-perm/commands"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("command %s: %s", body, r.body()).isEqualTo(202);
    }
}
