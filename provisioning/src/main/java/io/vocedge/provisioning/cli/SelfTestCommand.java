package io.vocedge.provisioning.cli;

import io.vocedge.common.cli.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code selftest}: run on the device itself (over SSH, or on its console). The checks live in the device agent,
 * which owns the microphone, GPIO and broker code; this command runs the agent's {@code selftest} with the same
 * JVM and passes its report and exit code through, so technicians have one tool to learn.
 */
@Command(
        name = "selftest",
        description = {
            "Run the device self-test on this device: capture device and channels, light and button, broker "
                    + "with the device certificate, clock, disk, speech model and native library. Stop the agent first "
                    + "(systemctl stop voc-device): it holds the microphone and the GPIO lines.",
            "Exit code 0 when every check passed or was skipped, 1 otherwise."
        })
final class SelfTestCommand implements Callable<Integer> {
    static final String DEFAULT_DEVICE_JAR = "/usr/share/voc-device/voc-device.jar";

    @Option(
            names = "--config",
            defaultValue = "/etc/voc/device.yaml",
            description = "device YAML (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(
            names = "--device-jar",
            paramLabel = "JAR",
            description = "the device agent (default: $VOC_DEVICE_JAR, else " + DEFAULT_DEVICE_JAR + ")")
    Path deviceJar;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--skip-interactive", description = "skip the light and button checks (no one at the device)")
    boolean skipInteractive;

    @Option(
            names = "--timeout",
            defaultValue = "20",
            description = "seconds to wait for a button press (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Path jar = deviceJar != null
                ? deviceJar
                : Path.of(System.getenv().getOrDefault("VOC_DEVICE_JAR", DEFAULT_DEVICE_JAR));
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException("device agent not found at " + jar + ": install the voc-device package on this "
                    + "device, or pass --device-jar PATH/voc-device.jar");
        }
        if (!Files.isReadable(config)) {
            throw new BadInputException("cannot read the device config " + config
                    + ": copy the enrolment bundle's device.yaml " + "there, or pass --config FILE");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new BadInputException("--timeout " + timeoutSeconds + " must be 1..600 seconds");
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString(),
                "selftest",
                "--config",
                config.toString(),
                "--timeout",
                String.valueOf(timeoutSeconds)));
        if (json) {
            cmd.add("--json");
        }
        if (skipInteractive) {
            cmd.add("--skip-interactive");
        }
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }
}
