package io.vocedge.device.hardware;

import java.util.Arrays;
import java.util.function.Consumer;

/** The APA102 LED ring: every LED in the state's colour, blinking with the state's ring pattern. */
public final class Apa102Ring implements LightOutput {
    private final Consumer<byte[]> spi;
    private final int leds;
    private final int brightness;
    private byte[] last;

    /** @param spi writes one complete frame to the SPI device */
    public Apa102Ring(Consumer<byte[]> spi, int leds, int brightness) {
        this.spi = spi;
        this.leds = leds;
        this.brightness = brightness;
    }

    @Override
    public synchronized void show(AgentState state, long elapsedMs) {
        write(Apa102.uniform(leds, state.ringPattern().on(elapsedMs) ? state.rgb() : 0, brightness));
    }

    private void write(byte[] frame) {
        if (last == null || !Arrays.equals(last, frame)) {
            spi.accept(frame);
            last = frame;
        }
    }

    @Override
    public synchronized void close() {
        write(Apa102.uniform(leds, 0, 0));
    }
}
