package io.vocedge.device.insights;

import io.vocedge.common.config.ConfigNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code insights:} section: optional replacements for what ships in the jar.
 *
 * @param lexiconFile an edited copy of the built-in lexicon (raise its version), or null for the built-in one
 * @param modelFile a model written by {@code voc-device insights train}, or null for the built-in one
 */
public record InsightsConfig(Path lexiconFile, Path modelFile) {
    public static InsightsConfig defaults() {
        return new InsightsConfig(null, null);
    }

    /** Reads the section strictly; a file named here must exist and be readable (checked now, not at first use). */
    public static InsightsConfig read(ConfigNode n) {
        Path lexicon = n.path("lexicon_file", null);
        Path model = n.path("model_file", null);
        readable(n, "lexicon_file", lexicon);
        readable(n, "model_file", model);
        return new InsightsConfig(lexicon, model);
    }

    private static void readable(ConfigNode n, String key, Path p) {
        if (p != null && !Files.isReadable(p)) {
            n.problem(key, p + " is missing or unreadable by this user (leave the key out to use the built-in one)");
        }
    }

    /** The section as {@code config check} prints it ({@code built-in} where no file is named). */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lexicon_file", lexiconFile == null ? "(built-in)" : lexiconFile.toString());
        m.put("model_file", modelFile == null ? "(built-in)" : modelFile.toString());
        return m;
    }
}
