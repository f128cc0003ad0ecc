package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A date of birth, said or written right after what names it: "DOB 14/02/1988", "date of birth is the fourteenth of
 * February nineteen eighty eight", "born on 3 March 1979", "his birthday is 14 feb 1990", 出生日期 1988年2月14日,
 * 出生 日期 一九八八 年 二 月 十四 号, 生日 是 八八 年 二 月 十四. Finance and service desks take it down with an ID or a loan
 * application; with a name it identifies a person, so it is removed as {@code dob}.
 *
 * <p>Every other date is kept (deliveries, appointments, expiries have their own rule): only a date that follows a
 * birth cue within a few filler words is taken, and only when it has at least two parts of a date (day and month,
 * month and year, or digits that make a whole date) and its year, so "DOB is needed", "born in 1988", "birthday on
 * the 14th" and "date of birth is the fourth of july" stay as they are.
 */
final class BirthDates {
    /** Words between the cue and the date: "date of birth is", "DOB: ", "born on the", 出生 日期 是. */
    private static final Set<String> LEAD_IN = LookupSets.of(
            "is", "was", "s", "'s", "’s", ":", "-", "–", ",", "on", "the", "it's", "its", "it", "um", "uh", "er", "erm",
            "uhm", "like", "that's", "thats", "of", "in", "是", "为", "為", "：", "嗯", "呃", "啊", "那个", "就", "的", "在", "于",
            "於", "号", "码", "碼", "呢", "，");
    /** Inside a date: separators and joining words ("14/02/1988", "the fourteenth of February, 1988"). */
    private static final Set<String> JOINERS =
            LookupSets.of("/", "-", ".", ",", "of", "the", "and", "，", "．", "／", "－");

    private static final Set<String> MONTHS = LookupSets.of(
            "january",
            "jan",
            "february",
            "feb",
            "march",
            "mar",
            "april",
            "apr",
            "may",
            "june",
            "jun",
            "july",
            "jul",
            "august",
            "aug",
            "september",
            "sep",
            "sept",
            "october",
            "oct",
            "november",
            "nov",
            "december",
            "dec");
    private static final Set<String> ORDINALS = LookupSets.of(
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "thirtieth");
    /** Han digits and the marks of a Chinese date: 一九八八 年 二 月 十四 日/号. */
    private static final String HAN_DATE = "零〇一二三四五六七八九十两幺洞";

    private static final String HAN_MARKS = "年月日号號";
    private static final int MAX_LEAD_IN = 4;
    private static final int MAX_DATE_TOKENS = 14;

    private BirthDates() {}

