package io.vocedge.provisioning.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Vosk model layout, checked before a model is moved into place. A small re-implementation of the device agent's
 * {@code ModelValidator} (provisioning cannot depend on the device module): {@code am/final.mdl},
 * {@code conf/mfcc.conf}, {@code conf/model.conf}, {@code graph/HCLG.fst} or {@code graph/Gr.fst} +
 * {@code graph/HCLr.fst}, and the six {@code ivector/} files when that directory exists. All non-empty.
 */
public final class VoskModelLayout {
    static final List<String> REQUIRED = List.of("am/final.mdl", "conf/mfcc.conf", "conf/model.conf");
    static final List<String> IVECTOR =
            List.of("final.ie", "final.mat", "final.dubm", "global_cmvn.stats", "online_cmvn.conf", "splice.conf");

    private VoskModelLayout() {}

    /** @return problems, empty when {@code dir} looks like a loadable Vosk model */
    public static List<String> problems(Path dir) {
        List<String> p = new ArrayList<>();
        for (String f : REQUIRED) {
            require(dir, f, p);
        }
        if (!nonEmpty(dir.resolve("graph/HCLG.fst"))
                && !(nonEmpty(dir.resolve("graph/Gr.fst")) && nonEmpty(dir.resolve("graph/HCLr.fst")))) {
            p.add("graph/HCLG.fst (or graph/Gr.fst + graph/HCLr.fst) missing or empty");
        }
        if (Files.isDirectory(dir.resolve("ivector"))) {
            for (String f : IVECTOR) {
                require(dir, "ivector/" + f, p);
            }
        }
        return p;
    }

    private static void require(Path dir, String rel, List<String> p) {
        if (!nonEmpty(dir.resolve(rel))) {
            p.add(rel + (Files.exists(dir.resolve(rel)) ? " is empty or not a file" : " is missing"));
        }
    }

    private static boolean nonEmpty(Path f) {
        try {
            return Files.isRegularFile(f) && Files.size(f) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
