package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.provisioning.enroll.DeviceConfigTemplate;
import io.vocedge.provisioning.enroll.DeviceSettings;
import io.vocedge.provisioning.enroll.MicPreset;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract between the two tools: the device.yaml that {@code voc-provision device enroll} writes is one the
 * device agent accepts, section by section, for every microphone preset; and {@code voc-provision selftest}
 * runs the agent's self-test on it and passes its report and exit code through.
 */
class ProvisionedDeviceIT {
    @TempDir
    Path dir;

    private Path writeConfig(MicPreset mic, String brokerUrl) throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path data = Files.createDirectories(dir.resolve("data"));
        DeviceSettings s = new DeviceSettings(
                "dev-store-1-0a1b2c3d",
                "store-1",
                "desk 1",
                brokerUrl,
                etc.toString(),
                data.toString(),
                dir.resolve("model").toString(),
                dir.resolve("lib").toString(),
                "en",
                mic,
                null);
        for (String f :
                List.of(DeviceConfigTemplate.CA_FILE, DeviceConfigTemplate.CERT_FILE, DeviceConfigTemplate.KEY_FILE)) {
            Path p = etc.resolve(f);
            Files.writeString(p, "placeholder");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        Path cfg = etc.resolve(DeviceConfigTemplate.CONFIG_FILE);
        Files.writeString(cfg, DeviceConfigTemplate.render(s, Instant.now()));
        return cfg;
    }

    @ParameterizedTest
    @EnumSource(MicPreset.class)
    void theEnrolledConfigIsOneTheAgentAccepts(MicPreset mic) throws Exception {
        Path cfgFile = writeConfig(mic, "ssl://gw.example:8883");
        DeviceConfig cfg = DeviceConfig.load(cfgFile);
        assertThat(cfg.deviceId()).isEqualTo("dev-store-1-0a1b2c3d");
        assertThat(cfg.brokerUrl()).isEqualTo("ssl://gw.example:8883");
        AudioConfig audio = cfg.audio();
        assertThat(audio.channels()).isPositive();
        AsrConfig asr = cfg.asr().orElseThrow();
        assertThat(asr.model()).isEqualTo(dir.resolve("model"));
        assertThat(cfg.hardware()).isNotNull();
    }

    @Test
    void provisionSelftestRunsTheAgentsChecksAndReportsWhatToFix() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            Path cfg = writeConfig(
                    MicPreset.USB_MIC,
                    "ssl://127.0.0.1:" + java.net.URI.create(broker.url()).getPort());
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JarProcess.jar("voc.provision.jar").toString(),
                    "selftest",
                    "--device-jar",
                    JarProcess.jar("voc.device.jar").toString(),
                    "--config",
                    cfg.toString(),
                    "--json",
                    "--skip-interactive"));
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as("placeholder certificates and no model: failures expected; output:%n%s", out)
                    .isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(out);
            String all = report.toString();
            assertThat(all).contains("broker").contains("model").contains("disk");
            // Every failure says what to check.
            report.findParents("status").stream()
                    .filter(c -> "FAIL".equalsIgnoreCase(c.path("status").asText()))
                    .forEach(c -> assertThat(c.path("message").asText())
                            .as(c.toString())
                            .isNotBlank());
        }

        Process missing = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JarProcess.jar("voc.provision.jar").toString(),
                        "selftest",
                        "--device-jar",
                        dir.resolve("nope.jar").toString())
                .redirectErrorStream(true)
                .start();
        String msg = new String(missing.getInputStream().readAllBytes());
        assertThat(missing.waitFor())
                .as("a --device-jar that does not exist is bad input")
                .isEqualTo(2);
        assertThat(msg).contains("device agent not found").contains("--device-jar");
    }
}