    /** Dates of birth in {@code tokens}, as spans of the text they came from. */
    static List<SpokenNumbers.Found> find(List<Token> tokens) {
        List<SpokenNumbers.Found> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int after = cueEnd(tokens, i);
            if (after < 0) {
                continue;
            }
            int k = after;
            for (int skipped = 0;
                    k < tokens.size()
                            && skipped < MAX_LEAD_IN
                            && LEAD_IN.contains(tokens.get(k).lower());
                    skipped++) {
                k++;
            }
            int[] span = date(tokens, k);
            if (span != null) {
                out.add(new SpokenNumbers.Found(
                        tokens.get(span[0]).start(), tokens.get(span[1]).end(), "dob"));
                i = span[1];
            }
        }
        return out;
    }

    /** True when the text ({@link RedactionTokens#caseFolded}) may hold a birth cue: the scanner runs only then. */
    static boolean mayHoldCue(String folded) {
        return folded.contains("birth")
                || folded.contains("born")
                || folded.contains("dob")
                || folded.contains("d.o.b")
                || folded.contains("d o b")
                || folded.indexOf('生') >= 0;
    }

    /** The token after a birth cue that starts at {@code i}, or -1. */
    private static int cueEnd(List<Token> tokens, int i) {
        String w = tokens.get(i).lower();
        switch (w) {
            case "dob", "birthdate", "birthday", "born", "birthday's" -> {
                return i + 1;
            }
            case "birth" -> {
                // "birth date", "date of birth", "place and date of birth"
                if (at(tokens, i + 1, "date")) {
                    return i + 2;
                }
                return at(tokens, i - 1, "of") && at(tokens, i - 2, "date") ? i + 1 : -1;
            }
            case "d" -> {
                // "d o b", "d.o.b."
                int k = i + 1;
                if (at(tokens, k, ".")) {
                    k++;
                }
                if (!at(tokens, k, "o")) {
                    return -1;
                }
                k++;
                if (at(tokens, k, ".")) {
                    k++;
                }
                if (!at(tokens, k, "b")) {
                    return -1;
                }
                k++;
                return at(tokens, k, ".") ? k + 1 : k;
            }
            case "出" -> {
                if (!at(tokens, i + 1, "生")) {
                    return -1;
                }
                int k = i + 2; // 出生 日期, 出生 年月 (日), or 出生 then the date
                if (at(tokens, k, "日") && at(tokens, k + 1, "期")) {
                    return k + 2;
                }
                if (at(tokens, k, "年") && at(tokens, k + 1, "月")) {
                    return at(tokens, k + 2, "日") ? k + 3 : k + 2;
                }
                return k;
            }
            case "生" -> {
                // 生日 (not 出生日期, taken at 出) and 生于
                if (at(tokens, i - 1, "出")) {
                    return -1;
                }
                return at(tokens, i + 1, "日") || at(tokens, i + 1, "于") ? i + 2 : -1;
            }
            default -> {
                return -1;
            }
        }
    }

    /**
     * The date that starts at token {@code k}, as first and last token, or null when no date with two parts or
     * more starts there.
     */
    private static int[] date(List<Token> tokens, int k) {
        int last = -1;
        int parts = 0;
        boolean month = false;
        boolean hanMark = false;
        int end = Math.min(tokens.size(), k + MAX_DATE_TOKENS);
        for (int j = k; j < end; j++) {
            Token t = tokens.get(j);
            String w = t.lower();
            if (t.type() == Type.DIGITS) {
                int n = w.length();
                if (n > 8 || n == 5 || n == 7) {
                    break; // a number of another kind, read by the number rules
                }
                parts += n == 6 || n == 8 ? 3 : 1; // 140288 and 19880214 are whole dates
                last = j;
            } else if (t.type() == Type.ALNUM && ordinalDigits(w)) {
                parts++; // 14th, 3rd
                last = j;
            } else if (MONTHS.contains(w)) {
                parts++;
                month = true;
                last = j;
            } else if (t.type() == Type.WORD && (SpokenNumbers.isNumberWord(w) || ORDINALS.contains(w))
                    || last >= 0 && (w.equals("oh") || w.equals("o") || w.equals("hundred"))) {
                parts++; // "fourteen oh two eighty eight", "nineteen hundred and ..."
                last = j;
            } else if (t.type() == Type.HAN && HAN_DATE.indexOf(w.charAt(0)) >= 0) {
                parts++;
                last = j;
            } else if (t.type() == Type.HAN && HAN_MARKS.indexOf(w.charAt(0)) >= 0 && last >= 0) {
                hanMark = true;
                last = j;
            } else if (JOINERS.contains(w)) {
                continue; // kept inside the date; a trailing one is left out, the last part ends it
            } else {
                break;
            }
        }
        if (last < 0) {
            return null;
        }
        boolean whole = parts >= (month || hanMark ? 2 : 3);
        int first = firstDatePart(tokens, k, last);
        return whole && hasYear(tokens, first, last) ? new int[] {first, last} : null;
    }

    /**
     * Whether the date has its year: a birthday without one ("date of birth is the fourth of july") identifies nobody
     * by itself, and blind case authors marked it to keep; with the year it does, and they marked it to remove.
     */
    private static boolean hasYear(List<Token> tokens, int first, int last) {
        boolean month = false;
        int digitGroups = 0;
        int digitsAfterMonth = 0;
        int cardinals = 0;
        for (int j = first; j <= last; j++) {
            Token t = tokens.get(j);
            String w = t.lower();
            if (t.type() == Type.DIGITS) {
                int n = w.length();
                if (n == 4 && (w.startsWith("19") || w.startsWith("20")) || n == 6 || n == 8) {
                    return true; // 1988, 140288, 19880214
                }
                digitGroups++;
                if (month && (++digitsAfterMonth >= 2 || Integer.parseInt(w) > 31)) {
                    return true; // "feb 14 88", "14 feb 88"
                }
            } else if (t.type() == Type.HAN && w.equals("年")) {
                return true;
            } else if (MONTHS.contains(w)) {
                month = true;
            } else if (t.type() == Type.WORD && (SpokenNumbers.isNumberWord(w) || w.equals("oh") || w.equals("o"))) {
                cardinals++;
                if (yearWords(tokens, j) || month && oldTens(w)) {
                    return true; // "nineteen eighty six", "twenty oh two", "two thousand", "feb eighty eight"
                }
            }
        }
        return digitGroups >= 3
                || !month && digitGroups == 0 && cardinals >= 4; // 14/02/88, "fourteen oh two eighty eight"
    }

    /** Tens that cannot be a day of the month: after a month they begin a year said in two halves. */
    private static boolean oldTens(String w) {
        return SpokenNumbers.isTens(w) && !w.equals("twenty") && !w.equals("thirty");
    }

    /** "nineteen eighty", "twenty oh two", "twenty twenty", "two thousand": the first half of a year said aloud. */
    private static boolean yearWords(List<Token> tokens, int j) {
        String w = tokens.get(j).lower();
        if (!(w.equals("nineteen") || w.equals("twenty") || w.equals("two")) || j + 1 >= tokens.size()) {
            return false;
        }
        String next = tokens.get(j + 1).lower();
        return w.equals("two")
                ? next.equals("thousand")
                : next.equals("oh")
                        || next.equals("o")
                        || next.equals("hundred")
                        || SpokenNumbers.isTeen(next)
                        || SpokenNumbers.isTens(next);
    }

    private static int firstDatePart(List<Token> tokens, int k, int last) {
        int first = k;
        while (first < last && JOINERS.contains(tokens.get(first).lower())) {
            first++;
        }
        return first;
    }

    private static boolean ordinalDigits(String w) {
        int d = 0;
        while (d < w.length() && Character.isDigit(w.charAt(d))) {
            d++;
        }
        String tail = w.substring(d);
        return d >= 1 && d <= 2 && (tail.equals("st") || tail.equals("nd") || tail.equals("rd") || tail.equals("th"));
    }

    private static boolean at(List<Token> tokens, int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).is(word);
    }
}
