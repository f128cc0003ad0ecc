package io.vocedge.device.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.device.config.LogLevelSetting;
import io.vocedge.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The level saved by {@code set_log_level} takes effect at the next start of the real agent process (the built
 * jar), before its first log line; without a saved level the packaged default (info) holds.
 */
class LogLevelIT {
    @TempDir
    Path dir;

    @Test
    void aSavedLevelAppliesAtTheNextStart() throws Exception {
        Path data = dir.resolve("data");
        String without = runAgentBriefly(data, "event=agent_started");
        assertThat(without).contains("event=agent_started").doesNotContain("level=DEBUG");

        LogLevelSetting.write(data, "debug");
        // Awaits the first DEBUG line itself (not a fixed second after start): a loaded machine may take longer.
        String with = runAgentBriefly(data, "level=DEBUG");
        assertThat(with)
                .contains("event=log_level level=debug")
                .contains("debug_enabled=true")
                .contains("level=DEBUG");
    }

    private String runAgentBriefly(Path data, String awaited) throws Exception {
        Path cfg = Files.writeString(
                dir.resolve("device.yaml"),
                String.join(
                        "\n",
                        "device: {id: dev-log, site: s1}",
                        "data_dir: " + data,
                        "broker: {url: \"tcp://127.0.0.1:" + FreePorts.next() + "\"}",
                        "hardware: false",
                        ""));
        Path replay = Files.writeString(dir.resolve("r.jsonl"), "{\"text\": \"hello\", \"lang\": \"en\"}\n");
        Path log = dir.resolve("agent-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        Path.of("target/voc-device.jar").toAbsolutePath().toString(),
                        "run",
                        "--config",
                        cfg.toString(),
                        "--source",
                        "replay:" + replay))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(log).contains(awaited) || !p.isAlive());
            Thread.sleep(1000);
        } finally {
            p.destroy();
            p.waitFor();
        }
        return Files.readString(log);
    }
}
