package io.vocedge.device.hardware;

import java.util.Arrays;

/**
 * APA102 ("DotStar") frame encoding, as on the ReSpeaker 2/4/6-mic HATs: a start frame of 32 zero bits; per LED
 * one 32-bit frame {@code 0b111 + 5-bit global brightness}, blue, green, red; then an end frame. The end frame
 * must give the chain at least one extra clock edge per two LEDs (each LED delays the data by half a clock), so it
 * is {@code max(4, ceil(n / 16))} bytes. Zeros, not the datasheet's ones: 0xFF bytes would read as a full-white
 * frame for a LED beyond the configured count (a 12-LED ring configured as 3).
 */
public final class Apa102 {
    private Apa102() {}

    /** The bytes that set all {@code colours.length} LEDs (0xRRGGBB each) at {@code brightness} 0-31. */
    public static byte[] frame(int[] colours, int brightness) {
        if (brightness < 0 || brightness > 31) {
            throw new IllegalArgumentException("APA102 brightness is 0-31, got " + brightness);
        }
        int n = colours.length;
        int end = endFrameBytes(n);
        byte[] out = new byte[4 + 4 * n + end];
        int i = 4;
        for (int rgb : colours) {
            out[i++] = (byte) (0xE0 | brightness);
            out[i++] = (byte) (rgb & 0xFF);
            out[i++] = (byte) ((rgb >> 8) & 0xFF);
            out[i++] = (byte) ((rgb >> 16) & 0xFF);
        }
        return out;
    }

    /** All LEDs the same colour. */
    public static byte[] uniform(int leds, int rgb, int brightness) {
        int[] c = new int[leds];
        Arrays.fill(c, rgb);
        return frame(c, brightness);
    }

    static int endFrameBytes(int leds) {
        return Math.max(4, (leds + 15) / 16);
    }
}
