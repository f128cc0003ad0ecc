package io.vocedge.device.selftest;

/** One self-test check; may produce several results (the audio check reports the device and then each channel). */
@FunctionalInterface
public interface Check {
    java.util.List<CheckResult> run() throws Exception;
}
