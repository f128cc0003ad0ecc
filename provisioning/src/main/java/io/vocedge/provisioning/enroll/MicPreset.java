package io.vocedge.provisioning.enroll;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Capture settings for the microphones we support, written into the device's {@code audio:} section at enrolment.
 * Names and channel layouts follow the vendors' documentation; none was verified on hardware in this project
 * (hardware-docs/ says so). The agent's {@code voc-device audio list} on the device shows the real names, and
 * {@code --mic-device} overrides the name substring.
 */
public enum MicPreset {
    /** A plain USB or laptop microphone: whatever the first capture device is, mono 16 kHz. */
    USB_MIC(null, 16_000, 1, "auto", null, "plain USB microphone"),
    /** ReSpeaker USB 4-Mic Array with the 6-channel firmware: channel 0 is the on-board DSP's beamformed output. */
    RESPEAKER_USB_4MIC(
            "ReSpeaker 4 Mic Array",
            16_000,
            6,
            "channel",
            0,
            "ReSpeaker USB 4-mic array, 6-channel firmware (channel 0 = on-board beamformed audio)"),
    /** ReSpeaker 2-Mic Pi HAT (WM8960 codec); its own button is on GPIO 17 (our default), 3 APA102 LEDs. */
    RESPEAKER_2MIC_HAT("seeed-2mic", 16_000, 2, "best", null, "ReSpeaker 2-mic Pi HAT"),
    /** ReSpeaker 4-Mic Array for Raspberry Pi (AC108 codec); 12 APA102 LEDs powered through GPIO 5. */
    RESPEAKER_4MIC_HAT("seeed-4mic", 16_000, 4, "best", null, "ReSpeaker 4-mic Pi HAT"),
    /**
     * A Bluetooth headset through PipeWire: HFP with mSBC is 16 kHz mono (CVSD is 8 kHz; the agent resamples).
     * OpenJDK's ALSA backend lists ALSA's "default" PCM (with pipewire-alsa: PipeWire's default source, which
     * pairing sets to the headset) and hardware cards, not plugin PCMs such as "pipewire".
     */
    BT_HEADSET("default", 16_000, 1, "auto", null, "Bluetooth headset (HFP profile) through PipeWire's default source");

    private final String device;
    private final int sampleRate;
    private final int channels;
    private final String combine;
    private final Integer channelIndex;
    private final String description;

    MicPreset(String device, int sampleRate, int channels, String combine, Integer channelIndex, String description) {
        this.device = device;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.combine = combine;
        this.channelIndex = channelIndex;
        this.description = description;
    }

    /** The CLI name, e.g. {@code respeaker-2mic-hat}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MicPreset parse(String name) {
        for (MicPreset p : values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown --mic '" + name + "': use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(MicPreset::cliName).collect(Collectors.joining(", "));
    }

    /** The {@code hardware:} section: the HATs' LED rings; other microphones leave the agent's defaults. */
    public String hardwareYaml() {
        return switch (this) {
            case RESPEAKER_2MIC_HAT ->
                "hardware:                        # the HAT's button is GPIO 17 (default) and its 3 LEDs\n"
                        + "  ring: {leds: 3}\n";
            case RESPEAKER_4MIC_HAT ->
                "hardware:                        # the HAT's 12 LEDs, powered through GPIO 5\n"
                        + "  ring: {leds: 12, power_pin: 5}\n";
            default -> "hardware: {}                     # button BCM 17, LED BCM 27 (device/docs/hardware.md)\n";
        };
    }

    /**
     * The {@code audio:} section as YAML lines (two-space indented), {@code deviceOverride} replacing the
     * preset's name substring when given. Names are restricted to a safe character set by the caller.
     */
    public String yaml(String deviceOverride) {
        String d = deviceOverride != null ? deviceOverride : device;
        StringBuilder y = new StringBuilder("audio:                           # " + description + "\n");
        if (d != null) {
            y.append("  device: \"")
                    .append(d)
                    .append("\"            # name substring; 'voc-device audio list' shows names\n");
        }
        y.append("  sample_rate: ").append(sampleRate).append('\n');
        y.append("  channels: ").append(channels).append('\n');
        y.append("  combine: ").append(combine).append('\n');
        if (channelIndex != null) {
            y.append("  channel_index: ").append(channelIndex).append('\n');
        }
        return y.toString();
    }
}
