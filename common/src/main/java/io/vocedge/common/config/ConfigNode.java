package io.vocedge.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML mapping of a {@link ConfigDocument}, read key by key. Every getter remembers the key as known, returns
 * the default when the key is absent, and on a wrong value records a problem naming the key's full path, what was
 * expected and what was given, then returns the default so reading goes on and every problem is listed at once.
 * Values are never silently coerced: {@code maybe} is not a boolean, {@code eighty} not a port, {@code 500} not a
 * duration (write {@code 500ms}).
 */
public final class ConfigNode {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|KiB|MB|MiB|GB|GiB)?");

    private final ConfigDocument doc;
    private final String path;
    private final JsonNode node;
    private final Set<String> asked = new LinkedHashSet<>();

    ConfigNode(ConfigDocument doc, String path, JsonNode node) {
        this.doc = doc;
        this.path = path;
        this.node = node;
        doc.visited(this);
    }

    /** Dotted path of this mapping ({@code ""} for the root, {@code sync}, {@code alerts.channels[2]}). */
    public String path() {
        return path;
    }

    public ConfigDocument document() {
        return doc;
    }

    /** The key's full path, for messages. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Whether the file sets this key (to anything but null). Marks the key as known. */
    public boolean has(String key) {
        asked.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** Records a problem about one key (cross-field rules). */
    public void problem(String key, String message) {
        doc.problem(key == null ? path : pathOf(key), message);
    }

    /** A nested mapping; absent or null: an empty mapping (all defaults). */
    public ConfigNode section(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return new ConfigNode(doc, pathOf(key), JsonNodeFactory.instance.objectNode());
        }
        if (!v.isObject()) {
            problem(key, "expected a mapping of keys (a section), got " + describe(v));
            return new ConfigNode(doc, pathOf(key), JsonNodeFactory.instance.objectNode());
        }
        return new ConfigNode(doc, pathOf(key), v);
    }

    /** A nested mapping only if the file has one. */
    public Optional<ConfigNode> optionalSection(String key) {
        return has(key) ? Optional.of(section(key)) : Optional.empty();
    }

    /** A list of mappings ({@code channels: [{id: a, ...}, ...]}); absent: empty list. */
    public List<ConfigNode> sections(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(key, "expected a list of mappings, got " + describe(v));
            return List.of();
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String p = pathOf(key) + "[" + i + "]";
            if (!item.isObject()) {
                doc.problem(p, "expected a mapping, got " + describe(item));
                continue;
            }
            out.add(new ConfigNode(doc, p, item));
        }
        return out;
    }

    /**
     * Like {@link #sections(String)}, but each item's path names it by its {@code nameKey} value when it has a
     * plain one ({@code alerts.rules[spike-delivery].min_count} instead of {@code alerts.rules[3].min_count}), so a
     * message names the rule or channel the operator wrote, not a position.
     */
    public List<ConfigNode> namedItems(String key, String nameKey) {
        JsonNode v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(key, "expected a list of mappings, got " + describe(v));
            return List.of();
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            JsonNode name = item.isObject() ? item.get(nameKey) : null;
            String label = name != null && name.isTextual() && name.asText().matches("[A-Za-z0-9_.:-]{1,64}")
                    ? name.asText()
                    : String.valueOf(i);
            String p = pathOf(key) + "[" + label + "]";
            if (!item.isObject()) {
                doc.problem(p, "expected a mapping, got " + describe(item));
                continue;
            }
            out.add(new ConfigNode(doc, p, item));
        }
        return out;
    }

    /** A mapping whose keys are data (site ids, channel names), each value a mapping; absent: empty. */
    public Map<String, ConfigNode> namedSections(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return Map.of();
        }
        if (!v.isObject()) {
            problem(key, "expected a mapping of names to sections, got " + describe(v));
            return Map.of();
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = pathOf(key) + "." + e.getKey();
            if (!e.getValue().isObject()) {
                doc.problem(p, "expected a mapping, got " + describe(e.getValue()));
                continue;
            }
            out.put(e.getKey(), new ConfigNode(doc, p, e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    public String string(String key, String fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isValueNode() || v.isBinary()) {
            problem(key, "expected text, got " + describe(v));
            return fallback;
        }
        return v.asText();
    }

    /** Text matching {@code pattern} (whole value); {@code hint} says what is allowed. */
    public String string(String key, String fallback, Pattern pattern, String hint) {
        String s = string(key, fallback);
        if (s != null && has(key) && !pattern.matcher(s).matches()) {
            problem(key, hint + ", got " + quote(s));
            return fallback;
        }
        return s;
    }

    /** Text that must be present; {@code hint} says what to put there. */
    public String requiredString(String key, String hint) {
        if (!has(key)) {
            problem(key, "required: " + hint);
            return null;
        }
        String s = string(key, null);
        if (s != null && s.isBlank()) {
            problem(key, "must not be empty: " + hint);
            return null;
        }
        return s;
    }

    /** A secret (password, token): like {@link #string} but a wrong value is never echoed in the message. */
    public String secret(String key, String fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() && !v.isNumber()) {
            problem(key, "expected text (value not shown: it is a secret)");
            return fallback;
        }
        return v.asText();
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(key, "expected true or false, got " + describe(v));
            return fallback;
        }
        return v.booleanValue();
    }

    public int integer(String key, int fallback, int min, int max) {
        return (int) longValue(key, fallback, min, max);
    }

    public long longValue(String key, long fallback, long min, long max) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        Long n = null;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.longValue();
        } else if (v.isTextual() && v.asText().trim().matches("-?\\d{1,18}")) {
            n = Long.parseLong(v.asText().trim());
        }
        if (n == null) {
            problem(key, "expected a whole number in " + min + ".." + max + ", got " + describe(v));
            return fallback;
        }
        if (n < min || n > max) {
            problem(key, "expected a whole number in " + min + ".." + max + ", got " + n);
            return fallback;
        }
        return n;
    }

    public double decimal(String key, double fallback, double min, double max) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        Double d = null;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        if (d == null || d.isNaN() || d.isInfinite()) {
            problem(key, "expected a number in " + min + ".." + max + ", got " + describe(v));
            return fallback;
        }
        if (d < min || d > max) {
            problem(key, "expected a number in " + min + ".." + max + ", got " + d);
            return fallback;
        }
        return d;
    }

    /**
     * A duration written with its unit: {@code 500ms}, {@code 15s}, {@code 2m}, {@code 1h}, {@code 7d}, or combined
     * ({@code 1h30m}). A bare number is refused: nobody can tell whether {@code 500} meant milliseconds or seconds.
     */
    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        Duration d = v.isTextual() ? parseDuration(v.asText()) : null;
        if (d == null) {
            String unitHint = v.isNumber() ? " (add a unit: " + v.asText() + "ms or " + v.asText() + "s)" : "";
            problem(key, "expected a duration like 15s, 500ms, 2m or 1h, got " + describe(v) + unitHint);
            return fallback;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problem(key, "expected a duration in " + format(min) + ".." + format(max) + ", got " + v.asText());
            return fallback;
        }
        return d;
    }

    /** A size in bytes: a whole number, or with a unit ({@code 256MiB}, {@code 64KB}, {@code 1GiB}). */
    public long bytes(String key, long fallback, long min, long max) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        Long n = null;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.longValue();
        } else if (v.isTextual()) {
            Matcher m = BYTES.matcher(v.asText().trim());
            if (m.matches()) {
                double base = Double.parseDouble(m.group(1));
                long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
                    case "KB" -> 1000L;
                    case "KiB" -> 1024L;
                    case "MB" -> 1000L * 1000;
                    case "MiB" -> 1024L * 1024;
                    case "GB" -> 1000L * 1000 * 1000;
                    case "GiB" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
                n = (long) (base * unit);
            }
        }
        if (n == null) {
            problem(key, "expected a size like 268435456, 256MiB or 64KB, got " + describe(v));
            return fallback;
        }
        if (n < min || n > max) {
            problem(key, "expected a size in " + min + ".." + max + " bytes, got " + n);
            return fallback;
        }
        return n;
    }

    /** A file system path; absent: {@code fallback} (may be null). */
    public Path path(String key, Path fallback) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        if (s.isBlank() || s.indexOf('\0') >= 0) {
            problem(key, "expected a file system path, got " + quote(s));
            return fallback;
        }
        return Path.of(s);
    }

    /** One of a fixed set of words (case-sensitive, as documented). */
    public String oneOf(String key, String fallback, String... allowed) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        if (!Arrays.asList(allowed).contains(s)) {
            problem(key, "expected one of " + String.join(", ", allowed) + ", got " + quote(s));
            return fallback;
        }
        return s;
    }

    /** An enum constant written in lower case ({@code beamform} for {@code BEAMFORM}, {@code best_channel}). */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(s)) {
                return e;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList();
        problem(key, "expected one of " + String.join(", ", names) + ", got " + quote(s));
        return fallback;
    }

    /** A list of texts; a single text is accepted as a list of one. Absent: {@code fallback}. */
    public List<String> stringList(String key, List<String> fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            problem(key, "expected a list of texts, got " + describe(v));
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode() || item.isNull()) {
                doc.problem(pathOf(key) + "[" + i + "]", "expected text, got " + describe(item));
                continue;
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    /** A list of number lists ({@code [[0.03, 0], [0, 0.03]]}); absent: {@code fallback}. */
    public List<List<Double>> numberLists(String key, List<List<Double>> fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray()) {
            problem(key, "expected a list of number lists like [[0.03, 0], [0, 0.03]], got " + describe(v));
            return fallback;
        }
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode row = v.get(i);
            if (!row.isArray()) {
                doc.problem(pathOf(key) + "[" + i + "]", "expected a list of numbers, got " + describe(row));
                return fallback;
            }
            List<Double> r = new ArrayList<>();
            for (JsonNode x : row) {
                if (!x.isNumber()) {
                    doc.problem(pathOf(key) + "[" + i + "]", "expected numbers, got " + describe(x));
                    return fallback;
                }
                r.add(x.doubleValue());
            }
            out.add(List.copyOf(r));
        }
        return List.copyOf(out);
    }

    /**
     * The raw value, for the few keys that take more than one shape (e.g. {@code hardware: false}). Marks the key as
     * known; the caller reports wrong shapes with {@link #problem}.
     */
    public Optional<JsonNode> raw(String key) {
        return Optional.ofNullable(value(key));
    }

    /** Keys of this mapping that nobody asked for, each with a suggestion when one known key is close. */
    void reportUnknownKeys() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (asked.contains(key)) {
                continue;
            }
            String near = nearest(key);
            String known = asked.isEmpty() ? "this section takes no keys" : "known keys: " + String.join(", ", asked);
            doc.problem(
                    pathOf(key),
                    "unknown key" + (near == null ? "" : " (did you mean '" + near + "'?)") + "; " + known);
        }
    }

    private JsonNode value(String key) {
        asked.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : asked) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        String snake = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        if (asked.contains(snake)) {
            return snake;
        }
        int allowed = key.length() <= 4 ? 1 : key.length() < 10 ? 2 : 3;
        if (bestDistance <= allowed) {
            return best;
        }
        for (String k : asked) {
            if (k.startsWith(snake + "_")) {
                return k; // the unit left out: debounce for debounce_ms, interval for interval_s
            }
        }
        return null;
    }

    /**
     * Edit distance where swapping two neighbouring letters counts once ({@code stroe} is one step from
     * {@code store}): optimal string alignment, fine for a few dozen short keys.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = DURATION_PART.matcher(s);
        int at = 0;
        Duration total = Duration.ZERO;
        while (m.find()) {
            if (m.start() != at) {
                return null;
            }
            double n = Double.parseDouble(m.group(1));
            long unitMs = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
            total = total.plusMillis(Math.round(n * unitMs));
            at = m.end();
        }
        return at == s.length() ? total : null;
    }

    /** Human form of a duration for messages ({@code 15s}, {@code 500ms}, {@code 2h}). */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    static String kind(JsonNode v) {
        if (v.isObject()) {
            return "mapping";
        }
        if (v.isArray()) {
            return "list";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNumber()) {
            return "number";
        }
        return "text";
    }

    private static String describe(JsonNode v) {
        if (v.isObject() || v.isArray()) {
            return "a " + kind(v);
        }
        if (v.isTextual()) {
            return quote(v.asText());
        }
        return v.asText();
    }

    /** Quotes a value for a message: at most 60 characters, control characters shown as '?'. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(s.length(), 60);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > n) {
            b.append("...");
        }
        return b.append('"').toString();
    }
}
