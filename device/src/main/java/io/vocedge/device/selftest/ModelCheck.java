package io.vocedge.device.selftest;

import io.vocedge.device.asr.ModelValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Vosk model directory has a loadable layout, and libvosk loads on this architecture. */
public final class ModelCheck implements Check {
    private final Path model;
    private final Runnable nativeLoad;
    private final ModelValidator validator = new ModelValidator();

    /**
     * @param model asr.model, or null when no model is configured (both checks are then skipped)
     * @param nativeLoad loads libvosk ({@code new NativeLibrary(dir)::load}); throws with the fix when it cannot
     */
    public ModelCheck(Path model, Runnable nativeLoad) {
        this.model = model;
        this.nativeLoad = nativeLoad;
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> out = new ArrayList<>();
        if (model == null) {
            out.add(CheckResult.skip("speech_model", "no asr.model configured (transcript replay only)"));
            out.add(CheckResult.skip("native_library", "no asr.model configured"));
            return out;
        }
        List<String> problems = validator.validateModel(model);
        out.add(problems.isEmpty()
                ? CheckResult.pass("speech_model", model + " has a complete Vosk layout")
                : CheckResult.fail("speech_model", String.join("\n", problems)));
        try {
            nativeLoad.run();
            out.add(CheckResult.pass("native_library", "libvosk loaded (" + System.getProperty("os.arch") + ")"));
        } catch (RuntimeException | LinkageError e) {
            out.add(CheckResult.fail("native_library", e.getMessage()));
        }
        return out;
    }
}
