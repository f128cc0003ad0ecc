package io.vocedge.device.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.common.config.ConfigNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final Pattern GPIO_CHIP = Pattern.compile("gpiochip\\d{1,2}");

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
        return new HardwareConfig(
                true,
                "gpiochip0",
                false,
                new Button(DEFAULT_BUTTON_PIN, true, 1500, 30),
                new Led(DEFAULT_LED_PIN, false),
                null);
    }

    /** Nothing at all: for machines that must not touch GPIO. */
    public static HardwareConfig disabled() {
        return new HardwareConfig(false, "gpiochip0", false, null, null, null);
    }

    /**
     * Parses a section handed over as a tree (tests, tools) exactly like the file's {@code hardware:} (a missing
     * section gives {@link #defaults()}); every problem is reported at once, each with the key's path and the fix.
     */
    public static HardwareConfig parse(JsonNode section) throws ConfigException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (section != null && !section.isMissingNode()) {
            root.set("hardware", section);
        }
        ConfigDocument doc = ConfigDocument.of(root, "hardware section");
        HardwareConfig c = read(doc.root());
        doc.finish();
        return c;
    }

    /**
     * Reads {@code hardware} from the config's root mapping: absent = {@link #defaults()}, {@code false} = no GPIO at
     * all, or a mapping whose parts ({@code button}, {@code led}, {@code ring}) may each be {@code false}.
     */
    public static HardwareConfig read(ConfigNode root) {
        HardwareConfig d = defaults();
        Optional<JsonNode> raw = root.raw("hardware");
        if (raw.isEmpty()) {
            return d;
        }
        if (raw.get().isBoolean()) {
            return raw.get().booleanValue() ? d : disabled();
        }
        if (!raw.get().isObject()) {
            root.problem("hardware", "expected a mapping (see device/docs/hardware.md) or false");
            return d;
        }
        ConfigNode hw = root.section("hardware");
        int before = hw.document().problemCount();
        boolean enabled = hw.bool("enabled", true);
        boolean startMuted = hw.bool("start_muted", false);
        String chip = hw.string(
                "gpio_chip",
                d.gpioChip(),
                GPIO_CHIP,
                "use gpiochipN as listed by 'gpiodetect' (the one labelled pinctrl-...)");

        Button button = null;
        Optional<ConfigNode> b = part(hw, "button", "{pin: 17}");
        if (b != null) {
            ConfigNode n = b.orElse(null);
            int pin = pin(n, DEFAULT_BUTTON_PIN);
            long debounce = range(n, "debounce_ms", 30, 5, 200, "5-200 ms (30 suits most push buttons)");
            long longPress = range(
                    n,
                    "long_press_ms",
                    1500,
                    300,
                    10_000,
                    "300-10000 ms (staff hold the button this long to start or end a conversation)");
            button = new Button(pin, n == null || n.bool("active_low", true), longPress, debounce);
        }

        Led led = null;
        Optional<ConfigNode> l = part(hw, "led", "{pin: 27}");
        if (l != null) {
            ConfigNode n = l.orElse(null);
            led = new Led(pin(n, DEFAULT_LED_PIN), n != null && n.bool("active_low", false));
        }

        Ring ring = null;
        Optional<ConfigNode> r = hw.has("ring") ? part(hw, "ring", "{leds: 12}") : null;
        if (r != null) {
            ConfigNode n = r.orElse(null);
            ring = new Ring(
                    (int) range(n, "spi_bus", 0, 0, 6, "0-6 (/dev/spidevBUS.CS; the HATs use 0)"),
                    (int) range(n, "spi_cs", 0, 0, 2, "0-2 (/dev/spidevBUS.CS; the HATs use 0)"),
                    (int) range(
                            n,
                            "leds",
                            12,
                            1,
                            255,
                            "the number of LEDs: 3 on the ReSpeaker 2-mic HAT, 12 on the 4- and 6-mic"),
                    (int) range(n, "brightness", 8, 0, 31, "0-31 (APA102 global brightness; 8 is comfortable indoors)"),
                    (int) range(n, "speed_hz", 4_000_000, 100_000, 32_000_000, "100000-32000000 Hz"),
                    n != null && n.has("power_pin")
                            ? (Integer) (int) range(
                                    n,
                                    "power_pin",
                                    5,
                                    2,
                                    27,
                                    "the BCM GPIO that powers the LEDs: 5 on the ReSpeaker 4- and 6-mic HATs")
                            : null);
        }
        if (hw.document().problemCount() > before) {
            return d;
        }
        if (ring != null
                && ring.powerPin() != null
                && ((button != null && button.pin() == ring.powerPin())
                        || (led != null && led.pin() == ring.powerPin()))) {
            hw.problem("ring.power_pin", ring.powerPin() + " is also the button or LED pin: each needs its own GPIO");
        }
        if (button != null && led != null && button.pin() == led.pin()) {
            hw.problem(
                    "button.pin",
                    "hardware.button.pin and hardware.led.pin are both " + button.pin()
                            + ": wire them to different GPIOs");
        }
        if (ring != null && ring.spiBus() == 0) {
            for (var p : List.of(
                    button == null ? -1 : button.pin(),
                    led == null ? -1 : led.pin(),
                    ring.powerPin() == null ? -1 : ring.powerPin())) {
                if (p == 9 || p == 10 || p == 11 || p == 8 || p == 7) {
                    hw.problem(
                            null,
                            "GPIO " + p
                                    + " is an SPI0 pin used by the LED ring: move the button or LED to another GPIO");
                }
            }
        }
        return new HardwareConfig(enabled, chip, startMuted, button, led, ring);
    }

    /**
     * A part that may be a mapping or {@code true}/{@code false}: null when it is switched off, an empty optional for
     * the part's defaults ({@code true}, or absent), else its mapping.
     */
    private static Optional<ConfigNode> part(ConfigNode hw, String key, String example) {
        Optional<JsonNode> v = hw.raw(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get().isBoolean()) {
            return v.get().booleanValue() ? Optional.empty() : null;
        }
        if (!v.get().isObject()) {
            hw.problem(key, "expected a mapping like " + example + " or false");
            return Optional.empty();
        }
        return Optional.of(hw.section(key));
    }

    private static int pin(ConfigNode node, int fallback) {
        return (int) range(
                node,
                "pin",
                fallback,
                2,
                27,
                "a BCM GPIO number 2-27 (not the physical pin: physical pin 11 is BCM 17)");
    }

    /** A whole number in min..max; a wrong value's message says what to use ({@code fix}). */
    private static long range(ConfigNode node, String key, long fallback, long min, long max, String fix) {
        Optional<JsonNode> v = node == null ? Optional.empty() : node.raw(key);
        if (v.isEmpty()) {
            return fallback;
        }
        JsonNode j = v.get();
        if (!j.isIntegralNumber() || !j.canConvertToLong()) {
            node.problem(key, "use " + fix + ", got " + (j.isTextual() ? "\"" + j.asText() + "\"" : j.toString()));
            return fallback;
        }
        long n = j.longValue();
        if (n < min || n > max) {
            node.problem(key, "use " + fix + ", got " + n);
            return fallback;
        }
        return n;
    }

    /** The section as {@code config check} prints it. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled);
        m.put("gpio_chip", gpioChip);
        m.put("start_muted", startMuted);
        m.put(
                "button",
                button == null
                        ? false
                        : new LinkedHashMap<>(Map.of(
                                "pin",
                                button.pin(),
                                "active_low",
                                button.activeLow(),
                                "long_press_ms",
                                button.longPressMs(),
                                "debounce_ms",
                                button.debounceMs())));
        m.put(
                "led",
                led == null ? false : new LinkedHashMap<>(Map.of("pin", led.pin(), "active_low", led.activeLow())));
        if (ring == null) {
            m.put("ring", false);
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("spi_bus", ring.spiBus());
            r.put("spi_cs", ring.spiCs());
            r.put("leds", ring.leds());
            r.put("brightness", ring.brightness());
            r.put("speed_hz", ring.speedHz());
            r.put("power_pin", ring.powerPin());
            m.put("ring", r);
        }
        return m;
    }
}
