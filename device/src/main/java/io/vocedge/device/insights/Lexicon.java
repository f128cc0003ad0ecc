package io.vocedge.device.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * A deployment-editable lexicon (YAML, see {@code lexicon-default.yaml}): terms per topic and language,
 * sentiment terms, negators, intensifiers with weights, contrast words, question and polite markers, and a
 * version that every record carries. Parsed and validated here; {@link CompiledLexicon} makes it fast.
 */
public record Lexicon(String version, Map<String, Map<String, List<String>>> topics, Map<String, List<String>> positive,
        Map<String, List<String>> negative, Map<String, List<String>> negators, Map<String, Map<String, Double>> intensifiers,
        Map<String, List<String>> contrast, Map<String, List<String>> question, Map<String, List<String>> polite) {

    public static final List<String> LANGS = List.of("zh", "en");

    public static Lexicon loadDefault() {
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon-default.yaml")) {
            if (in == null) {
                throw new IllegalStateException("lexicon-default.yaml missing from the device jar");
            }
            return parse(in.readAllBytes(), "built-in default lexicon");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in lexicon", e);
        }
    }

    public static Lexicon load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("lexicon file " + file + " does not exist or is unreadable");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses YAML; throws {@link IllegalArgumentException} naming every problem. */
    public static Lexicon parse(byte[] yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("lexicon " + source + " is not valid YAML: " + e.getMessage(), e);
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
                errors.add("topics." + e.getKey() + ": ids are lower_snake_case");
            }
            topics.put(e.getKey(), perLang(e.getValue(), "topics." + e.getKey(), errors));
        });
        JsonNode s = root.path("sentiment");
        Map<String, Map<String, Double>> intens = new LinkedHashMap<>();
        s.path("intensifiers").fields().forEachRemaining(l -> {
            Map<String, Double> w = new LinkedHashMap<>();
            l.getValue().fields().forEachRemaining(x -> {
                if (!x.getValue().isNumber() || x.getValue().asDouble() <= 0) {
                    errors.add("sentiment.intensifiers." + l.getKey() + "." + x.getKey() + ": weight must be a positive number");
                }
                w.put(norm(x.getKey()), x.getValue().asDouble());
            });
            intens.put(l.getKey(), w);
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("lexicon " + source + " is invalid:\n  - " + String.join("\n  - ", errors));
        }
        return new Lexicon(version, topics, perLang(s.path("positive"), "sentiment.positive", errors),
                perLang(s.path("negative"), "sentiment.negative", errors), perLang(s.path("negators"), "sentiment.negators", errors),
                intens, perLang(s.path("contrast"), "sentiment.contrast", errors), perLang(s.path("question"), "sentiment.question", errors),
                perLang(s.path("polite"), "sentiment.polite", errors));
    }

    private static Map<String, List<String>> perLang(JsonNode node, String field, List<String> errors) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(l -> {
            List<String> terms = new ArrayList<>();
            if (!l.getValue().isArray()) {
                errors.add(field + "." + l.getKey() + ": must be a list of terms");
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

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").trim();
    }

    /** Orders versions by their numeric parts ("2026.11.10" after "2026.11.9"). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[._-]");
        String[] y = b.split("[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+") ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
