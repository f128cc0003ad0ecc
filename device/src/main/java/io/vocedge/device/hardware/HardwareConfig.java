package io.vocedge.device.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocedge.device.config.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code hardware:} section of the device config. Everything is optional; a missing section means the
 * defaults below (privacy button on BCM 17, status LED on BCM 27, no LED ring). Set a part to {@code false} to
 * leave it out, or {@code enabled: false} to never touch GPIO at all.
 *
 * <pre>
 * hardware:
 *   enabled: true
 *   gpio_chip: gpiochip0          # /dev/gpiochip0 carries the 40-pin header on Pi 4 and on Pi 5 (kernel 6.6.47+)
 *   start_muted: false            # state before the first mute/unmute ever (later the data_dir/mute file rules)
 *   button: {pin: 17, active_low: true, long_press_ms: 1500, debounce_ms: 30}
 *   led: {pin: 27, active_low: false}
 *   ring: {spi_bus: 0, spi_cs: 0, leds: 12, brightness: 8, speed_hz: 4000000, power_pin: 5}
 *                                 # ReSpeaker 2-mic HAT: leds 3, no power_pin; 4- and 6-mic HATs: power_pin 5 (LED supply enable)
 * </pre>
 *
 * @param button null when there is no button
 * @param led null when there is no single LED
 * @param ring null when there is no APA102 ring
 */
public record HardwareConfig(boolean enabled, String gpioChip, boolean startMuted, Button button, Led led, Ring ring) {
    public static final int DEFAULT_BUTTON_PIN = 17;
    public static final int DEFAULT_LED_PIN = 27;

    /** A push button between a GPIO and ground (active low, internal pull-up) or 3.3 V (active high, pull-down). */
    public record Button(int pin, boolean activeLow, long longPressMs, long debounceMs) {}

    /** One LED (with its resistor) driven by a GPIO; active low when it is wired to 3.3 V through the GPIO. */
    public record Led(int pin, boolean activeLow) {}

    /**
     * APA102 LEDs on /dev/spidev{bus}.{cs}; brightness is the APA102 global level 0-31. {@code powerPin}: a GPIO that
     * must be driven high to power the LEDs (GPIO 5 on the ReSpeaker 4- and 6-mic HATs), or null.
     */
    public record Ring(int spiBus, int spiCs, int leds, int brightness, int speedHz, Integer powerPin) {
        public Ring(int spiBus, int spiCs, int leds, int brightness, int speedHz) {
            this(spiBus, spiCs, leds, brightness, speedHz, null);
        }
    }

    public static HardwareConfig defaults() {
        return new HardwareConfig(true, "gpiochip0", false, new Button(DEFAULT_BUTTON_PIN, true, 1500, 30),
                new Led(DEFAULT_LED_PIN, false), null);
    }

    /** Nothing at all: for machines that must not touch GPIO. */
    public static HardwareConfig disabled() {
        return new HardwareConfig(false, "gpiochip0", false, null, null, null);
    }

