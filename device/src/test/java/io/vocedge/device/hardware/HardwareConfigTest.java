package io.vocedge.device.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vocedge.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class HardwareConfigTest {
    private static JsonNode yaml(String s) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(s);
    }

    @Test
    void missingSectionMeansDefaultButtonAndLed() throws Exception {
        HardwareConfig c = HardwareConfig.parse(MissingNode.getInstance());
        assertThat(c.enabled()).isTrue();
        assertThat(c.button()).isEqualTo(new HardwareConfig.Button(17, true, 1500, 30));
        assertThat(c.led()).isEqualTo(new HardwareConfig.Led(27, false));
        assertThat(c.ring()).isNull();
    }

    @Test
    void fullSection() throws Exception {
        HardwareConfig c = HardwareConfig.parse(yaml("""
                gpio_chip: gpiochip4
                start_muted: true
                button: {pin: 5, active_low: false, long_press_ms: 2000, debounce_ms: 50}
                led: false
                ring: {leds: 3, brightness: 4}
                """));
        assertThat(c.gpioChip()).isEqualTo("gpiochip4");
        assertThat(c.startMuted()).isTrue();
        assertThat(c.button()).isEqualTo(new HardwareConfig.Button(5, false, 2000, 50));
        assertThat(c.led()).isNull();
        assertThat(c.ring()).isEqualTo(new HardwareConfig.Ring(0, 0, 3, 4, 4_000_000));
        assertThat(HardwareConfig.parse(yaml("false")).enabled()).isFalse();
        assertThat(HardwareConfig.parse(yaml("{ring: {}}")).ring().leds()).isEqualTo(12);
        assertThat(HardwareConfig.parse(yaml("{ring: {power_pin: 5}}")).ring().powerPin())
                .isEqualTo(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HardwareConfig.parse(yaml("{ring: {power_pin: 40}}")))
                .hasMessageContaining("hardware.ring.power_pin");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> HardwareConfig.parse(yaml("{led: {pin: 5}, ring: {power_pin: 5}}")))
                .hasMessageContaining("each needs its own GPIO");
    }

    @Test
    void everyProblemNamesTheFieldAndTheFix() throws Exception {
        assertThatThrownBy(() -> HardwareConfig.parse(yaml("""
                button: {pin: 40, long_press_ms: abc, debounce: 3}
                led: {pin: 40}
                ring: {brightness: 99, leds: 0}
                gpio_chip: /dev/gpiochip0
                """)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactlyInAnyOrder(
                                "hardware.button.debounce: unknown key (did you mean 'debounce_ms'?); known keys: pin, debounce_ms, "
                                        + "long_press_ms, active_low",
                                "hardware.button.pin: use a BCM GPIO number 2-27 (not the physical pin: physical pin 11 is BCM 17), got 40",
                                "hardware.button.long_press_ms: use 300-10000 ms (staff hold the button this long to start or end a "
                                        + "conversation), got \"abc\"",
                                "hardware.led.pin: use a BCM GPIO number 2-27 (not the physical pin: physical pin 11 is BCM 17), got 40",
                                "hardware.ring.leds: use the number of LEDs: 3 on the ReSpeaker 2-mic HAT, 12 on the 4- and 6-mic, got 0",
                                "hardware.ring.brightness: use 0-31 (APA102 global brightness; 8 is comfortable indoors), got 99",
                                "hardware.gpio_chip: use gpiochipN as listed by 'gpiodetect' (the one labelled pinctrl-...), got "
                                        + "\"/dev/gpiochip0\""));
    }

    @Test
    void clashingPinsAreRefused() throws Exception {
        assertThatThrownBy(() -> HardwareConfig.parse(yaml("{button: {pin: 22}, led: {pin: 22}}")))
                .hasMessageContaining("hardware.button.pin and hardware.led.pin are both 22");
        assertThatThrownBy(() -> HardwareConfig.parse(yaml("{button: {pin: 10}, ring: {}}")))
                .hasMessageContaining("GPIO 10 is an SPI0 pin");
    }
}
