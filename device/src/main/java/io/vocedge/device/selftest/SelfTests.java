package io.vocedge.device.selftest;

import io.vocedge.device.asr.NativeLibrary;
import io.vocedge.device.clock.NtpSync;
import io.vocedge.device.config.DeviceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The self-test as the device runs it, built from its config. */
public final class SelfTests {
    private SelfTests() {}

    /** Checks that need neither the microphone nor GPIO: broker, clock, disk, model and native library. */
    public static SelfTest base(DeviceConfig cfg, Instant clockFloor) {
        return new SelfTest(cfg.deviceId())
                .add("broker", new BrokerCheck(cfg.brokerUrl(), cfg.tls(), cfg.deviceId(), Duration.ofSeconds(10)))
                .add("certificates", new CertificateCheck(cfg.tls(), java.time.Clock.systemUTC()))
                .add("clock", new ClockCheck(NtpSync::isSynchronised, Instant::now, clockFloor))
                .add("disk", new DiskCheck(cfg.dataDir(), DiskCheck.DEFAULT_MIN_FREE))
                .add("model", modelCheck(cfg));
    }

    /**
     * For the {@code selftest} command inside a running agent: the agent holds the microphone and the GPIO lines, so
     * those checks are reported as skipped (telemetry carries the live mic levels).
     */
    public static SelfTest remote(DeviceConfig cfg, Instant clockFloor) {
        return base(cfg, clockFloor).add("audio", () -> java.util.List.of(CheckResult.skip("audio_device",
                "in use by the running agent; its telemetry reports mic level, clipping and dead channels")));
    }

    static ModelCheck modelCheck(DeviceConfig cfg) {
        Path model = cfg.asr().map(a -> a.model()).orElse(null);
        Path libDir = cfg.asr().map(a -> a.nativeLibDir()).orElse(io.vocedge.device.asr.AsrConfig.DEFAULT_NATIVE_LIB_DIR);
        NativeLibrary lib = new NativeLibrary(libDir);
        return new ModelCheck(model, lib::load);
    }
}