    /**
     * Parses the section (a missing section gives {@link #defaults()}); every problem is reported at once, each with
     * the field and the fix.
     */
    public static HardwareConfig parse(JsonNode section) throws ConfigException {
        HardwareConfig d = defaults();
        if (section == null || section.isMissingNode() || section.isNull()) {
            return d;
        }
        List<String> errors = new ArrayList<>();
        if (section.isBoolean()) {
            return section.asBoolean() ? d : disabled();
        }
        if (!section.isObject()) {
            throw new ConfigException("hardware", List.of("hardware: expected a mapping (see device/docs/hardware.md) or false"));
        }
        unknownKeys(section, "hardware", Set.of("enabled", "gpio_chip", "start_muted", "button", "led", "ring"), errors);
        boolean enabled = bool(section, "enabled", "hardware.enabled", true, errors);
        boolean startMuted = bool(section, "start_muted", "hardware.start_muted", false, errors);
        String chip = section.path("gpio_chip").asText(d.gpioChip());
        if (!chip.matches("gpiochip\\d{1,2}")) {
            errors.add("hardware.gpio_chip '" + chip + "': use gpiochipN as listed by 'gpiodetect' (the one labelled pinctrl-...)");
        }

        Button button = null;
        JsonNode b = section.get("button");
        if (present(b)) {
            String f = "hardware.button";
            if (b != null && b.isObject()) {
                unknownKeys(b, f, Set.of("pin", "active_low", "long_press_ms", "debounce_ms"), errors);
            } else if (b != null && !b.isBoolean()) {
                errors.add(f + ": expected a mapping like {pin: 17} or false");
            }
            int pin = pin(b, f + ".pin", DEFAULT_BUTTON_PIN, errors);
            long debounce = range(b, "debounce_ms", f + ".debounce_ms", 30, 5, 200, "5-200 ms (30 suits most push buttons)", errors);
            long longPress = range(b, "long_press_ms", f + ".long_press_ms", 1500, 300, 10_000,
                    "300-10000 ms (staff hold the button this long to start or end a conversation)", errors);
            button = new Button(pin, bool(b, "active_low", f + ".active_low", true, errors), longPress, debounce);
        }

        Led led = null;
        JsonNode l = section.get("led");
        if (present(l)) {
            String f = "hardware.led";
            if (l != null && l.isObject()) {
                unknownKeys(l, f, Set.of("pin", "active_low"), errors);
            } else if (l != null && !l.isBoolean()) {
                errors.add(f + ": expected a mapping like {pin: 27} or false");
            }
            led = new Led(pin(l, f + ".pin", DEFAULT_LED_PIN, errors), bool(l, "active_low", f + ".active_low", false, errors));
        }

        Ring ring = null;
        JsonNode r = section.get("ring");
        if (r != null && present(r)) {
            String f = "hardware.ring";
            if (r.isObject()) {
                unknownKeys(r, f, Set.of("spi_bus", "spi_cs", "leds", "brightness", "speed_hz", "power_pin"), errors);
            } else if (!r.isBoolean()) {
                errors.add(f + ": expected a mapping like {leds: 12} or false");
            }
            ring = new Ring(
                    (int) range(r, "spi_bus", f + ".spi_bus", 0, 0, 6, "0-6 (/dev/spidevBUS.CS; the HATs use 0)", errors),
                    (int) range(r, "spi_cs", f + ".spi_cs", 0, 0, 2, "0-2 (/dev/spidevBUS.CS; the HATs use 0)", errors),
                    (int) range(r, "leds", f + ".leds", 12, 1, 255, "the number of LEDs: 3 on the ReSpeaker 2-mic HAT, 12 on the 4- and 6-mic", errors),
                    (int) range(r, "brightness", f + ".brightness", 8, 0, 31, "0-31 (APA102 global brightness; 8 is comfortable indoors)", errors),
                    (int) range(r, "speed_hz", f + ".speed_hz", 4_000_000, 100_000, 32_000_000, "100000-32000000 Hz", errors),
                    r.has("power_pin") ? (Integer) (int) range(r, "power_pin", f + ".power_pin", 5, 2, 27,
                            "the BCM GPIO that powers the LEDs: 5 on the ReSpeaker 4- and 6-mic HATs", errors) : null);
        }
        if (ring != null && ring.powerPin() != null && ((button != null && button.pin() == ring.powerPin())
                || (led != null && led.pin() == ring.powerPin()))) {
            errors.add("hardware.ring.power_pin " + ring.powerPin() + " is also the button or LED pin: each needs its own GPIO");
        }
        if (button != null && led != null && button.pin() == led.pin()) {
            errors.add("hardware.button.pin and hardware.led.pin are both " + button.pin() + ": wire them to different GPIOs");
        }
        if (ring != null && ring.spiBus() == 0) {
            for (var p : List.of(button == null ? -1 : button.pin(), led == null ? -1 : led.pin(),
                    ring.powerPin() == null ? -1 : ring.powerPin())) {
                if (p == 9 || p == 10 || p == 11 || p == 8 || p == 7) {
                    errors.add("GPIO " + p + " is an SPI0 pin used by the LED ring: move the button or LED to another GPIO");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException("hardware", errors);
        }
        return new HardwareConfig(enabled, chip, startMuted, button, led, ring);
    }

    private static boolean present(JsonNode n) {
        return n == null || !(n.isNull() || (n.isBoolean() && !n.asBoolean()));
    }

    private static void unknownKeys(JsonNode node, String prefix, Set<String> known, List<String> errors) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                errors.add(prefix + "." + k + ": unknown setting; known are " + known.stream().sorted().toList());
            }
        }
    }

    private static int pin(JsonNode node, String field, int fallback, List<String> errors) {
        return (int) range(node, "pin", field, fallback, 2, 27,
                "a BCM GPIO number 2-27 (not the physical pin: physical pin 11 is BCM 17)", errors);
    }

    private static long range(JsonNode node, String key, String field, long fallback, long min, long max, String fix,
            List<String> errors) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToLong() || !(v.isIntegralNumber() || v.asText().matches("-?\\d+"))) {
            errors.add(field + " '" + v.asText() + "': use " + fix);
            return fallback;
        }
        long n = v.asLong();
        if (n < min || n > max) {
            errors.add(field + " " + n + ": use " + fix);
            return fallback;
        }
        return n;
    }

    private static boolean bool(JsonNode node, String key, String field, boolean fallback, List<String> errors) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            errors.add(field + " '" + v.asText() + "': use true or false");
            return fallback;
        }
        return v.asBoolean();
    }
}
