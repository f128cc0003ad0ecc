package io.vocedge.device.hardware;

import java.util.function.Consumer;

/** The single status LED: on/off patterns only (one colour). */
public final class GpioLed implements LightOutput {
    private final Consumer<Boolean> pin;
    private Boolean last;

    /** @param pin drives the LED: true = lit (the caller maps active-low wiring) */
    public GpioLed(Consumer<Boolean> pin) {
        this.pin = pin;
    }

    @Override
    public synchronized void show(AgentState state, long elapsedMs) {
        set(state.ledPattern().on(elapsedMs));
    }

    private void set(boolean on) {
        if (last == null || last != on) {
            pin.accept(on);
            last = on;
        }
    }

    @Override
    public synchronized void close() {
        set(false);
    }
}
