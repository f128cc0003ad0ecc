package io.vocedge.device.insights;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data before anything touches the disk: e-mail addresses, licence plates, and digit runs
 * of phone, ID-card and bank-card length, whether written as digits, spoken digit by digit in Chinese
 * ({@code 一 三 八 ...}) or English ({@code five five five ...}), or split by spaces and dashes. Short numbers
 * (prices, times, quantities: fewer than 7 digits) are kept. Placeholders are typed ({@code <phone>},
 * {@code <id>}, {@code <card>}, {@code <email>}, {@code <plate>}); the result names the kinds removed, never
 * the values.
 *
 * <p>Hand-written because no library on Maven Central covers spoken Chinese and English digit sequences in
 * recognizer output; the patterns are small and tested with adversarial cases.
 */
public final class Redactor {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+\\s?@\\s?[A-Za-z0-9-]+(?:\\s?\\.\\s?[A-Za-z0-9-]+)+");
    /** Chinese plate: province character, letter, 5-6 letters/digits (new-energy plates have 6). */
    private static final Pattern CN_PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\\s?[A-Za-z]\\s?(?:[A-Za-z0-9]\\s?){4,5}[A-Za-z0-9]");
    /** Written English/Western plates in upper case, e.g. "ABC 1234", "AB12 CDE", "7ABC123". */
    private static final Pattern LATIN_PLATE = Pattern.compile(
            "\\b(?:[A-Z]{2,3}[- ]?\\d{3,4}|[A-Z]{2}\\d{2}\\s?[A-Z]{3}|\\d[A-Z]{3}\\d{3})\\b");
    private static final String DIGIT_WORD = "zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple";
    private static final String DIGIT_UNIT = "(?:[0-9０-９]|[零〇一二三四五六七八九幺两]|(?<![A-Za-z])(?:" + DIGIT_WORD + ")(?![A-Za-z])|[xX](?=\\s*$|\\s|[^A-Za-z]))";
    private static final Pattern DIGIT_RUN = Pattern.compile(DIGIT_UNIT + "(?:[\\s\\-.]{0,3}" + DIGIT_UNIT + ")*");

    /** Redacted text and the kinds removed. */
    public record Result(String text, List<String> kinds) {}

    public Result redact(String input) {
        Set<String> kinds = new LinkedHashSet<>();
        String text = replace(EMAIL, input, m -> "<email>", kinds, "email");
        text = replace(CN_PLATE, text, m -> "<plate>", kinds, "plate");
        text = replace(LATIN_PLATE, text, m -> "<plate>", kinds, "plate");
        text = redactDigitRuns(text, kinds);
        return new Result(text, new ArrayList<>(kinds));
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with, Set<String> kinds,
            String kind) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        boolean found = false;
        while (m.find()) {
            found = true;
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(sb);
        if (found) {
            kinds.add(kind);
        }
        return sb.toString();
    }

    private static String redactDigitRuns(String text, Set<String> kinds) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            String digits = digitsOf(run);
            String kind = classify(digits);
            if (kind == null) {
                m.appendReplacement(sb, Matcher.quoteReplacement(run));
            } else {
                kinds.add(kind);
                String trailing = run.substring(run.stripTrailing().length());
                m.appendReplacement(sb, Matcher.quoteReplacement("<" + kind + ">" + trailing));
            }
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Spoken and written digits to a digit string; "double five" is 55, "triple one" 111, a final X stays X. */
    static String digitsOf(String run) {
        StringBuilder out = new StringBuilder();
        int repeat = 1;
        Matcher unit = Pattern.compile(DIGIT_UNIT).matcher(run);
        while (unit.find()) {
            String u = unit.group().toLowerCase(java.util.Locale.ROOT);
            if (u.equals("double")) {
                repeat = 2;
                continue;
            }
            if (u.equals("triple")) {
                repeat = 3;
                continue;
            }
            char d = digit(u);
            for (int i = 0; i < repeat; i++) {
                out.append(d);
            }
            repeat = 1;
        }
        return out.toString();
    }

    private static char digit(String u) {
        return switch (u) {
            case "zero", "oh", "o", "零", "〇" -> '0';
            case "one", "一", "幺" -> '1';
            case "two", "二", "两" -> '2';
            case "three", "三" -> '3';
            case "four", "四" -> '4';
            case "five", "五" -> '5';
            case "six", "六" -> '6';
            case "seven", "七" -> '7';
            case "eight", "八" -> '8';
            case "nine", "九" -> '9';
            case "x" -> 'X';
            default -> u.charAt(0) >= '０' && u.charAt(0) <= '９' ? (char) ('0' + (u.charAt(0) - '０')) : u.charAt(0);
        };
    }

    /** Which kind of personal number a digit string is, or null to keep it (prices, times, quantities). */
    static String classify(String digits) {
        int n = digits.length();
        boolean hasX = digits.indexOf('X') >= 0;
        if (n == 18 && digits.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return "id";
        }
        if (hasX) {
            return null;
        }
        if (n == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3') {
            return "phone";
        }
        if (n >= 15 && n <= 19) {
            return "card";
        }
        if (n >= 7 && n <= 14) {
            return "phone";
        }
        if (n > 19) {
            return "id";
        }
        return null;
    }
}
