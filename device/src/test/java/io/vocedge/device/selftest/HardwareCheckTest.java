package io.vocedge.device.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import io.vocedge.device.hardware.Hardware;
import io.vocedge.device.hardware.HardwareConfig;
import io.vocedge.device.hardware.PrivacyButton;
import io.vocedge.device.hardware.StatusLight;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** The interactive light and button checks on Pi4J's mock platform, with a scripted technician. */
class HardwareCheckTest {
    private final LinkedBlockingQueue<PrivacyButton.Press> presses = new LinkedBlockingQueue<>();

    private Context mockContext() {
        return Pi4J.newContextBuilder()
                .add(
                        MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance(),
                        MockSpiProvider.newInstance())
                .build();
    }

    /** Answers questions from a script; when told to press the button, presses it (or not). */
    private static Operator technician(Queue<String> answers, Runnable onPressPrompt) {
        return new Operator() {
            @Override
            public void tell(String line) {
                if (line.startsWith("Press the privacy button")) {
                    onPressPrompt.run();
                }
            }

            @Override
            public Optional<String> ask(String question, Duration timeout) {
                return Optional.ofNullable(answers.poll());
            }
        };
    }

    @Test
    void lightSeenAndButtonPressed() throws Exception {
        Context ctx = mockContext();
        try (Hardware hw = Hardware.start(
                HardwareConfig.defaults(),
                StatusLight.system(),
                presses::add,
                c -> ctx,
                p -> true,
                () -> System.nanoTime() / 1_000_000,
                true)) {
            MockDigitalInput button = ctx.io("voc-button", MockDigitalInput.class);
            button.mockState(DigitalState.HIGH);
            Operator op = technician(new ArrayDeque<>(List.of("y")), () -> {
                button.mockState(DigitalState.LOW);
                sleep(150);
                button.mockState(DigitalState.HIGH);
            });
            List<CheckResult> r =
                    new HardwareCheck(hw, presses, op, Duration.ofSeconds(5), Duration.ofMillis(20), true).run();
            assertThat(r)
                    .extracting(CheckResult::status)
                    .containsExactly(CheckResult.Status.PASS, CheckResult.Status.PASS);
            assertThat(r.get(1).message()).isEqualTo("short press seen");
        }
    }

    @Test
    void lightNotSeenAndNoPressSayWhatToCheck() throws Exception {
        Context ctx = mockContext();
        try (Hardware hw = Hardware.start(
                HardwareConfig.defaults(),
                StatusLight.system(),
                presses::add,
                c -> ctx,
                p -> true,
                () -> System.nanoTime() / 1_000_000,
                true)) {
            Operator op = technician(new ArrayDeque<>(List.of("n")), () -> {});
            List<CheckResult> r =
                    new HardwareCheck(hw, presses, op, Duration.ofMillis(300), Duration.ofMillis(10), true).run();
            assertThat(r)
                    .extracting(CheckResult::status)
                    .containsExactly(CheckResult.Status.FAIL, CheckResult.Status.FAIL);
            assertThat(r.get(0).message()).contains("check the LED's wiring (BCM 27");
            assertThat(r.get(1).message())
                    .contains("no press seen")
                    .contains("BCM 17")
                    .contains("GND");
        }
    }

    @Test
    void skippedOrUnavailable() throws Exception {
        try (Hardware none = Hardware.start(
                HardwareConfig.defaults(),
                StatusLight.system(),
                presses::add,
                c -> mockContext(),
                p -> false,
                System::currentTimeMillis,
                false)) {
            Operator silent = technician(new ArrayDeque<>(), () -> {});
            assertThat(new HardwareCheck(none, presses, silent, Duration.ofMillis(10), Duration.ofMillis(1), true)
                            .run())
                    .allSatisfy(c -> {
                        assertThat(c.status()).isEqualTo(CheckResult.Status.FAIL);
                        assertThat(c.message()).contains("GPIO unavailable: no /dev/gpiochip0");
                    });
        }
        Context ctx = mockContext();
        try (Hardware hw = Hardware.start(
                HardwareConfig.defaults(),
                StatusLight.system(),
                presses::add,
                c -> ctx,
                p -> true,
                System::currentTimeMillis,
                false)) {
            assertThat(new HardwareCheck(
                                    hw,
                                    presses,
                                    technician(new ArrayDeque<>(), () -> {}),
                                    Duration.ofMillis(10),
                                    Duration.ofMillis(1),
                                    false)
                            .run())
                    .extracting(CheckResult::status)
                    .containsOnly(CheckResult.Status.SKIP);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
