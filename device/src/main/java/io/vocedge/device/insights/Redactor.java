package io.vocedge.device.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data before anything touches the disk, in written and spoken form, Chinese and English:
 * e-mail addresses (written, or said as "... at ... dot ...", 艾特/点/下划线), licence plates (written, spelled letter
 * by letter or in the NATO alphabet, Chinese plates with spoken digits), and phone, ID, passport/licence and card
 * numbers (digits, digit words, grouped number words, "double"/"triple", 幺/两/洞, split by spaces, commas, dashes or
 * fillers). Prices, times, durations, dates, model years and quantities are kept ({@link SpokenNumbers} says how).
 * Placeholders are typed ({@code <phone>}, {@code <id>}, {@code <card>}, {@code <email>}, {@code <plate>}); the result
 * names the kinds removed, never the values.
 *
 * <p>Hand-written because no library on Maven Central covers spoken Chinese and English personal data in recognizer
 * output; the rules are measured on {@code src/test/resources/insights/pii-dev.tsv}, {@code pii-hard-*.tsv} and a third
 * author's {@code pii-author3-*.tsv} ({@code insights redaction-eval}).
 */
public final class Redactor {
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+\\s?[@＠]\\s?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    /** Chinese plate: province character, letter, 5-6 letters/digits (new-energy plates have 6), maybe a dot or dash. */
    private static final Pattern CN_PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\\s?[A-Za-z]\\s?[·•.\\-]?\\s?(?:[A-Za-z0-9]\\s?){4,5}[A-Za-z0-9]");
    /** Written plates that cannot be a car model name: "ABC 1234", "AB12 CDE", "7ABC123". */
    private static final Pattern LATIN_PLATE =
            Pattern.compile("\\b(?:[A-Z]{3}[- ]?\\d{4}|[A-Z]{2}\\d{2}[- ]?[A-Z]{3}|\\d[A-Z]{3}[- ]?\\d{3})\\b");
    /** Written addresses disguised against spam: "jo (at) example (dot) com", "jo [at] example [dot] com". */
    private static final Pattern BRACKET_EMAIL =
            Pattern.compile("(?i)[a-z0-9._%+-]+ ?[(\\[]at[)\\]] ?[a-z0-9-]+(?: ?(?:\\.|[(\\[]dot[)\\]]) ?[a-z0-9-]+)+");
    /** UK National Insurance number written: two prefix letters, six digits (maybe in pairs), a suffix A-D. */
    private static final Pattern NI_NUMBER = Pattern.compile("\\b[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");
    /** Shorter plates ("KJ 4821", "abc 123") only after a cue word, since "RX 350" is a car. */
    private static final Pattern CUED_PLATE = Pattern.compile(
            "(?i)(?:plate|registration|\\breg\\b|rego|\\btags?\\b|车牌|牌照)[^.?!。？！]{0,20}?\\b([A-Z]{1,3}[- ]?\\d{2,4}(?:[A-Z]{1,3}|[- ](?!(?:and|the|is|it|in|on|at|to|for|or|but|was|its|not|now|yes|ok)\\b)[A-Z]{1,3}\\b)?|\\d{1,3}[- ]?[A-Z]{2,3}[- ]?\\d{0,3})\\b");

    /**
     * Three-letter product lines written like a plate ("RTX 4090", "GTX 1080"): not a plate unless a cue
     * word ("plate", "reg", 车牌) stands before, which {@link #CUED_PLATE} and the spoken scanner still honour.
     */
    private static final Set<String> PRODUCT_SERIES = Set.of(
            "RTX", "GTX", "GLE", "GLC", "GLS", "GLA", "CLA", "CLS", "AMG", "EQS", "EQE", "MDX", "RDX", "TLX", "USB",
            "SSD", "HDD", "CPU", "GPU", "DDR", "LED", "VAT", "APR", "SUV", "MPV");

    /** Redacted text and the kinds removed. */
    public record Result(String text, List<String> kinds) {}

    private record Span(int start, int end, String kind) {}

    public Result redact(String input) {
        List<Span> spans = new ArrayList<>();
        // Each pattern runs only when the text holds what it cannot match without (same result, a fraction of the
        // time: scanning every position of every utterance with these character classes was most of redaction's cost).
        if (input.indexOf('@') >= 0 || input.indexOf('＠') >= 0) {
            regex(EMAIL, input, "email", spans, 0);
        }
        if ((input.indexOf('(') >= 0 || input.indexOf('[') >= 0)
                && (containsIgnoreCase(input, "(at)") || containsIgnoreCase(input, "[at]"))) {
            regex(BRACKET_EMAIL, input, "email", spans, 0);
        }
        if (hasProvince(input)) {
            regex(CN_PLATE, input, "plate", spans, 0);
        }
        if (hasUpperAscii(input)) {
            regex(NI_NUMBER, input, "id", spans, 0);
            Matcher m = LATIN_PLATE.matcher(input);
            while (m.find()) {
                if (!PRODUCT_SERIES.contains(input.substring(m.start(), Math.min(m.end(), m.start() + 3)))) {
                    spans.add(new Span(m.start(), m.end(), "plate"));
                }
            }
        }
        if (hasPlateCue(input)) {
            regex(CUED_PLATE, input, "plate", spans, 1);
        }
        List<RedactionTokens.Token> tokens = SpokenNumbers.merge(RedactionTokens.of(input));
        for (SpokenNumbers.Found f : SpokenEmails.find(tokens)) {
            spans.add(new Span(f.start(), f.end(), f.kind()));
        }
        for (SpokenNumbers.Found f : SpokenNumbers.find(input, tokens)) {
            spans.add(new Span(f.start(), f.end(), f.kind()));
        }
        if (spans.isEmpty()) {
            return new Result(input, List.of());
        }
        spans.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::end).reversed()));
        Set<String> kinds = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder(input.length());
        int pos = 0;
        int i = 0;
        while (i < spans.size()) {
            Span s = spans.get(i);
            int end = s.end();
            int j = i + 1;
            while (j < spans.size() && spans.get(j).start() < end) {
                end = Math.max(end, spans.get(j).end());
                j++;
            }
            out.append(input, pos, s.start()).append('<').append(s.kind()).append('>');
            kinds.add(s.kind());
            pos = end;
            i = j;
        }
        out.append(input, pos, input.length());
        return new Result(out.toString(), new ArrayList<>(kinds));
    }

    private static final java.util.BitSet PROVINCES = new java.util.BitSet(65536);

    static {
        "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".chars().forEach(PROVINCES::set);
    }

    private static boolean hasProvince(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (PROVINCES.get(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUpperAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPlateCue(String s) {
        return containsIgnoreCase(s, "plate")
                || containsIgnoreCase(s, "reg")
                || containsIgnoreCase(s, "tag")
                || s.contains("车牌")
                || s.contains("牌照");
    }

    private static boolean containsIgnoreCase(String s, String lower) {
        for (int i = 0; i + lower.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, lower, 0, lower.length())) {
                return true;
            }
        }
        return false;
    }

    private static void regex(Pattern p, String text, String kind, List<Span> spans, int group) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (group > 0 && m.group(group).chars().noneMatch(Character::isDigit)) {
                continue;
            }
            spans.add(new Span(m.start(group), m.end(group), kind));
        }
    }
}
