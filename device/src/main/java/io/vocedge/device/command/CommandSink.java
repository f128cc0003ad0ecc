package io.vocedge.device.command;

/** Receives the payloads arriving on the device's command topic; {@code retained} as the broker flagged it. */
@FunctionalInterface
public interface CommandSink {
    void onCommand(byte[] payload, boolean retained);
}
