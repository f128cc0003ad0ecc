package io.vocedge.device.selftest;

import io.vocedge.device.asr.ModelValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The speech model and libvosk: the native library's directory exists and the library loads on this architecture,
 * and the model is complete <em>and loads through the real engine</em>. A layout check alone passed directories
 * that Vosk then refused ({@code asr check} did load them), so the layout is only the first step; when the model
 * cannot be loaded here (no libvosk, or inside a running agent that already holds it) the result says plainly
 * that only the layout was checked.
 */
public final class ModelCheck implements Check {
    /** Loads the model (and speaker model) through Vosk and releases it; throws with the reason when Vosk refuses it. */
    @FunctionalInterface
    public interface EngineLoad {
        void loadAndRelease() throws Exception;
    }

    private final Path model;
    private final Path nativeLibDir;
    private final boolean nativeLibDirRequired;
    private final Runnable nativeLoad;
    private final EngineLoad engine;
    private final ModelValidator validator = new ModelValidator();

    /**
     * @param model asr.model, or null when no model is configured (both checks are then skipped)
     * @param nativeLibDir asr.native_lib_dir
     * @param nativeLibDirRequired false only where the Vosk jar carries libvosk for this platform and the directory
     *        is the default one nobody configured; a configured directory that is missing is always a failure
     * @param nativeLoad loads libvosk ({@code new NativeLibrary(dir)::load}); throws with the fix when it cannot
     * @param engine loads the model through Vosk, or null to check the layout only (inside the running agent, where
     *        loading a second copy would double the recognizer's memory)
     */
    public ModelCheck(
            Path model, Path nativeLibDir, boolean nativeLibDirRequired, Runnable nativeLoad, EngineLoad engine) {
        this.model = model;
        this.nativeLibDir = nativeLibDir;
        this.nativeLibDirRequired = nativeLibDirRequired;
        this.nativeLoad = nativeLoad;
        this.engine = engine;
    }

    @Override
    public List<CheckResult> run() {
        if (model == null) {
            return List.of(
                    CheckResult.skip("speech_model", "no asr.model configured (transcript replay only)"),
                    CheckResult.skip("native_library", "no asr.model configured"));
        }
        CheckResult nativeResult = nativeLibrary();
        List<CheckResult> out = new ArrayList<>();
        out.add(speechModel(nativeResult.status() == CheckResult.Status.PASS));
        out.add(nativeResult);
        return out;
    }

    private CheckResult nativeLibrary() {
        if (nativeLibDirRequired && !Files.isDirectory(nativeLibDir)) {
            return CheckResult.fail(
                    "native_library",
                    "asr.native_lib_dir " + nativeLibDir + " does not exist: install libvosk.so"
                            + " for " + System.getProperty("os.arch") + " there (voc-provision native install --archive"
                            + " vosk-linux-<arch>-0.3.45.zip --sha256 HEX --arch <arch> --target " + nativeLibDir
                            + " creates it), or point asr.native_lib_dir at the directory that holds it");
        }
        try {
            nativeLoad.run();
            return CheckResult.pass("native_library", "libvosk loaded (" + System.getProperty("os.arch") + ")");
        } catch (RuntimeException | LinkageError e) {
            return CheckResult.fail("native_library", e.getMessage());
        }
    }

    private CheckResult speechModel(boolean nativeLoaded) {
        List<String> problems = validator.validateModel(model);
        if (!problems.isEmpty()) {
            return CheckResult.fail("speech_model", String.join("\n", problems));
        }
        if (!nativeLoaded) {
            return CheckResult.warn(
                    "speech_model",
                    model + " has a complete Vosk layout, but only the layout was checked:"
                            + " libvosk is not loadable here (see native_library), so the model could not be loaded");
        }
        if (engine == null) {
            return CheckResult.pass(
                    "speech_model",
                    model + " has a complete Vosk layout (only the layout was checked: the"
                            + " running agent's recognizer holds the model; its state is asr_state in the device status)");
        }
        long t0 = System.nanoTime();
        try {
            engine.loadAndRelease();
        } catch (Exception | LinkageError e) {
            return CheckResult.fail(
                    "speech_model", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return CheckResult.pass("speech_model", model + " loaded by Vosk in " + ms + " ms")
                .withDetail(java.util.Map.of("load_ms", ms));
    }
}
