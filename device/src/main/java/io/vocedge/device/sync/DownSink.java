package io.vocedge.device.sync;

/**
 * Receives what arrives on the device's down topics other than acks ({@code down/command}, {@code down/lexicon},
 * {@code down/model}, {@code down/model_chunk}),
 * on the MQTT client's thread: return quickly. {@code channel} is {@code down/<what>}; {@code retained} as the broker
 * flagged it (delivered from its retained store).
 */
@FunctionalInterface
public interface DownSink {
    void onMessage(String channel, byte[] payload, boolean retained);
}
