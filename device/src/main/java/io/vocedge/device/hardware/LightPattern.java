package io.vocedge.device.hardware;

/** How a light turns on and off over time, counted from the moment the state began. */
public enum LightPattern {
    /** Always on. */
    SOLID(0, 0, 0),
    /** 1 s on, 1 s off. */
    SLOW_BLINK(2000, 1000, 0),
    /** 125 ms on, 125 ms off (4 per second). */
    FAST_BLINK(250, 125, 0),
    /** Two 150 ms flashes, then dark, every 1.5 s. */
    DOUBLE_FLASH(1500, 150, 300),
    /** A 100 ms blip every 3 s: "powered, but deliberately dark". */
    BLIP(3000, 100, 0);

    private final long periodMs;
    private final long onMs;
    private final long secondFlashAtMs;

    LightPattern(long periodMs, long onMs, long secondFlashAtMs) {
        this.periodMs = periodMs;
        this.onMs = onMs;
        this.secondFlashAtMs = secondFlashAtMs;
    }

    /** Whether the light is on {@code elapsedMs} after the state began. */
    public boolean on(long elapsedMs) {
        if (periodMs == 0) {
            return true;
        }
        long t = Math.floorMod(elapsedMs, periodMs);
        if (t < onMs) {
            return true;
        }
        return secondFlashAtMs > 0 && t >= secondFlashAtMs && t < secondFlashAtMs + onMs;
    }

    /** Whether the output never changes within this state (so it is written once). */
    public boolean steady() {
        return periodMs == 0;
    }
}
