package io.vocedge.device.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MuteState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The button and the lights on Pi4J's mock platform, on a fake clock (no sleeping). */
class HardwareTest {
    @TempDir
    Path dataDir;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<String> conversationEvents = new CopyOnWriteArrayList<>();
    private MuteState mute;
    private StatusLight light;
    private Hardware hw;
    private MockDigitalInput button;

    private final ConversationControl conversations = new ConversationControl() {
        private volatile boolean open;

        @Override
        public void startConversation(String source) {
            open = true;
            conversationEvents.add("start:" + source);
        }

        @Override
        public void endConversation(String source) {
            open = false;
            conversationEvents.add("end:" + source);
        }

        @Override
        public boolean inConversation() {
            return open;
        }
    };

    private final java.util.concurrent.atomic.AtomicInteger forgets = new java.util.concurrent.atomic.AtomicInteger();

    private Hardware start(HardwareConfig config) {
        return Hardware.start(
                config,
                light,
                Hardware.agentActions(mute, conversations, forgets::incrementAndGet),
                c -> Pi4J.newContextBuilder()
                        .add(
                                MockDigitalInputProvider.newInstance(),
                                MockDigitalOutputProvider.newInstance(),
                                MockSpiProvider.newInstance())
                        .build(),
                p -> true,
                clock::get,
                false);
    }

    @BeforeEach
    void setUp() {
        mute = MuteState.load(dataDir, false);
        light = new StatusLight(clock::get);
        light.follow(mute);
        HardwareConfig d = HardwareConfig.defaults();
        hw = start(new HardwareConfig(
                true, "gpiochip0", false, d.button(), d.led(), new HardwareConfig.Ring(0, 0, 12, 8, 4_000_000, 5)));
        assertThat(hw.available()).isTrue();
        assertThat(hw.hasButton() && hw.hasLed() && hw.hasRing()).isTrue();
        button = hw.context().io("voc-button", MockDigitalInput.class);
        button.mockState(DigitalState.HIGH); // released (active low, pulled up)
    }

    @AfterEach
    void tearDown() {
        hw.close();
    }

    /** Sets the raw level (active low: pressed = LOW), then lets {@code ms} pass with the ticker polling every 10 ms. */
    private void level(boolean pressed, long ms) {
        button.mockState(pressed ? DigitalState.LOW : DigitalState.HIGH);
        advance(ms);
    }

    private void advance(long ms) {
        for (long t = 0; t < ms; t++) {
            clock.incrementAndGet();
            if (clock.get() % 10 == 0) {
                hw.button().poll();
            }
        }
    }

    @Test
    void shortPressTogglesMuteAndTheStateIsPersisted() {
        level(true, 200);
        assertThat(mute.muted()).isFalse(); // nothing until release: it might become a long press
        level(false, 50);
        assertThat(mute.muted()).isTrue();
        assertThat(MuteState.load(dataDir, false).muted()).isTrue();
        level(true, 100);
        level(false, 50);
        assertThat(mute.muted()).isFalse();
        assertThat(conversationEvents).isEmpty();
    }

    @Test
    void longPressStartsThenEndsAConversationWithoutTouchingMute() {
        level(true, 1_600);
        assertThat(conversationEvents).containsExactly("start:button"); // fired while still held
        level(false, 100);
        level(true, 2_000);
        level(false, 100);
        assertThat(conversationEvents).containsExactly("start:button", "end:button");
        assertThat(mute.muted()).isFalse();
    }

    @Test
    void holdingOnForFourLongPressesForgetsOnceAndEndsTheConversation() {
        level(true, 1_600);
        assertThat(conversationEvents).containsExactly("start:button");
        assertThat(forgets).hasValue(0);
        level(true, 4_500); // 6.1 s held in all (long press 1.5 s x 4)
        assertThat(forgets).hasValue(1);
        assertThat(conversationEvents).containsExactly("start:button", "end:button");
        level(true, 5_000);
        level(false, 100);
        assertThat(forgets).hasValue(1);
        assertThat(mute.muted()).isFalse();
    }

    @Test
    void aBouncyPressCountsOnce() {
        for (int i = 0; i < 5; i++) { // contact bounce: 2 ms up, 2 ms down
            level(true, 2);
            level(false, 2);
        }
        level(true, 300);
        for (int i = 0; i < 4; i++) {
            level(false, 3);
            level(true, 3);
        }
        level(false, 100);
        assertThat(mute.muted()).isTrue();
        assertThat(conversationEvents).isEmpty();
    }

    @Test
    void aGlitchShorterThanTheDebounceIsNoPress() {
        level(true, 10);
        level(false, 500);
        assertThat(mute.muted()).isFalse();
    }

