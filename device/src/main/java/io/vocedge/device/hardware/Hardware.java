package io.vocedge.device.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MuteState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.tinylog.Logger;

/**
 * The device's own hardware through Pi4J: the privacy button and the status light (single LED and/or APA102 ring).
 * {@link #start} never throws: on a machine without GPIO (or when Pi4J cannot load) it logs one line
 * {@code event=hardware_unavailable reason=...} and the agent runs without it; the {@link StatusLight} still exists
 * (with no outputs) so the agent feeds it the same way everywhere. A part that fails on its own (SPI not enabled)
 * is logged with its fix and left out; the others work.
 *
 * <p>Pi4J providers: GPIO through libgpiod's character device (gpiod plugin) - the kernel's supported GPIO
 * interface on both Pi 4 and Pi 5 (the Pi 5's header sits behind the RP1 chip, where pigpio and /dev/mem do not
 * work, and sysfs GPIO is deprecated); SPI through /dev/spidevB.C (linuxfs plugin), the same on both.
 */
public final class Hardware implements AutoCloseable {
    /** Creates the Pi4J context; the mock platform in tests. */
    @FunctionalInterface
    public interface ContextFactory {
        Context create(HardwareConfig config);
    }

    private final HardwareConfig config;
    private final StatusLight light;
    private final String problem;
    private final Context context;
    private final PrivacyButton button;
    private final boolean led;
    private final boolean ring;
    private ScheduledExecutorService ticker;

    private Hardware(
            HardwareConfig config,
            StatusLight light,
            String problem,
            Context context,
            PrivacyButton button,
            boolean led,
            boolean ring) {
        this.config = config;
        this.light = light;
        this.problem = problem;
        this.context = context;
        this.button = button;
        this.led = led;
        this.ring = ring;
    }

    /** What a press does in the agent: short toggles mute, long starts or ends a conversation. */
    public static Consumer<PrivacyButton.Press> agentActions(MuteState mute, ConversationControl conversations) {
        return agentActions(
                mute, conversations, () -> Logger.warn("event=forget_gesture_ignored reason=\"not wired\""));
    }

    /**
     * As above, and holding on (the forget gesture) ends the conversation the long press toggled and runs
     * {@code forget} (the agent forgets the last minutes).
     */
    public static Consumer<PrivacyButton.Press> agentActions(
            MuteState mute, ConversationControl conversations, Runnable forget) {
        return press -> {
            switch (press) {
                case SHORT -> mute.toggle(MuteState.BUTTON);
                case LONG -> conversations.toggleConversation(MuteState.BUTTON);
                case FORGET -> {
                    if (conversations.inConversation()) {
                        conversations.endConversation(MuteState.BUTTON);
                    }
                    forget.run();
                }
            }
        };
    }

    /** Starts on the real Raspberry Pi GPIO (libgpiod + spidev), or says once why not and returns a stand-in. */
    public static Hardware start(HardwareConfig config, StatusLight light, Consumer<PrivacyButton.Press> onPress) {
        return start(
                config,
                light,
                onPress,
                Hardware::raspberryPiContext,
                Files::exists,
                () -> System.nanoTime() / 1_000_000,
                true);
    }

    /**
     * @param deviceExists checks /dev/gpiochipN and /dev/spidevB.C before Pi4J is asked (its errors are cryptic)
     * @param runTicker false in tests, which drive {@link StatusLight#tick()} and {@link PrivacyButton#poll()}
     */
    public static Hardware start(
            HardwareConfig config,
            StatusLight light,
            Consumer<PrivacyButton.Press> onPress,
            ContextFactory contexts,
            Predicate<Path> deviceExists,
            LongSupplier clockMs,
            boolean runTicker) {
        if (!config.enabled()) {
            return unavailable(config, light, "disabled in the config (hardware.enabled: false)");
        }
        Path chip = Path.of("/dev", config.gpioChip());
        if (!deviceExists.test(chip)) {
            return unavailable(
                    config,
                    light,
                    "no " + chip + ": not a Raspberry Pi, or GPIO is not exposed to this system;"
                            + " the agent runs without button and status light");
        }
        Context ctx;
        try {
            ctx = contexts.create(config);
        } catch (RuntimeException | LinkageError e) {
            return unavailable(
                    config,
                    light,
                    "Pi4J could not start (" + e.getMessage() + "): check that the agent's user is in"
                            + " the gpio group and that " + chip + " is the header's chip (gpiodetect)");
        }
        PrivacyButton button = null;
        boolean led = false;
        boolean ring = false;
        if (config.button() != null) {
            try {
                button = startButton(ctx, config.button(), onPress, clockMs);
            } catch (RuntimeException | LinkageError e) {
                partUnavailable(
                        "button",
                        e,
                        "check hardware.button.pin (BCM number) and that nothing else holds the line"
                                + " (gpioinfo; a running agent holds it during selftest: stop it first)");
            }
        }
        if (config.led() != null) {
            try {
                light.addOutput(startLed(ctx, config.led()));
                led = true;
            } catch (RuntimeException | LinkageError e) {
                partUnavailable("led", e, "check hardware.led.pin (BCM number) and that nothing else holds the line");
            }
        }
        if (config.ring() != null) {
            HardwareConfig.Ring r = config.ring();
            Path dev = Path.of("/dev/spidev" + r.spiBus() + "." + r.spiCs());
            if (!deviceExists.test(dev)) {
                Logger.warn(
                        "event=hardware_part_unavailable part=ring reason=\"no {}\" fix=\"enable SPI: dtparam=spi=on in"
                                + " /boot/firmware/config.txt (raspi-config, Interface Options, SPI), then reboot\"",
                        dev);
            } else {
                try {
                    light.addOutput(startRing(ctx, r));
                    ring = true;
                } catch (RuntimeException | LinkageError e) {
                    partUnavailable(
                            "ring",
                            e,
                            "check hardware.ring.spi_bus/spi_cs and that the agent's user is in the spi group");
                }
            }
        }
        Hardware hw = new Hardware(config, light, null, ctx, button, led, ring);
        Logger.info(
                "event=hardware_started chip={} button={} led={} ring={}",
                config.gpioChip(),
                button == null ? "none" : "BCM" + config.button().pin(),
                led ? "BCM" + config.led().pin() : "none",
                ring ? config.ring().leds() + "x APA102" : "none");
        if (runTicker) {
            hw.startTicker();
        }
        return hw;
    }

