package io.vocedge.device.selftest;

import io.vocedge.device.hardware.AgentState;
import io.vocedge.device.hardware.Hardware;
import io.vocedge.device.hardware.PrivacyButton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Interactive: the status light shows each state in turn and the technician confirms it; then the technician
 * presses the privacy button within the timeout. Presses go to {@code presses} (wire the {@link Hardware}'s press
 * handler to it: during the self-test a press changes nothing else). Skipped with {@code --skip-interactive}.
 */
public final class HardwareCheck implements Check {
    private final Hardware hardware;
    private final BlockingQueue<PrivacyButton.Press> presses;
    private final Operator operator;
    private final Duration timeout;
    private final Duration perState;
    private final boolean interactive;

    public HardwareCheck(
            Hardware hardware,
            BlockingQueue<PrivacyButton.Press> presses,
            Operator operator,
            Duration timeout,
            Duration perState,
            boolean interactive) {
        this.hardware = hardware;
        this.presses = presses;
        this.operator = operator;
        this.timeout = timeout;
        this.perState = perState;
        this.interactive = interactive;
    }

    @Override
    public List<CheckResult> run() throws InterruptedException {
        List<CheckResult> out = new ArrayList<>();
        var cfg = hardware.config();
        if (!cfg.enabled()) {
            out.add(CheckResult.skip("status_light", "hardware.enabled is false"));
            out.add(CheckResult.skip("button", "hardware.enabled is false"));
            return out;
        }
        if (!hardware.available()) {
            out.add(CheckResult.fail("status_light", "GPIO unavailable: " + hardware.problem()));
            out.add(CheckResult.fail("button", "GPIO unavailable: " + hardware.problem()));
            return out;
        }
        if (!interactive) {
            out.add(CheckResult.skip("status_light", "skipped (--skip-interactive)"));
            out.add(CheckResult.skip("button", "skipped (--skip-interactive)"));
            return out;
        }
        out.add(light());
        out.add(button());
        return out;
    }

    private CheckResult light() throws InterruptedException {
        if (!hardware.hasLed() && !hardware.hasRing()) {
            return cfg().led() == null && cfg().ring() == null
                    ? CheckResult.skip("status_light", "no LED or ring configured")
                    : CheckResult.fail(
                            "status_light",
                            "the configured LED/ring could not be opened: see the hardware_part_unavailable"
                                    + " line in the log for the fix");
        }
        List<AgentState> shown =
                List.of(AgentState.LISTENING, AgentState.MUTED, AgentState.BUFFERING_OFFLINE, AgentState.ERROR);
        operator.tell("Watch the status light: it shows "
                + shown.stream().map(s -> s.colourName() + " (" + s + ")").toList());
        try {
            for (AgentState s : shown) {
                operator.tell(
                        "  now " + s + ": ring " + s.colourName() + " " + s.ringPattern() + ", LED " + s.ledPattern());
                hardware.light().override(s);
                Thread.sleep(perState.toMillis());
            }
        } finally {
            hardware.light().override(null);
        }
        var answer = operator.ask("Did the light change through all of them? [y/n]", timeout);
        if (answer.isEmpty()) {
            return CheckResult.fail(
                    "status_light",
                    "no answer within " + timeout.toSeconds() + " s: run again, or use --skip-interactive");
        }
        if (answer.get().trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            return CheckResult.pass("status_light", "the technician saw every state");
        }
        return CheckResult.fail(
                "status_light",
                "not seen: check the LED's wiring (BCM "
                        + (cfg().led() == null ? "-" : cfg().led().pin())
                        + " through a resistor to the LED, LED to GND) and hardware.led.active_low; for the ring that SPI is enabled"
                        + " and hardware.ring.leds matches the HAT");
    }

    private CheckResult button() throws InterruptedException {
        if (!hardware.hasButton()) {
            return cfg().button() == null
                    ? CheckResult.skip("button", "no button configured")
                    : CheckResult.fail(
                            "button",
                            "the configured button could not be opened: see the hardware_part_unavailable line in the log");
        }
        presses.clear();
        operator.tell("Press the privacy button once (within " + timeout.toSeconds() + " s) ...");
        PrivacyButton.Press p = presses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (p == null) {
            var b = cfg().button();
            return CheckResult.fail(
                    "button",
                    "no press seen within " + timeout.toSeconds() + " s: check the wiring (BCM " + b.pin()
                            + " to one contact, " + (b.activeLow() ? "GND" : "3.3 V")
                            + " to the other), hardware.button.pin and active_low");
        }
        return CheckResult.pass("button", p == PrivacyButton.Press.SHORT ? "short press seen" : "long press seen");
    }

    private io.vocedge.device.hardware.HardwareConfig cfg() {
        return hardware.config();
    }
}
