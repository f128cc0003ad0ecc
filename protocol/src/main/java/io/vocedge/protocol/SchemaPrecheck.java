package io.vocedge.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A one-sided, compiled check of a JSON Schema file: {@link #accepts} returning true means the interpreted
 * validator would find no problem; false means "ask the interpreted validator", which then decides and words the
 * error. Interpreting the schema per record was about 14 % of the gateway's ingest thread; almost every record is
 * valid, so only the rare invalid one pays for the interpreter and every rejection keeps its exact message.
 *
 * <p>Why one-sided: wherever the two could differ (integers written as 1.0, line terminators against a pattern's
 * {@code $}, code points against UTF-16 lengths, date-time forms other than {@code ...Z}), this check answers false.
 * A schema using any keyword it does not know compiles to nothing ({@link #compile} returns empty) and is always
 * interpreted. {@code SchemaPrecheckTest} checks "accepts implies valid" over mutations of every schema's records.
 */
final class SchemaPrecheck {
    /** Annotations: no effect on validity. */
    private static final Set<String> ANNOTATIONS =
            Set.of("$schema", "$id", "title", "description", "$comment", "examples", "default");

    private final Predicate<JsonNode> root;

    private SchemaPrecheck(Predicate<JsonNode> root) {
        this.root = root;
    }

    /** True only when the schema's interpreted validation is known to find nothing wrong with {@code node}. */
    boolean accepts(JsonNode node) {
        return root.test(node);
    }

    /** Compiles a schema document; empty when it uses anything this check does not model exactly. */
    static Optional<SchemaPrecheck> compile(JsonNode schema) {
        try {
            Map<String, Predicate<JsonNode>> defs = new HashMap<>();
            Compiler compiler = new Compiler(defs);
            JsonNode defsNode = schema.get("$defs");
            if (defsNode != null) {
                // Compiled before the root so that references resolve; a def referring to a later def goes through
                // the map at check time.
                for (Iterator<Map.Entry<String, JsonNode>> it = defsNode.fields(); it.hasNext(); ) {
                    var e = it.next();
                    defs.put(e.getKey(), compiler.schema(e.getValue(), false));
                }
            }
            return Optional.of(new SchemaPrecheck(compiler.schema(schema, true)));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Thrown while compiling when a keyword or form is not modelled. */
    private static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private record Compiler(Map<String, Predicate<JsonNode>> defs) {
        Predicate<JsonNode> schema(JsonNode s, boolean isRoot) throws Unsupported {
            if (s.isBoolean()) {
                return s.booleanValue() ? n -> true : n -> false;
            }
            if (!s.isObject()) {
                throw new Unsupported("schema is not an object");
            }
            List<Predicate<JsonNode>> checks = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                var e = it.next();
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (ANNOTATIONS.contains(k)) {
                    continue;
                }
                switch (k) {
                    case "$defs" -> {
                        if (!isRoot) {
                            throw new Unsupported("nested $defs");
                        }
                    }
                    case "type" -> checks.add(type(v));
                    case "const" -> checks.add(textIn(Set.of(text(v))));
                    case "enum" -> {
                        Set<String> values = new HashSet<>();
                        for (JsonNode x : v) {
                            values.add(text(x));
                        }
                        checks.add(textIn(values));
                    }
                    case "required" -> {
                        List<String> names = new ArrayList<>();
                        for (JsonNode x : v) {
                            names.add(text(x));
                        }
                        checks.add(n -> {
                            if (!n.isObject()) {
                                return false;
                            }
                            for (String name : names) {
                                if (!n.has(name)) {
                                    return false;
                                }
                            }
                            return true;
                        });
                    }
                    case "properties" -> checks.add(properties(v, s.get("additionalProperties")));
                    case "additionalProperties" -> {
                        if (!s.has("properties")) {
                            checks.add(properties(null, v));
                        }
                    }
                    case "maxProperties" -> {
                        int max = count(v);
                        checks.add(n -> n.isObject() && n.size() <= max);
                    }
                    case "items" -> {
                        Predicate<JsonNode> item = schema(v, false);
                        checks.add(n -> {
                            if (!n.isArray()) {
                                return false;
                            }
                            for (JsonNode x : n) {
                                if (!item.test(x)) {
                                    return false;
                                }
                            }
                            return true;
                        });
                    }
                    case "minItems" -> {
                        int min = count(v);
                        checks.add(n -> n.isArray() && n.size() >= min);
                    }
                    case "maxItems" -> {
                        int max = count(v);
                        checks.add(n -> n.isArray() && n.size() <= max);
                    }
                    case "minimum" -> {
                        Bound min = Bound.of(bound(v));
                        checks.add(n -> finite(n) && min.compare(n) >= 0);
                    }
                    case "maximum" -> {
                        Bound max = Bound.of(bound(v));
                        checks.add(n -> finite(n) && max.compare(n) <= 0);
                    }
                    // Code points <= UTF-16 units: the check is true under either way of counting.
                    case "minLength" -> {
                        int min = count(v);
                        checks.add(n -> n.isTextual()
                                && n.textValue().codePointCount(0, n.textValue().length()) >= min);
                    }
                    case "maxLength" -> {
                        int max = count(v);
                        checks.add(n -> n.isTextual() && n.textValue().length() <= max);
                    }
                    case "pattern" -> {
                        Pattern p = Pattern.compile(text(v));
                        // No line terminators: ECMA and Java regexes then agree on ^ and $ for these patterns.
                        checks.add(n -> n.isTextual()
                                && noLineTerminator(n.textValue())
                                && p.matcher(n.textValue()).find());
                    }
                    case "format" -> {
                        if (!"date-time".equals(text(v))) {
                            throw new Unsupported("format " + v);
                        }
                        checks.add(n -> n.isTextual() && isUtcDateTime(n.textValue()));
                    }
                    case "$ref" -> {
                        String ref = text(v);
                        if (!ref.startsWith("#/$defs/") || ref.indexOf('/', "#/$defs/".length()) >= 0) {
                            throw new Unsupported("$ref " + ref);
                        }
                        String name = ref.substring("#/$defs/".length());
                        checks.add(n -> {
                            Predicate<JsonNode> target = defs.get(name);
                            return target != null && target.test(n);
                        });
                    }
                    default -> throw new Unsupported("keyword " + k);
                }
            }
            List<Predicate<JsonNode>> all = List.copyOf(checks);
            return n -> {
                for (int i = 0; i < all.size(); i++) {
                    Predicate<JsonNode> c = all.get(i);
                    if (!c.test(n)) {
                        return false;
                    }
                }
                return true;
            };
        }

        private Predicate<JsonNode> properties(JsonNode props, JsonNode additional) throws Unsupported {
            Map<String, Predicate<JsonNode>> named = new HashMap<>();
            if (props != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    var e = it.next();
                    named.put(e.getKey(), schema(e.getValue(), false));
                }
            }
            Predicate<JsonNode> other = additional == null ? null : schema(additional, false);
            return n -> {
                if (!n.isObject()) {
                    return false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    var e = it.next();
                    Predicate<JsonNode> c = named.get(e.getKey());
                    if (c == null) {
                        c = other;
                    }
                    if (c != null && !c.test(e.getValue())) {
                        return false;
                    }
                }
                return true;
            };
        }

        private static Predicate<JsonNode> type(JsonNode v) throws Unsupported {
            List<Predicate<JsonNode>> any = new ArrayList<>();
            if (v.isArray()) {
                for (JsonNode t : v) {
                    any.add(oneType(text(t)));
                }
            } else {
                any.add(oneType(text(v)));
            }
            return n -> {
                for (Predicate<JsonNode> t : any) {
                    if (t.test(n)) {
                        return true;
                    }
                }
                return false;
            };
        }

        private static Predicate<JsonNode> oneType(String t) throws Unsupported {
            return switch (t) {
                case "object" -> JsonNode::isObject;
                case "array" -> JsonNode::isArray;
                case "string" -> JsonNode::isTextual;
                case "boolean" -> JsonNode::isBoolean;
                case "null" -> JsonNode::isNull;
                case "number" -> JsonNode::isNumber;
                // Only integral JSON numbers: whether 1.0 is an integer is left to the interpreter.
                case "integer" -> JsonNode::isIntegralNumber;
                default -> throw new Unsupported("type " + t);
            };
        }

        /** A const/enum of strings only: other values compare by rules this check does not model. */
        private static Predicate<JsonNode> textIn(Set<String> values) {
            return n -> n.isTextual() && values.contains(n.textValue());
        }

        private static String text(JsonNode v) throws Unsupported {
            if (!v.isTextual()) {
                throw new Unsupported("non-text value " + v);
            }
            return v.textValue();
        }

        private static int count(JsonNode v) throws Unsupported {
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
                throw new Unsupported("count " + v);
            }
            return v.intValue();
        }

        private static BigDecimal bound(JsonNode v) throws Unsupported {
            if (!v.isNumber()) {
                throw new Unsupported("bound " + v);
            }
            return v.decimalValue();
        }
    }

    /** A number, and not NaN or an infinity (which JSON cannot carry, but a lenient parser could). */
    private static boolean finite(JsonNode n) {
        return n.isNumber() && (!n.isFloatingPointNumber() || n.isBigDecimal() || Double.isFinite(n.doubleValue()));
    }

    private static boolean noLineTerminator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /**
     * A minimum or maximum, prepared for exact comparisons without {@code decimalValue()} (a double's goes through its
     * decimal text, once the check's largest cost): ints and longs against an integral bound as longs, doubles against
     * a bound that is itself a double (the schemas' -1, 0, 1) as doubles; anything else the exact, slow way.
     */
    private record Bound(BigDecimal value, Long asLong, Double asDouble) {
        static Bound of(BigDecimal v) {
            Long l = null;
            try {
                l = v.longValueExact();
            } catch (ArithmeticException e) {
                // not an integral long: ints and longs compare the slow way
            }
            double d = v.doubleValue();
            return new Bound(v, l, new BigDecimal(d).compareTo(v) == 0 ? d : null);
        }

        int compare(JsonNode n) {
            if (asLong != null && (n.isInt() || n.isLong())) {
                return Long.compare(n.longValue(), asLong);
            }
            if (asDouble != null && n.isDouble()) {
                return Double.compare(n.doubleValue() + 0.0, asDouble + 0.0);
            }
            return n.decimalValue().compareTo(value);
        }
    }

    /** RFC 3339 in the one form devices send ({@code Instant.toString()}): UTC, seconds 00-59, real dates. */
    static boolean isUtcDateTime(String s) {
        int len = s.length();
        // yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z
        if (len < 20 || len == 21 || len > 30 || s.charAt(len - 1) != 'Z') {
            return false;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return false;
        }
        if (len > 20) {
            if (s.charAt(19) != '.') {
                return false;
            }
            for (int i = 20; i < len - 1; i++) {
                if (digit(s, i) < 0) {
                    return false;
                }
            }
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        int hour = number(s, 11, 13);
        int minute = number(s, 14, 16);
        int second = number(s, 17, 19);
        return year >= 1
                && month >= 1
                && month <= 12
                && day >= 1
                && day <= YearMonth.of(year, month).lengthOfMonth()
                && hour >= 0
                && hour <= 23
                && minute >= 0
                && minute <= 59
                && second >= 0
                && second <= 59;
    }

    /** The ASCII digits s[from, to) as a number, or -1 when any is not one. */
    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = digit(s, i);
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }
}
