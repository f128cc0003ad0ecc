package io.vocedge.device.selftest;

import io.vocedge.device.audio.AudioConfig;

/**
 * What the capture device must deliver, from the config's {@code audio:} section: {@code device} (a substring of the
 * Java Sound mixer name, e.g. {@code seeed} or {@code USB}, or the index among capture devices; absent = the
 * system default), {@code channels} (default 1) and {@code sample_rate} (default 16000).
 */
public record AudioSpec(String device, int channels, int sampleRate) {
    /** Read with the agent's own parser, so the self-test checks exactly what capture will ask for. */
    public static AudioSpec from(AudioConfig c) {
        String device = c.device() == null || c.device().isBlank() ? null : c.device();
        return new AudioSpec(device, c.channels(), c.sampleRate());
    }

    public String describe() {
        return (device == null ? "the default capture device" : "capture device '" + device + "'") + " with " + channels
                + " channel(s) at " + sampleRate + " Hz";
    }
}
