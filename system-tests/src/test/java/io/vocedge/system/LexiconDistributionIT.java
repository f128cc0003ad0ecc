package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lexicon distribution with real processes: {@code voc-gateway lexicon publish} refuses hostile files without
 * repeating a byte of them, and a valid lexicon reaches a running device agent through the running gateway and real
 * Mosquitto, is applied there (0600 file) and reported in its status. There is no path-based command left to abuse.
 */
class LexiconDistributionIT {
    @TempDir
    Path dir;

    private final String secret = "hunter2-" + UUID.randomUUID();

    private record Run(int exit, String output) {}

    private Run cli(Path gdir, Map<String, String> env, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of(
                "--config",
                gdir.resolve("gateway.yaml").toString(),
                "--data-dir",
                gdir.resolve("data").toString()));
        Path log = Files.createTempFile(dir, "cli", ".log");
        JarProcess p = new JarProcess("voc-gateway " + args[0], JarProcess.jar("voc.gateway.jar"), log, a, env).start();
        int exit = p.waitForExit(Duration.ofSeconds(120));
        return new Run(exit, p.logText());
    }

    @Test
    void hostileFilesAreRefusedWithoutLeakingAndAValidLexiconReachesTheRunningDevice() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("secret.yaml"), "password: " + secret + "\n");
        Path brokenSecret =
                Files.writeString(dir.resolve("broken.yaml"), "version: \"2099.1.1\"\ntopics: {" + secret + ": [\n");
        Path badKey = Files.writeString(
                dir.resolve("badkey.yaml"), "version: \"2099.1.1\"\ntopics:\n  " + secret + ": {en: [x]}\n");
        Path big = Files.writeString(dir.resolve("big.yaml"), "version: \"2099.1.1\"\n# " + "x".repeat(200_000) + "\n");
        Path good = Files.writeString(
                dir.resolve("lexicon.yaml"),
                "version: \"2099.1.1\"\ntopics:\n  delivery: {en: [shipment]}\n  ev_charging: {en: [wallbox]}\n");
        try (Scenario s = new Scenario(dir)) {
            JarProcess gateway = s.startGateway(s.gateway("gw1", Map.of()), "gw1");
            Path gdir = dir.resolve("gateway-gw1");
            JarProcess device = s.device("dev-lex", s.replayFile("lex", 600), 5, 64L * 1024 * 1024, false)
                    .start();
            // Registered (open registry) once its first records are stored.
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> s.store.countSafely("SELECT COUNT(*) FROM devices WHERE device_id = 'dev-lex'") == 1);

            // The CLI's own environment holds the secret: /proc/self/environ is the CLI process's.
            Map<String, String> env = Map.of("VOC_TEST_SECRET", secret);
            List<String> outputs = new ArrayList<>();
            for (Path hostile : List.of(
                    Path.of("/dev/zero"),
                    Path.of("/proc/self/environ"),
                    secretFile,
                    brokenSecret,
                    badKey,
                    big,
                    dir.resolve("missing.yaml"))) {
                Run r = cli(gdir, env, "lexicon", "publish", hostile.toString(), "--site", "store-1");
                assertThat(r.exit()).as("%s: %s", hostile, r.output()).isEqualTo(2);
                outputs.add(r.output());
            }
            assertThat(outputs.get(0)).contains("/dev/zero is not a readable regular file");
            assertThat(outputs.get(5)).contains("larger than 131072 bytes");
            assertThat(s.store.count("SELECT COUNT(*) FROM lexicon_publications"))
                    .isZero();

            Run ok = cli(gdir, env, "lexicon", "publish", good.toString(), "--site", "store-1");
            assertThat(ok.exit()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("lexicon 2099.1.1 published for site store-1");
            Run older = cli(gdir, env, "lexicon", "publish", good.toString(), "--site", "store-1");
            assertThat(older.exit()).isEqualTo(2);
            assertThat(older.output()).contains("not newer than 2099.1.1");

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> s.store.countSafely(
                                    "SELECT COUNT(*) FROM devices WHERE "
                                            + "device_id = 'dev-lex' AND last_status->'details'->>'lexicon_version' = '2099.1.1'")
                            == 1);
            Path active = s.deviceDataDir("dev-lex").resolve("lexicon/active.yaml");
            assertThat(Files.readString(active)).isEqualTo(Files.readString(good));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(active)))
                    .isEqualTo("rw-------");
            Run status = cli(gdir, Map.of(), "lexicon", "status");
            assertThat(status.exit()).as(status.output()).isZero();
            assertThat(status.output())
                    .containsPattern("dev-lex\\s+store-1\\s+\\S+\\s+2099\\.1\\.1\\s+2099\\.1\\.1\\s+ok");

            device.terminate(Duration.ofSeconds(60));
            gateway.terminate(Duration.ofSeconds(60));
            // No byte of the secret anywhere: CLI output, logs, the store's tables.
            outputs.add(ok.output());
            outputs.add(status.output());
            outputs.add(gateway.logText());
            outputs.add(device.logText());
            for (String out : outputs) {
                assertThat(out).doesNotContain(secret).doesNotContain("hunter2");
            }
            for (String table : List.of("lexicon_publications", "devices", "command_results", "dead_letters")) {
                assertThat(s.store.count("SELECT COUNT(*) FROM " + table + " t WHERE CAST(t AS TEXT) LIKE '%hunter2%'"))
                        .as(table)
                        .isZero();
            }
        }
    }
}