    private static Hardware unavailable(HardwareConfig config, StatusLight light, String reason) {
        Logger.warn("event=hardware_unavailable reason=\"{}\"", reason);
        return new Hardware(config, light, reason, null, null, false, false);
    }

    private static void partUnavailable(String part, Throwable e, String fix) {
        Logger.warn("event=hardware_part_unavailable part={} reason=\"{}\" fix=\"{}\"", part, e.getMessage(), fix);
    }

    private static Context raspberryPiContext(HardwareConfig config) {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(
                        GpioDDigitalInputProvider.newInstance(),
                        GpioDDigitalOutputProvider.newInstance(),
                        LinuxFsSpiProvider.newInstance())
                .setGpioChipName(config.gpioChip())
                .build();
    }

    private static PrivacyButton startButton(
            Context ctx, HardwareConfig.Button cfg, Consumer<PrivacyButton.Press> onPress, LongSupplier clockMs) {
        PrivacyButton button = new PrivacyButton(cfg.debounceMs(), cfg.longPressMs(), clockMs, press -> {
            Logger.info("event=button_press kind={}", press);
            try {
                onPress.accept(press);
            } catch (RuntimeException e) {
                Logger.error(e, "event=button_action_failed kind={}", press);
            }
        });
        DigitalInput in = ctx.create(DigitalInput.newConfigBuilder(ctx)
                .id("voc-button")
                .name("privacy button")
                .address(cfg.pin())
                .pull(cfg.activeLow() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                .debounce(3L, TimeUnit.MILLISECONDS));
        boolean activeLow = cfg.activeLow();
        in.addListener(e -> button.onLevel(e.state() == (activeLow ? DigitalState.LOW : DigitalState.HIGH)));
        return button;
    }

    private static GpioLed startLed(Context ctx, HardwareConfig.Led cfg) {
        DigitalState off = cfg.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
        DigitalState on = cfg.activeLow() ? DigitalState.LOW : DigitalState.HIGH;
        DigitalOutput out = ctx.create(DigitalOutput.newConfigBuilder(ctx)
                .id("voc-led")
                .name("status LED")
                .address(cfg.pin())
                .initial(off)
                .shutdown(off));
        return new GpioLed(lit -> out.state(lit ? on : off));
    }

    private static Apa102Ring startRing(Context ctx, HardwareConfig.Ring cfg) {
        if (cfg.powerPin() != null) {
            // The 4- and 6-mic HATs switch the LEDs' supply with a GPIO; without it the ring stays dark.
            ctx.create(DigitalOutput.newConfigBuilder(ctx)
                    .id("voc-ring-power")
                    .name("LED ring power")
                    .address(cfg.powerPin())
                    .initial(DigitalState.HIGH)
                    .shutdown(DigitalState.LOW));
        }
        Spi spi = ctx.create(Spi.newConfigBuilder(ctx)
                .id("voc-ring")
                .name("APA102 ring")
                .bus(cfg.spiBus())
                .channel(cfg.spiCs())
                .mode(SpiMode.MODE_0)
                .baud(cfg.speedHz()));
        return new Apa102Ring(spi::write, cfg.leds(), cfg.brightness());
    }

    private void startTicker() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "voc-hardware");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> Logger.error(e, "event=thread_died thread={}", th.getName()));
            return t;
        });
        if (button != null) {
            ticker.scheduleAtFixedRate(guarded(button::poll), 10, 10, TimeUnit.MILLISECONDS);
        }
        ticker.scheduleAtFixedRate(guarded(light::tick), 0, 50, TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                Logger.error(e, "event=hardware_tick_failed");
            }
        };
    }

    /** Whether GPIO is in use (false: no GPIO here, disabled, or Pi4J failed; see {@link #problem()}). */
    public boolean available() {
        return context != null;
    }

    /** Why the hardware is not in use, or null. */
    public String problem() {
        return problem;
    }

    public StatusLight light() {
        return light;
    }

    public HardwareConfig config() {
        return config;
    }

    /** The button's press logic, or null when there is no working button. */
    PrivacyButton button() {
        return button;
    }

    public boolean hasButton() {
        return button != null;
    }

    public boolean hasLed() {
        return led;
    }

    public boolean hasRing() {
        return ring;
    }

    /** Pi4J's context (tests reach the mock I/O through it), or null. */
    Context context() {
        return context;
    }

    /** Stops the ticker, turns the lights off and releases the GPIO lines. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (context != null) {
            light.close();
            try {
                context.shutdown();
            } catch (RuntimeException e) {
                Logger.warn("event=hardware_close_failed reason=\"{}\"", e.getMessage());
            }
        }
    }
}
