package io.vocedge.device.selftest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the capture device must deliver, from the config's {@code audio:} section: {@code device} (a substring of the
 * Java Sound mixer name, e.g. {@code seeed} or {@code USB}, or the index among capture devices; absent = the
 * system default), {@code channels} (default 1) and {@code sample_rate} (default 16000).
 */
public record AudioSpec(String device, int channels, int sampleRate) {
    public static AudioSpec from(JsonNode audio) {
        JsonNode d = audio == null ? null : audio.get("device");
        String device = d == null || d.isNull() || d.asText().isBlank() ? null : d.asText();
        int channels = audio == null ? 1 : audio.path("channels").asInt(1);
        int rate = audio == null ? 16_000 : audio.path("sample_rate").asInt(16_000);
        return new AudioSpec(device, channels, rate);
    }

    public String describe() {
        return (device == null ? "the default capture device" : "capture device '" + device + "'") + " with " + channels
                + " channel(s) at " + sampleRate + " Hz";
    }
}
