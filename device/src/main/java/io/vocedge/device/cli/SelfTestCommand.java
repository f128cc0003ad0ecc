package io.vocedge.device.cli;

import io.vocedge.common.config.ConfigException;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.hardware.Hardware;
import io.vocedge.device.hardware.HardwareConfig;
import io.vocedge.device.hardware.PrivacyButton;
import io.vocedge.device.hardware.StatusLight;
import io.vocedge.device.selftest.AudioCheck;
import io.vocedge.device.selftest.AudioSpec;
import io.vocedge.device.selftest.CheckResult;
import io.vocedge.device.selftest.HardwareCheck;
import io.vocedge.device.selftest.JavaSoundCapture;
import io.vocedge.device.selftest.Operator;
import io.vocedge.device.selftest.SelfTest;
import io.vocedge.device.selftest.SelfTestReport;
import io.vocedge.device.selftest.SelfTests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selftest}: checks the device end to end and prints a report; exit 0 when nothing failed, 1 otherwise. */
@Command(
        name = "selftest",
        mixinStandardHelpOptions = true,
        description =
                "Check capture device and channels, status light and button, broker, clock, disk, model and native library.")
final class SelfTestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--config",
            defaultValue = "/etc/voc/device.yaml",
            description = "device YAML (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--skip-interactive", description = "skip the light and button checks (no one at the device)")
    boolean skipInteractive;

    @Option(names = "--timeout", defaultValue = "20", description = "seconds to wait for a button press or an answer")
    int timeoutSeconds;

    @Option(names = "--record-seconds", defaultValue = "1", description = "seconds of audio to analyse")
    int recordSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SelfTestReport report = run();
        if (json) {
            out.println(io.vocedge.protocol.Json.newMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report.toMap()));
        } else {
            out.print(report.toTable());
        }
        out.flush();
        return report.passed() ? 0 : 1;
    }

    private SelfTestReport run() {
        DeviceConfig cfg;
        try {
            cfg = DeviceConfig.load(config);
        } catch (ConfigException e) {
            return new SelfTestReport(
                    "unknown",
                    Instant.now(),
                    List.of(CheckResult.fail(
                            "config", String.join("\n", e.problems()) + "\n(fix " + config + " and run again)")));
        }
        SelfTest test = SelfTests.base(cfg, RunCommand.CLOCK_FLOOR)
                .add(
                        "audio",
                        new AudioCheck(
                                AudioSpec.from(cfg.audio()),
                                new JavaSoundCapture(),
                                Duration.ofSeconds(recordSeconds)));
        HardwareConfig hwConfig = cfg.hardware();
        if (skipInteractive) {
            test.add(
                    "hardware",
                    () -> List.of(
                            CheckResult.skip("status_light", "skipped (--skip-interactive)"),
                            CheckResult.skip("button", "skipped (--skip-interactive)")));
            return test.run();
        }
        LinkedBlockingQueue<PrivacyButton.Press> presses = new LinkedBlockingQueue<>();
        try (Hardware hw = Hardware.start(hwConfig, StatusLight.system(), presses::add)) {
            Operator operator = Operator.console(System.in, System.err);
            test.add(
                    "hardware",
                    new HardwareCheck(
                            hw, presses, operator, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(2), true));
            return test.run();
        }
    }
}
