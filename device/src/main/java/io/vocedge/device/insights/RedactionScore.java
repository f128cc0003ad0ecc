package io.vocedge.device.insights;

import io.vocedge.device.insights.model.LookupSets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores the redactor on a case file (TSV, header {@code id lang kind text must_remove must_keep}, spans separated by
 * {@code |} with or without spaces around it, {@code -} for none). The rules, also in device/README.md:
 * <ul>
 *   <li>A {@code must_remove} span counts as redacted when (1) it is not in the output verbatim, (2) no run of 3 or
 *   more of its digits in sequence survives in the output (digits read the way the redactor reads them: written,
 *   spoken one by one, grouped number words, "double"/"triple", 幺/两/洞), and (3) none of its identifying words
 *   survives as a word of the output: words of 3+ letters other than separators, spelling aids, fillers, digit words,
 *   mail providers/top-level domains ({@code at}, {@code dot}, {@code gmail}, {@code com}...) and titles ({@code mrs},
 *   {@code doctor}), and no run of 3+ of
 *   its spelled letters ({@code a b c}, {@code alpha bravo}) survives as spelled letters.</li>
 *   <li>A {@code must_keep} span counts as kept when it is in the output (compared lower-cased, runs of whitespace as
 *   one space). A {@code must_keep} span that is not in its own input text that way is a labelling error that no
 *   redactor could keep: it is counted apart ({@code keepNotInText}) and left out of the kept rate.</li>
 * </ul>
 * Recall = redacted / must_remove spans; kept = kept / must_keep spans found in their text. {@link #failures} lists the misses, for a
 * development set only: the evaluation command prints aggregates, never lines.
 */
public final class RedactionScore {
    /** One case of the file. */
    public record Case(String id, String lang, String kind, String text, List<String> remove, List<String> keep) {}

    /** Aggregate figures. */
    public record Figures(
            int cases,
            int removeSpans,
            int redacted,
            int keepSpans,
            int kept,
            int keepNotInText,
            int casesAllRight,
            Map<String, int[]> byKind) {
        public double recall() {
            return removeSpans == 0 ? 1 : redacted / (double) removeSpans;
        }

        public double keptRate() {
            return keepSpans == 0 ? 1 : kept / (double) keepSpans;
        }

        public String describe() {
            StringBuilder sb = new StringBuilder(String.format(
                    Locale.ROOT,
                    "redaction: %d cases; must_remove spans %d, redacted %d: recall %.4f; must_keep spans %d, kept %d: kept %.4f;"
                            + " must_keep spans not in their own text (left out) %d; cases entirely right %d (%.3f)%n",
                    cases,
                    removeSpans,
                    redacted,
                    recall(),
                    keepSpans,
                    kept,
                    keptRate(),
                    keepNotInText,
                    casesAllRight,
                    casesAllRight / (double) Math.max(1, cases)));
            byKind.forEach((k, v) -> sb.append(
                    String.format(Locale.ROOT, "  %-10s remove %d/%d  keep %d/%d%n", k, v[1], v[0], v[3], v[2])));
            return sb.toString();
        }
    }

    private static final Set<String> NOT_IDENTIFYING = LookupSets.of(
            "at",
            "dot",
            "sign",
            "symbol",
            "underscore",
            "dash",
            "hyphen",
            "com",
            "net",
            "org",
            "edu",
            "gov",
            "co",
            "uk",
            "cn",
            "io",
            "gmail",
            "yahoo",
            "outlook",
            "hotmail",
            "icloud",
            "mail",
            "qq",
            "sina",
            "foxmail",
            "as",
            "in",
            "for",
            "like",
            "double",
            "triple",
            "sorry",
            "wait",
            "the",
            "and",
            "then",
            "capital",
            "letter",
            "space",
            "period",
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "oh",
            "uh",
            "um",
            "er",
            "erm",
            "no",
            "mean",
            "actually",
            "okay",
            "niner",
            "nought",
            "plus",
            // a title names nobody ("mrs faulkner" -> "mrs <name>"): authors who put it in the span are not
            // penalised for a redactor that keeps it, as 2-letter mr/ms/dr and Chinese titles never were
            "mrs",
            "miss",
            "mister",
            "missus",
            "doctor",
            "prof",
            "professor");

    private RedactionScore() {}

    public static List<Case> read(Path file) throws IOException {
        List<Case> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || n == 0 && line.startsWith("id\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected 6 tab-separated columns "
                        + "(id lang kind text must_remove must_keep), found " + f.length);
            }
            out.add(new Case(f[0], f[1], f[2], f[3], spans(f[4]), spans(f[5])));
        }
        return out;
    }

    private static List<String> spans(String field) {
        if (field.equals("-") || field.isBlank()) {
            return List.of();
        }
        return List.of(field.strip().split("\\s*\\|\\s*")); // "a | b" (dev files) or "a|b" (corpus-frozen)
    }

    public static Figures score(Redactor redactor, List<Case> cases) {
        int spans = 0;
        int redacted = 0;
        int keeps = 0;
        int kept = 0;
        int keepNotInText = 0;
        int allRight = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        for (Case c : cases) {
            String out = redactor.redact(c.text()).text();
            int[] k = byKind.computeIfAbsent(c.kind(), x -> new int[4]);
            boolean right = true;
            for (String s : c.remove()) {
                spans++;
                k[0]++;
                if (isRedacted(s, out)) {
                    redacted++;
                    k[1]++;
                } else {
                    right = false;
                }
            }
            String text = normalised(c.text());
            String normalisedOut = normalised(out);
            for (String s : c.keep()) {
                String span = normalised(s);
                if (!text.contains(span)) {
                    keepNotInText++;
                    continue;
                }
                keeps++;
                k[2]++;
                if (normalisedOut.contains(span)) {
                    kept++;
                    k[3]++;
                } else {
                    right = false;
                }
            }
            if (right) {
                allRight++;
            }
        }
        return new Figures(cases.size(), spans, redacted, keeps, kept, keepNotInText, allRight, byKind);
    }

    /** Lower-cased (ROOT), every run of whitespace one space, trimmed: how keep spans are compared. */
    static String normalised(String s) {
        return s.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** Development only: one line per miss (case id, what survived or was lost, the redacted output). */
    public static List<String> failures(Redactor redactor, List<Case> cases) {
        List<String> out = new ArrayList<>();
        for (Case c : cases) {
            String red = redactor.redact(c.text()).text();
            for (String s : c.remove()) {
                if (!isRedacted(s, red)) {
                    out.add(c.id() + " LEAK [" + s + "] -> " + red);
                }
            }
            for (String s : c.keep()) {
                if (normalised(c.text()).contains(normalised(s))
                        && !normalised(red).contains(normalised(s))) {
                    out.add(c.id() + " LOST [" + s + "] -> " + red);
                }
            }
        }
        return out;
    }

    static boolean isRedacted(String span, String output) {
        if (output.contains(span)) {
            return false;
        }
        String outDigits = digitProjection(output.replaceAll("<[a-z]+>", " | "));
        String spanDigits = digitProjection(span).replace("|", "");
        for (int i = 0; i + 3 <= spanDigits.length(); i++) {
            if (outDigits.contains(spanDigits.substring(i, i + 3))) {
                return false;
            }
        }
        List<String> outWords = words(output);
        List<String> spelled = new ArrayList<>();
        for (String w : words(span)) {
            if (w.length() == 1 || NATO.containsKey(w)) {
                spelled.add(w.length() == 1 ? w : NATO.get(w));
            } else if (w.length() >= 3
                    && !NOT_IDENTIFYING.contains(w)
                    && w.chars().allMatch(Character::isLetter)
                    && outWords.contains(w)) {
                return false;
            }
        }
        if (spelled.size() >= 3) {
            List<String> outSpelled = new ArrayList<>();
            for (String w : outWords) {
                outSpelled.add(w.length() == 1 ? w : NATO.getOrDefault(w, "|"));
            }
            String o = String.join("", outSpelled);
            String s = String.join("", spelled);
            for (int i = 0; i + 3 <= s.length(); i++) {
                if (o.contains(s.substring(i, i + 3))
                        && s.substring(i, i + 3).chars().anyMatch(Character::isLetter)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final Map<String, String> NATO = Map.ofEntries(
            Map.entry("alpha", "a"),
            Map.entry("bravo", "b"),
            Map.entry("charlie", "c"),
            Map.entry("delta", "d"),
            Map.entry("echo", "e"),
            Map.entry("foxtrot", "f"),
            Map.entry("golf", "g"),
            Map.entry("hotel", "h"),
            Map.entry("india", "i"),
            Map.entry("juliet", "j"),
            Map.entry("kilo", "k"),
            Map.entry("lima", "l"),
            Map.entry("mike", "m"),
            Map.entry("november", "n"),
            Map.entry("oscar", "o"),
            Map.entry("papa", "p"),
            Map.entry("quebec", "q"),
            Map.entry("romeo", "r"),
            Map.entry("sierra", "s"),
            Map.entry("tango", "t"),
            Map.entry("uniform", "u"),
            Map.entry("victor", "v"),
            Map.entry("whiskey", "w"),
            Map.entry("xray", "x"),
            Map.entry("yankee", "y"),
            Map.entry("zulu", "z"));

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty()
                    && w.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Digits as the redactor reads them, each maximal number sequence as one digit string, sequences separated by
     * '|'. Reuses the redactor's own token reading so "fifty five" and 五 五 count as digits.
     */
    static String digitProjection(String text) {
        StringBuilder out = new StringBuilder();
        for (RedactionTokens.Token t : SpokenNumbers.merge(RedactionTokens.of(text))) {
            String d = SpokenNumbers.digitsOf(t.lower());
            out.append(d == null ? "|" : d);
        }
        return out.toString();
    }
}