    @Test
    void theLedFollowsTheAgentState() {
        MockDigitalOutput led = hw.context().io("voc-led", MockDigitalOutput.class);
        light.tick(clock.get()); // STARTING: double flash, on at first
        assertThat(light.state()).isEqualTo(AgentState.STARTING);
        assertThat(led.state()).isEqualTo(DigitalState.HIGH);
        light.tick(clock.get() + 200);
        assertThat(led.state()).isEqualTo(DigitalState.LOW);

        light.started();
        light.tick(clock.get() + 300);
        assertThat(light.state()).isEqualTo(AgentState.LISTENING);
        assertThat(led.state()).isEqualTo(DigitalState.HIGH);

        mute.set(true, MuteState.COMMAND);
        long t = clock.get() + 1_000;
        light.tick(t);
        assertThat(light.state()).isEqualTo(AgentState.MUTED);
        assertThat(led.state()).isEqualTo(DigitalState.HIGH); // the blip
        light.tick(t + 500);
        assertThat(led.state()).isEqualTo(DigitalState.LOW);

        mute.set(false, MuteState.COMMAND);
        light.setOffline(true);
        light.tick(t += 10_000);
        assertThat(light.state()).isEqualTo(AgentState.BUFFERING_OFFLINE);
        assertThat(led.state()).isEqualTo(DigitalState.HIGH);
        light.tick(t + 1_500);
        assertThat(led.state()).isEqualTo(DigitalState.LOW);

        light.setError("capture device gone");
        light.tick(t += 10_000);
        light.tick(t + 130);
        assertThat(light.state()).isEqualTo(AgentState.ERROR);
        assertThat(led.state()).isEqualTo(DigitalState.LOW);
        mute.set(true, MuteState.BUTTON);
        light.tick(t + 10_000);
        assertThat(light.state()).as("mute wins over an error").isEqualTo(AgentState.MUTED);

        hw.close();
        assertThat(led.state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void theRingGetsApa102FramesOnlyWhenItsPictureChanges() {
        assertThat(hw.context()
                        .io("voc-ring-power", com.pi4j.io.gpio.digital.DigitalOutput.class)
                        .state())
                .as("the 4/6-mic HATs' LED supply (GPIO 5) is switched on")
                .isEqualTo(DigitalState.HIGH);
        MockSpi spi = hw.context().io("voc-ring", MockSpi.class);
        light.started();
        light.tick(clock.get());
        assertThat(spi.readEntireMockBuffer()).containsExactly(Apa102.uniform(12, 0x00FF00, 8));
        light.tick(clock.get() + 50);
        assertThat(spi.readEntireMockBuffer()).as("solid green is written once").isEmpty();

        mute.set(true, MuteState.BUTTON);
        light.tick(clock.get() + 100);
        assertThat(spi.readEntireMockBuffer()).containsExactly(Apa102.uniform(12, 0xFF0000, 8));

        mute.set(false, MuteState.BUTTON);
        light.setOffline(true);
        long t = clock.get() + 200;
        light.tick(t);
        assertThat(spi.readEntireMockBuffer()).containsExactly(Apa102.uniform(12, 0xFF8000, 8));
        light.tick(t + 1_200);
        assertThat(spi.readEntireMockBuffer()).as("slow blink, dark half").containsExactly(Apa102.uniform(12, 0, 8));

        hw.close();
        assertThat(spi.readEntireMockBuffer()).containsExactly(Apa102.uniform(12, 0, 0));
    }

    @Test
    void withoutGpioTheAgentRunsWithoutHardware() {
        Hardware none = Hardware.start(
                HardwareConfig.defaults(),
                new StatusLight(clock::get),
                p -> {},
                c -> {
                    throw new AssertionError("Pi4J must not be asked without a GPIO chip");
                },
                p -> false,
                clock::get,
                false);
        assertThat(none.available()).isFalse();
        assertThat(none.problem()).contains("no /dev/gpiochip0");
        none.light().setMuted(true);
        none.light().tick(); // no outputs: harmless
        none.close();

        Hardware disabled = Hardware.start(HardwareConfig.disabled(), new StatusLight(clock::get), p -> {});
        assertThat(disabled.available()).isFalse();
        assertThat(disabled.problem()).contains("hardware.enabled: false");
    }

    @Test
    void thisMachineHasNoGpioSoTheRealStartSaysSo() {
        Hardware real = Hardware.start(HardwareConfig.defaults(), new StatusLight(clock::get), p -> {});
        try {
            if (!java.nio.file.Files.exists(Path.of("/dev/gpiochip0"))) {
                assertThat(real.available()).isFalse();
                assertThat(real.problem()).contains("/dev/gpiochip0");
            }
        } finally {
            real.close();
        }
    }
}
