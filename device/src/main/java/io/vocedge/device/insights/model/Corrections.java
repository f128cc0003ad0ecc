package io.vocedge.device.insights.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Taxonomy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Analysts' corrections as training data. A JSONL file, one correction per line:
 * <pre>
 * {"text": "定金 退 了 两 周 还 没 到账", "lang": "zh", "topics": ["deposit_contract"], "sentiment": "negative",
 *  "flags": [], "who": "analyst@store-berlin", "when": "2026-12-02T10:15:00Z", "role": "customer"}
 * </pre>
 * {@code text} (the redacted record text), {@code lang} (zh/en), {@code topics}, {@code sentiment}, {@code flags},
 * {@code who} and {@code when} (ISO-8601) are required; {@code role} and {@code id} are optional. A correction whose
 * text (case and spacing aside) is already in the corpus replaces that line's labels; otherwise it is a new training
 * line. When several corrections name the same text, the latest {@code when} wins. Every problem is reported at once
 * with file and line.
 */
public final class Corrections {
    /** One parsed correction. */
    public record Correction(
            String text,
            String lang,
            Set<String> topics,
            String sentiment,
            Set<String> flags,
            String who,
            Instant when,
            String role,
            String where) {}

    private Corrections() {}

    public static List<Correction> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corrections file " + file + " does not exist");
        }
        ObjectMapper json = io.vocedge.common.json.Mappers.json();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Correction> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String where = file.getFileName() + " line " + (n + 1);
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                errors.add(where + ": not JSON (" + e.getOriginalMessage() + ")");
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(where + ": expected a JSON object");
                continue;
            }
            int before = errors.size();
            String text = node.path("text").asText("");
            if (text.isBlank() || text.length() > 8000 || text.contains("\t") || text.contains("\n")) {
                errors.add(where + ": text must be 1-8000 characters without tabs or newlines");
            }
            String lang = node.path("lang").asText("");
            if (!lang.equals("zh") && !lang.equals("en")) {
                errors.add(where + ": lang must be zh or en");
            }
            String sentiment = node.path("sentiment").asText("");
            if (!Taxonomy.SENTIMENTS.contains(sentiment)) {
                errors.add(where + ": sentiment must be negative, neutral or positive");
            }
            Set<String> topics = list(node, "topics", Taxonomy.TOPICS, where, errors);
            Set<String> flags = list(node, "flags", Taxonomy.FLAGS, where, errors);
            String who = node.path("who").asText("");
            if (who.isBlank() || who.length() > 128) {
                errors.add(where + ": who (the analyst) is required, up to 128 characters");
            }
            Instant when = null;
            try {
                when = Instant.parse(node.path("when").asText(""));
            } catch (DateTimeParseException e) {
                errors.add(where + ": when must be an ISO-8601 time such as 2026-12-02T10:15:00Z");
            }
            String role = node.path("role").asText("-");
            if (!LookupSets.of("-", "customer", "staff", "unknown").contains(role)) {
                errors.add(where + ": role must be customer, staff or unknown");
            }
            if (errors.size() == before) {
                out.add(new Correction(text, lang, topics, sentiment, flags, who, when, role, where));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("corrections " + file + " have " + errors.size() + " problem(s):\n  - "
                    + String.join("\n  - ", errors.subList(0, Math.min(30, errors.size()))));
        }
        return out;
    }

    private static Set<String> list(
            JsonNode node, String field, List<String> known, String where, List<String> errors) {
        JsonNode a = node.get(field);
        Set<String> out = new LinkedHashSet<>();
        if (a == null || !a.isArray()) {
            errors.add(where + ": " + field + " must be a list (empty for none)");
            return out;
        }
        for (JsonNode x : a) {
            if (!known.contains(x.asText())) {
                errors.add(where + ": unknown " + field + " id '" + x.asText() + "'");
            } else {
                out.add(x.asText());
            }
        }
        return out;
    }

    /** The corpus with the corrections applied (replacing labels of the same text, or added), latest first wins. */
    public static List<Example> apply(List<Example> corpus, List<Correction> corrections) {
        List<Correction> ordered = new ArrayList<>(corrections);
        ordered.sort(Comparator.comparing(Correction::when)); // stable: file order breaks ties
        Map<String, Correction> latest = new LinkedHashMap<>();
        for (Correction c : ordered) {
            latest.put(key(c.lang(), c.text()), c);
        }
        List<Example> out = new ArrayList<>(corpus.size() + latest.size());
        for (Example e : corpus) {
            Correction c = latest.remove(key(e.lang(), e.text()));
            out.add(c == null ? e : e.withLabels(c.topics(), c.sentiment(), c.flags()));
        }
        int n = 0;
        for (Correction c : latest.values()) {
            n++;
            out.add(new Example(
                    "correction-" + n, c.lang(), "-", c.role(), "-", c.topics(), c.sentiment(), c.flags(), c.text()));
        }
        return out;
    }

    static String key(String lang, String text) {
        return lang + "|"
                + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
