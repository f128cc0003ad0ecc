package io.vocedge.device.asr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a Vosk model directory before the native loader sees it (a missing file inside Kaldi aborts with
 * a cryptic message or worse). Every problem names the file and the fix; all problems are listed at once.
 *
 * <p>Layout of Vosk models (alphacephei.com/vosk/models): {@code am/final.mdl}, {@code conf/mfcc.conf},
 * {@code conf/model.conf}, {@code graph/HCLG.fst} or the lookahead pair {@code graph/Gr.fst} +
 * {@code graph/HCLr.fst} (small models; these support runtime grammars), {@code graph/words.txt} or
 * {@code graph/phones/word_boundary.int}, optional {@code ivector/} (then {@code final.ie}, {@code final.mat},
 * {@code final.dubm}, {@code global_cmvn.stats}, {@code online_cmvn.conf}, {@code splice.conf}), optional
 * {@code rescore/} and {@code rnnlm/}. Speaker model: {@code mfcc.conf}, {@code final.ext.raw},
 * {@code mean.vec}, {@code transform.mat}.
 */
public final class ModelValidator {
    private static final String FIX =
            "download the model again from https://alphacephei.com/vosk/models and unpack it whole";
    private static final List<String> IVECTOR_FILES =
            List.of("final.ie", "final.mat", "final.dubm", "global_cmvn.stats", "online_cmvn.conf", "splice.conf");
    private static final List<String> SPEAKER_FILES =
            List.of("mfcc.conf", "final.ext.raw", "mean.vec", "transform.mat");

    /** @return an empty list when the directory looks like a loadable Vosk acoustic model */
    public List<String> validateModel(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add("model directory " + dir
                    + " does not exist or is not a directory: set asr.model to an unpacked Vosk model (" + FIX + ")");
            return problems;
        }
        if (Files.isDirectory(dir.resolve(dir.getFileName().toString())) && !Files.exists(dir.resolve("am"))) {
            problems.add("model directory " + dir + " contains a nested directory of the same name: point asr.model at "
                    + dir.resolve(dir.getFileName().toString()) + " (the archive was unpacked one level too deep)");
            return problems;
        }
        requireFile(problems, dir, "am/final.mdl", "acoustic model");
        requireFile(problems, dir, "conf/mfcc.conf", "feature configuration");
        requireFile(problems, dir, "conf/model.conf", "decoder configuration");
        boolean hclg = nonEmpty(dir.resolve("graph/HCLG.fst"));
        boolean lookahead = nonEmpty(dir.resolve("graph/Gr.fst")) && nonEmpty(dir.resolve("graph/HCLr.fst"));
        if (!hclg && !lookahead) {
            problems.add(
                    describe(dir, "graph/HCLG.fst (or graph/Gr.fst + graph/HCLr.fst)", "decoding graph") + ": " + FIX);
        }
        if (Files.isDirectory(dir.resolve("ivector"))) {
            for (String f : IVECTOR_FILES) {
                requireFile(problems, dir, "ivector/" + f, "i-vector extractor file");
            }
        }
        return problems;
    }

    /** True when the model has a lookahead graph (Gr.fst + HCLr.fst) and so accepts a runtime grammar. */
    public boolean supportsGrammar(Path dir) {
        return nonEmpty(dir.resolve("graph/Gr.fst")) && nonEmpty(dir.resolve("graph/HCLr.fst"));
    }

    /** @return an empty list when the directory looks like a Vosk speaker (x-vector) model */
    public List<String> validateSpeakerModel(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add("speaker model directory " + dir + " does not exist: set asr.speaker_model to an unpacked "
                    + "vosk-model-spk-0.4, or remove the setting to use the level heuristic");
            return problems;
        }
        for (String f : SPEAKER_FILES) {
            if (!nonEmpty(dir.resolve(f))) {
                problems.add(describe(dir, f, "speaker model file")
                        + ": download vosk-model-spk-0.4 again and unpack it whole");
            }
        }
        return problems;
    }

    private static void requireFile(List<String> problems, Path dir, String rel, String what) {
        if (!nonEmpty(dir.resolve(rel))) {
            problems.add(describe(dir, rel, what) + ": " + FIX);
        }
    }

    private static String describe(Path dir, String rel, String what) {
        Path p = dir.resolve(rel.split(" ")[0]);
        String state = !Files.exists(p)
                ? "missing"
                : Files.isDirectory(p) ? "a directory, not a file" : "empty (truncated download?)";
        return what + " " + dir.resolve(rel) + " is " + state;
    }

    private static boolean nonEmpty(Path p) {
        try {
            return Files.isRegularFile(p) && Files.size(p) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
