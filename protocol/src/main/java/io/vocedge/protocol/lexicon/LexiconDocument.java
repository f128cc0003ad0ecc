package io.vocedge.protocol.lexicon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vocedge.protocol.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lexicon file format (YAML: version, topics per language, sentiment terms, negators, intensifiers, contrast,
 * question and polite markers), parsed and validated in one place for the device (which runs it) and the gateway
 * (which checks it before distributing it). Errors name the field and never repeat text from the file: a
 * lexicon arrives from elsewhere, and a wrong file given by mistake may hold secrets.
 */
public record LexiconDocument(
        String version,
        Map<String, Map<String, List<String>>> topics,
        Map<String, List<String>> positive,
        Map<String, List<String>> negative,
        Map<String, List<String>> negators,
        Map<String, Map<String, Double>> intensifiers,
        Map<String, List<String>> contrast,
        Map<String, List<String>> question,
        Map<String, List<String>> polite) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Parses YAML; throws {@link IllegalArgumentException} naming every problem. */
    public static LexiconDocument parse(byte[] yaml, String source) {
        JsonNode root;
        if (yaml.length > Limits.MAX_LEXICON_BYTES) {
            throw new IllegalArgumentException("lexicon " + source + " is " + yaml.length + " bytes, more than the "
                    + Limits.MAX_LEXICON_BYTES + " allowed");
        }
        try {
            root = YAML.readTree(new java.io.ByteArrayInputStream(yaml)); // a stream: no content in error locations
        } catch (JsonProcessingException e) {
            // Never the parser's own message: it quotes the offending text (a secret, if the file was one).
            var at = e.getLocation();
            throw new IllegalArgumentException("lexicon " + source + " is not valid YAML"
                    + (at == null || at.getLineNr() < 0
                            ? ""
                            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("lexicon " + source + " is not valid YAML");
        }
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("lexicon " + source + " is empty or not a YAML mapping");
        }
        String version = root.path("version").asText("");
        if (!version.matches("[0-9A-Za-z._-]{1,64}")) {
            errors.add("version: required, e.g. \"2026.11.1\" (raise it on every change)");
        }
        Map<String, Map<String, List<String>>> topics = new LinkedHashMap<>();
        JsonNode t = root.path("topics");
        if (!t.isObject() || t.isEmpty()) {
            errors.add("topics: required, a mapping of topic id -> {zh: [...], en: [...]}");
        }
        t.fields().forEachRemaining(e -> {
            if (!e.getKey().matches("[a-z][a-z0-9_]{0,63}")) {
                // The bad id itself is not repeated: it is text from the file.
                errors.add("topics: topic ids are lower_snake_case (a-z, 0-9, _; at most 64), one is not");
                return;
            }
            topics.put(e.getKey(), perLang(e.getValue(), "topics." + e.getKey(), errors));
        });
        JsonNode s = root.path("sentiment");
        Map<String, Map<String, Double>> intens = new LinkedHashMap<>();
        s.path("intensifiers").fields().forEachRemaining(l -> {
            Map<String, Double> w = new LinkedHashMap<>();
            l.getValue().fields().forEachRemaining(x -> {
                if (!x.getValue().isNumber() || x.getValue().asDouble() <= 0) {
                    errors.add("sentiment.intensifiers." + safeKey(l.getKey())
                            + ": every weight must be a positive number");
                }
                w.put(norm(x.getKey()), x.getValue().asDouble());
            });
            intens.put(l.getKey(), w);
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "lexicon " + source + " is invalid:\n  - " + String.join("\n  - ", errors));
        }
        return new LexiconDocument(
                version,
                topics,
                perLang(s.path("positive"), "sentiment.positive", errors),
                perLang(s.path("negative"), "sentiment.negative", errors),
                perLang(s.path("negators"), "sentiment.negators", errors),
                intens,
                perLang(s.path("contrast"), "sentiment.contrast", errors),
                perLang(s.path("question"), "sentiment.question", errors),
                perLang(s.path("polite"), "sentiment.polite", errors));
    }

    private static Map<String, List<String>> perLang(JsonNode node, String field, List<String> errors) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(l -> {
            List<String> terms = new ArrayList<>();
            if (!l.getValue().isArray()) {
                errors.add(field + "." + safeKey(l.getKey()) + ": must be a list of terms");
                return;
            }
            l.getValue().forEach(v -> {
                String term = norm(v.asText());
                if (!term.isBlank()) {
                    terms.add(term);
                }
            });
            out.put(l.getKey(), terms);
        });
        return out;
    }

    public static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").trim();
    }

    /**
     * Reads a lexicon file for {@link #parse}: a regular file of at most {@link Limits#MAX_LEXICON_BYTES} (never more
     * is read: {@code /dev/zero} or a huge file is refused, not loaded). Errors name the path, never the content.
     */
    public static byte[] readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("lexicon file " + file + " is not a readable regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Limits.MAX_LEXICON_BYTES + 1);
        }
        if (bytes.length > Limits.MAX_LEXICON_BYTES) {
            throw new IOException("lexicon file " + file + " is larger than " + Limits.MAX_LEXICON_BYTES + " bytes");
        }
        return bytes;
    }

    private static String safeKey(String key) {
        return key.matches("[a-z]{2}") ? key : "(a language key)";
    }

    /** Orders versions by their numeric parts ("2026.11.10" after "2026.11.9"). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[._-]");
        String[] y = b.split("[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+")
                    ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
