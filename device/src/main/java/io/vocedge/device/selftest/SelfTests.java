package io.vocedge.device.selftest;

import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.asr.NativeLibrary;
import io.vocedge.device.asr.RecognizerFactory;
import io.vocedge.device.asr.VoskEngineLoader;
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
        return base(cfg, clockFloor, true);
    }

    /** @param loadModel load the speech model through Vosk (false inside the running agent, which already holds it) */
    static SelfTest base(DeviceConfig cfg, Instant clockFloor, boolean loadModel) {
        return new SelfTest(cfg.deviceId())
                .add("broker", new BrokerCheck(cfg.brokerUrl(), cfg.tls(), cfg.deviceId(), Duration.ofSeconds(10)))
                .add("certificates", new CertificateCheck(cfg.tls(), java.time.Clock.systemUTC()))
                .add("clock", new ClockCheck(NtpSync::isSynchronised, Instant::now, clockFloor))
                .add("disk", new DiskCheck(cfg.dataDir(), DiskCheck.DEFAULT_MIN_FREE))
                .add("model", modelCheck(cfg, loadModel));
    }

    /**
     * For the {@code selftest} command inside a running agent: the agent holds the microphone and the GPIO lines, so
     * those checks are reported as skipped (telemetry carries the live mic levels).
     */
    public static SelfTest remote(DeviceConfig cfg, Instant clockFloor) {
        return base(cfg, clockFloor, false)
                .add(
                        "audio",
                        () -> java.util.List.of(
                                CheckResult.skip(
                                        "audio_device",
                                        "in use by the running agent; its telemetry reports mic level, clipping and dead channels")));
    }

    static ModelCheck modelCheck(DeviceConfig cfg, boolean loadModel) {
        AsrConfig asr = cfg.asr().orElse(null);
        Path model = asr == null ? null : asr.model();
        Path libDir = asr == null ? AsrConfig.DEFAULT_NATIVE_LIB_DIR : asr.nativeLibDir();
        NativeLibrary lib = new NativeLibrary(libDir);
        boolean dirRequired = !(lib.bundledInJar() && libDir.equals(AsrConfig.DEFAULT_NATIVE_LIB_DIR));
        ModelCheck.EngineLoad engine = !loadModel || asr == null
                ? null
                : () -> {
                    try (RecognizerFactory loaded = new VoskEngineLoader(asr).load()) {
                        org.tinylog.Logger.debug("selftest: model loaded grammar={}", loaded.supportsGrammar());
                    }
                };
        return new ModelCheck(model, libDir, dirRequired, lib::load, engine);
    }
}
