package io.vocedge.device.hardware;

/**
 * What the status light shows, with the ring colour and the patterns of the ring and of the single LED. The
 * table is the one staff see in device/docs/hardware.md; change both together.
 *
 * <p>Priority when several apply: MUTED (privacy is what staff must be able to trust at a glance), then ERROR,
 * STARTING, BUFFERING_OFFLINE, LISTENING.
 */
public enum AgentState {
    STARTING(0x0000FF, "blue", LightPattern.DOUBLE_FLASH, LightPattern.DOUBLE_FLASH),
    LISTENING(0x00FF00, "green", LightPattern.SOLID, LightPattern.SOLID),
    MUTED(0xFF0000, "red", LightPattern.SOLID, LightPattern.BLIP),
    BUFFERING_OFFLINE(0xFF8000, "amber", LightPattern.SLOW_BLINK, LightPattern.SLOW_BLINK),
    ERROR(0xFF00FF, "magenta", LightPattern.FAST_BLINK, LightPattern.FAST_BLINK);

    private final int rgb;
    private final String colourName;
    private final LightPattern ringPattern;
    private final LightPattern ledPattern;

    AgentState(int rgb, String colourName, LightPattern ringPattern, LightPattern ledPattern) {
        this.rgb = rgb;
        this.colourName = colourName;
        this.ringPattern = ringPattern;
        this.ledPattern = ledPattern;
    }

    /** 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    public String colourName() {
        return colourName;
    }

    public LightPattern ringPattern() {
        return ringPattern;
    }

    public LightPattern ledPattern() {
        return ledPattern;
    }
}
