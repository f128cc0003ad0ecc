package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ModelFileHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model distribution with real processes, end to end: {@code voc-device insights train} makes a model,
 * {@code voc-gateway model publish} refuses what is not a whole model file and publishes the real one, the running
 * gateway sends its manifest through real Mosquitto to a running device agent, which fetches it in chunks, installs it
 * without a restart (the records it stores from then on name the new model), keeps it in a 0600 file and starts with
 * it after a restart; {@code voc-gateway model status} shows the device in sync.
 */
class ModelDistributionSystemIT {
    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    private Run gatewayCli(Path gdir, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of(
                "--config",
                gdir.resolve("gateway.yaml").toString(),
                "--data-dir",
                gdir.resolve("data").toString()));
        return run("voc-gateway " + args[0], "voc.gateway.jar", a);
    }

    private Run run(String name, String jarProperty, List<String> args) throws Exception {
        Path log = Files.createTempFile(dir, "cli", ".log");
        JarProcess p = new JarProcess(name, JarProcess.jar(jarProperty), log, args, Map.of()).start();
        int exit = p.waitForExit(Duration.ofSeconds(180));
        return new Run(exit, p.logText());
    }

    @Test
    void aPublishedModelReachesTheRunningDeviceIsUsedAtOnceAndSurvivesARestart() throws Exception {
        // A model other than the built-in one: trained here from three files of the repo's corpus (a few seconds).
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        for (String f : List.of("en-author10-boundaries.tsv", "zh-author10-boundaries.tsv", "zh-author10-multi.tsv")) {
            Files.copy(Path.of("..", "device", "corpus", "train", f), corpus.resolve(f));
        }
        Path model = dir.resolve("small.vocim");
        Run train = run(
                "voc-device insights train",
                "voc.device.jar",
                List.of("insights", "train", "--corpus", corpus.toString(), "--out", model.toString()));
        assertThat(train.exit()).as(train.output()).isZero();
        byte[] bytes = Files.readAllBytes(model);
        String version = ModelFileHeader.read(bytes, "small.vocim").version();
        assertThat(bytes.length).as("several chunks").isGreaterThan(3 * Limits.MODEL_CHUNK_BYTES);

        Path truncated = Files.write(dir.resolve("truncated.vocim"), Arrays.copyOf(bytes, bytes.length - 1000));
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.vocim"), flipped);
        Path yaml = Files.writeString(dir.resolve("lexicon.yaml"), "version: \"2099.1.1\"\ntopics: {}\n");

        try (Scenario s = new Scenario(dir)) {
            JarProcess gateway = s.startGateway(s.gateway("gw1", Map.of()), "gw1");
            Path gdir = dir.resolve("gateway-gw1");
            Path replay = s.replayFile("model", 2000);
            JarProcess device = startRegistered(s, "dev-model", replay);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> s.store.countSafely("SELECT COUNT(*) FROM records WHERE device_id = 'dev-model' "
                                    + "AND model_version IS NOT NULL")
                            > 0);
            assertThat(s.store.count("SELECT COUNT(*) FROM records WHERE model_version = '" + version + "'"))
                    .as("nothing scored by the new model before it is published")
                    .isZero();

            for (Path bad :
                    List.of(truncated, damaged, yaml, Path.of("/dev/zero"), dir.resolve("missing.vocim"), dir)) {
                Run r = gatewayCli(gdir, "model", "publish", "--file", bad.toString(), "--site", "store-1");
                assertThat(r.exit()).as("%s: %s", bad, r.output()).isEqualTo(2);
            }
            assertThat(s.store.count("SELECT COUNT(*) FROM model_publications")).isZero();

            Run ok = gatewayCli(gdir, "model", "publish", "--file", model.toString(), "--site", "store-1");
            assertThat(ok.exit()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("model " + version + " published for site store-1");

            // Installed without a restart: the status says so and the records scored from then on name it.
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> s.store.countSafely("SELECT COUNT(*) FROM devices WHERE device_id = 'dev-model' "
                                    + "AND last_status->'details'->>'model_version' = '" + version + "'")
                            == 1);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> s.store.countSafely(
                                    "SELECT COUNT(*) FROM records WHERE device_id = 'dev-model' AND model_version = '"
                                            + version + "'")
                            > 0);
            Path active = s.deviceDataDir("dev-model").resolve("model/active.vocim");
            assertThat(Files.readAllBytes(active)).isEqualTo(bytes);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(active)))
                    .isEqualTo("rw-------");
            Run status = gatewayCli(gdir, "model", "status");
            assertThat(status.exit()).as(status.output()).isZero();
            assertThat(status.output())
                    .containsPattern("dev-model\\s+store-1\\s+\\S+\\s+" + version + "\\s+" + version + "\\s+ok");

            // A restart starts with the distributed model and downloads nothing again.
            device.terminate(Duration.ofSeconds(60));
            // The log file is appended to: only what the second process wrote counts.
            int before = device.logText().length();
            JarProcess again = agent(s, "dev-model", replay).start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> again.logText().substring(before).contains("event=sync_connected"));
            assertThat(again.logText().substring(before)).contains("event=model_distributed_loaded version=" + version);
            Thread.sleep(5000); // the retained manifest arrives on subscribe: it names the running model
            assertThat(again.logText().substring(before)).doesNotContain("event=model_updated");
            again.terminate(Duration.ofSeconds(60));
            gateway.terminate(Duration.ofSeconds(60));
        }
    }

    /** The agent as these tests run it: replaying at 10 utterances/s, an outbox of up to 64 MiB, never exiting. */
    private static JarProcess agent(Scenario s, String deviceId, Path replay) throws Exception {
        return s.device(deviceId, replay, 10, 64L * 1024 * 1024, false);
    }

    /** Starts the agent and waits until the gateway has registered it (its first status arrived). */
    private static JarProcess startRegistered(Scenario s, String deviceId, Path replay) throws Exception {
        JarProcess device = agent(s, deviceId, replay).start();
        await().atMost(Duration.ofSeconds(90))
                .until(() ->
                        s.store.countSafely("SELECT COUNT(*) FROM devices WHERE device_id = '" + deviceId + "'") == 1);
        return device;
    }

    /** The shipped model under another version: the same 4.4 MB (about 35 chunks), header rewritten, checksum redone. */
    private static byte[] shippedModelRenamed(String version) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(
                "..",
                "device",
                "src",
                "main",
                "resources",
                "io",
                "vocedge",
                "device",
                "insights",
                "model-default.vocim"));
        int length = ((file[9] & 0xff) << 8) | (file[10] & 0xff); // "VOCIM", int format, then the version's UTF
        byte[] name = version.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(name).hasSize(length);
        System.arraycopy(name, 0, file, 11, length);
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(file, file.length - 32));
        System.arraycopy(digest, 0, file, file.length - 32, 32);
        return file;
    }

    @Test
    void anAgentKilledMidDownloadResumesFromItsVerifiedChunksAndInstallsTheModel() throws Exception {
        String version = "1-0123456789ab";
        byte[] bytes = shippedModelRenamed(version);
        assertThat(ModelFileHeader.read(bytes, "renamed").version()).isEqualTo(version);
        Path model = Files.write(dir.resolve("renamed.vocim"), bytes);
        try (Scenario s = new Scenario(dir)) {
            JarProcess gateway = s.startGateway(s.gateway("gw1", Map.of()), "gw1");
            Path gdir = dir.resolve("gateway-gw1");
            Path replay = s.replayFile("resume", 2000);
            JarProcess device = startRegistered(s, "dev-resume", replay);
            Run ok = gatewayCli(gdir, "model", "publish", "--file", model.toString(), "--site", "store-1");
            assertThat(ok.exit()).as(ok.output()).isZero();

            // kill -9 once a few chunks are on disk (the gateway serves 4 per second: 35 take about 9 s).
            Path part = s.deviceDataDir("dev-resume").resolve("model/download.part");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(part) && Files.size(part) >= 3L * Limits.MODEL_CHUNK_BYTES);
            device.kill9();
            long kept = Files.size(part);
            assertThat(kept).as("killed mid-download").isLessThan(bytes.length);
            assertThat(s.deviceDataDir("dev-resume").resolve("model/active.vocim"))
                    .doesNotExist();

            int chunks = (bytes.length + Limits.MODEL_CHUNK_BYTES - 1) / Limits.MODEL_CHUNK_BYTES;
            int before = device.logText().length();
            JarProcess again = agent(s, "dev-resume", replay).start();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> s.store.countSafely("SELECT COUNT(*) FROM devices WHERE device_id = 'dev-resume' "
                                    + "AND last_status->'details'->>'model_version' = '" + version + "'")
                            == 1);
            String after = again.logText().substring(before);
            java.util.regex.Matcher started = java.util.regex.Pattern.compile("event=model_download_started version="
                            + version + " size_bytes=" + bytes.length + " chunks=" + chunks + " from_chunk=(\\d+)")
                    .matcher(after);
            assertThat(started.find()).as(after).isTrue();
            assertThat(Integer.parseInt(started.group(1)))
                    .as("resumed from the chunks verified before the kill")
                    .isPositive();
            assertThat(Files.readAllBytes(s.deviceDataDir("dev-resume").resolve("model/active.vocim")))
                    .isEqualTo(bytes);
            assertThat(part).doesNotExist();
            again.terminate(Duration.ofSeconds(60));
            gateway.terminate(Duration.ofSeconds(60));
        }
    }
}
