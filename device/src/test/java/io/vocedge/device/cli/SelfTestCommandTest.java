package io.vocedge.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.MosquittoBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SelfTestCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private Run run(String... args) {
        CommandLine cli = DeviceMain.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        return new Run(cli.execute(args), out.toString());
    }

    @Test
    void jsonReportWithEveryCheckAndExitCodeOneWhenSomethingFails() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            Path data = Files.createDirectory(dir.resolve("data"));
            Path cfg = Files.writeString(dir.resolve("device.yaml"), """
                    device: {id: desk-01, site: store-1}
                    data_dir: %s
                    broker: {url: %s}
                    audio: {device: no-such-mic-xyz, channels: 2}
                    """.formatted(data, broker.url()));
            Run r = run("selftest", "--config", cfg.toString(), "--json", "--skip-interactive");
            assertThat(r.exit()).isEqualTo(1); // no microphone on this machine
            JsonNode report = Json.newMapper().readTree(r.out());
            assertThat(report.path("device_id").asText()).isEqualTo("desk-01");
            assertThat(report.path("passed").asBoolean()).isFalse();
            var byName = new java.util.HashMap<String, String>();
            report.path("checks")
                    .forEach(c ->
                            byName.put(c.path("name").asText(), c.path("status").asText()));
            assertThat(byName)
                    .containsEntry("broker", "PASS")
                    .containsEntry("disk", "PASS")
                    .containsEntry("audio_device", "FAIL")
                    .containsEntry("speech_model", "SKIP")
                    .containsEntry("status_light", "SKIP")
                    .containsEntry("button", "SKIP")
                    .containsKey("clock");
        }
    }

    @Test
    void humanTableAndABrokenConfigIsAFailedCheck() throws Exception {
        Path cfg = Files.writeString(dir.resolve("device.yaml"), "device: {id: Bad Id}\n");
        Run r = run("selftest", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("config")
                .contains("FAIL")
                .contains("device.id: use 1-64 characters")
                .contains("self-test FAILED");
    }
}
