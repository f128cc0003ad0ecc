package io.vocedge.common.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code config check} prints a valid configuration in every program: YAML in the file's own key names with every
 * default filled in (a comment line first), or with {@code --json} one object {@code {"ok": true, "file": ...,
 * "config": {...}}}. The map comes from the program's config record and never holds a secret's value.
 */
public final class EffectiveConfig {
    private EffectiveConfig() {}

    public static void print(PrintWriter out, String file, Map<String, Object> effective, boolean json, String note)
            throws JsonProcessingException {
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.put("file", file);
            body.put("config", effective);
            out.println(io.vocedge.common.json.Mappers.json().writeValueAsString(body));
        } else {
            ObjectMapper yaml = new ObjectMapper(io.vocedge.common.json.Mappers.yamlFactory()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .build())
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            out.println("# " + file + ": valid. Effective configuration (" + note + "):");
            out.print(yaml.writeValueAsString(effective));
        }
        out.flush();
    }
}
