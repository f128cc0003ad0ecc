package io.vocedge.device.insights.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A redacted utterance in the one form the model reads, whatever its style: recognizer output and written text of the
 * same sentence normalise to the same units. English: lower case, contractions opened ({@code didn't} -> {@code did
 * not}), numbers written or spoken -> {@code #}, fillers dropped, punctuation kept only as clause breaks. Chinese:
 * spaces between words removed (so {@code 定 金} and {@code 定金} are the same), one unit per Han character, a Latin word
 * as one unit, number runs -> {@code #}. Each unit keeps the word position it came from, for evidence.
 */
final class NormalizedText {
    final String lang;
    /** Units: English words, or Chinese characters / Latin words / {@code #} / placeholders such as {@code <phone>}. */
    final List<String> units = new ArrayList<>();
    /** Word position in the redacted text (recognizer word index; character index in unspaced Chinese). */
    final List<Integer> pos = new ArrayList<>();
    /** A clause break (punctuation) stands before this unit. */
    final List<Boolean> breakBefore = new ArrayList<>();

    boolean questionMark;
    boolean exclamation;
    /** Units joined (single spaces in English, none in Chinese except around Latin words), for the cue patterns. */
    String joined;

    /** Contractions written without the apostrophe that open to a word and "not" ("didnt" -> "did not"). */
    private static final Set<String> OPEN_NT = LookupSets.of(
            "dont",
            "didnt",
            "doesnt",
            "isnt",
            "wasnt",
            "arent",
            "werent",
            "havent",
            "hasnt",
            "hadnt",
            "couldnt",
            "wouldnt",
            "shouldnt",
            "mustnt");

    private static final Set<String> EN_FILLERS =
            LookupSets.of("uh", "um", "er", "erm", "uhh", "umm", "hmm", "mm", "ah");
    private static final Set<String> EN_NUMBERS = LookupSets.of(
            "zero",
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
            "thousand",
            "million",
            "grand",
            "dozen");
    private static final String ZH_NUMERALS = "零〇一二两三四五六七八九十百千万亿幺";
    private static final String ZH_MEASURES = "个天分小周月年次万千百块元公点号岁台辆遍趟折期成倍位家款星礼钟秒米层楼座";

    private NormalizedText(String lang) {
        this.lang = lang;
    }

    static NormalizedText of(String redacted, String lang) {
        NormalizedText n = new NormalizedText(lang);
        if (lang.equals("zh")) {
            n.chinese(redacted);
        } else {
            n.english(redacted);
        }
        return n;
    }

    int size() {
        return units.size();
    }

    /** The unit index that covers character {@code offset} of {@link #joined}. */
    int unitAt(int offset) {
        int c = 0;
        boolean zh = lang.equals("zh");
        for (int u = 0; u < units.size(); u++) {
            String x = units.get(u);
            int w = zh
                    ? (x.length() > 1 && x.charAt(0) != '<' && !x.equals("#") ? x.length() + 2 : x.length())
                    : x.length() + 1;
            if (offset < c + w) {
                return u;
            }
            c += w;
        }
        return Math.max(0, units.size() - 1);
    }

    private void add(String unit, int p, boolean brk) {
        units.add(unit);
        pos.add(p);
        breakBefore.add(brk);
    }

    private void english(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
        int word = 0;
        boolean brk = false;
        int i = 0;
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            if (c == '<') {
                int close = s.indexOf('>', i);
                if (close > i && close - i < 12) {
                    add(s.substring(i, close + 1), word++, brk);
                    brk = false;
                    i = close + 1;
                    continue;
                }
            }
            if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < len
                        && (Character.isLetterOrDigit(s.charAt(j))
                                || s.charAt(j) == '\'' && j + 1 < len && Character.isLetter(s.charAt(j + 1))
                                || (s.charAt(j) == '.' || s.charAt(j) == ',')
                                        && j + 1 < len
                                        && Character.isDigit(s.charAt(j + 1))
                                        && j > i
                                        && Character.isDigit(s.charAt(j - 1)))) {
                    j++;
                }
                brk = addEnglishWord(s.substring(i, j), word++, brk);
                i = j;
                continue;
            }
            if (c == '?' || c == '？') {
                questionMark = true;
                brk = true;
            } else if (c == '!' || c == '！') {
                exclamation = true;
                brk = true;
            } else if (".,;:。，；：、".indexOf(c) >= 0) {
                brk = true;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                // A Chinese word inside an English line (code-switching): one unit per character.
                add(String.valueOf(c), word++, brk);
                brk = false;
            }
            i++;
        }
        collapseNumbers();
        joined = String.join(" ", units);
    }

    /** Adds one English word (opening contractions); returns the pending break flag (consumed). */
    private boolean addEnglishWord(String w, int p, boolean brk) {
        if (EN_FILLERS.contains(w)) {
            return brk;
        }
        if (Character.isDigit(w.charAt(0))) {
            add("#", p, brk);
            return false;
        }
        String base = null;
        switch (w) {
            case "won't", "wont" -> base = "will";
            case "can't", "cant", "cannot" -> base = "can";
            case "shan't" -> base = "shall";
            case "ain't" -> base = "is";
            default -> {
                if (w.endsWith("n't")) {
                    base = w.substring(0, w.length() - 3);
                } else if (w.length() > 4 && w.endsWith("nt") && OPEN_NT.contains(w)) {
                    base = w.substring(0, w.length() - 2);
                }
            }
        }
        if (base != null) {
            add(base, p, brk);
            add("not", p, false);
            return false;
        }
        add(EN_NUMBERS.contains(w) ? "#" : w, p, brk);
        return false;
    }

    /** "twenty five" -> one #; "one" joins a number next to it ("one hundred") but stays a word alone ("this one"). */
    private void collapseNumbers() {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).equals("one")
                    && (i > 0 && units.get(i - 1).equals("#")
                            || i + 1 < units.size() && units.get(i + 1).equals("#"))) {
                units.set(i, "#");
            }
        }
        for (int i = units.size() - 1; i > 0; i--) {
            if (units.get(i).equals("#") && units.get(i - 1).equals("#") && !breakBefore.get(i)) {
                units.remove(i);
                pos.remove(i);
                breakBefore.remove(i);
            }
        }
    }

    private void chinese(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        int len = s.length();
        boolean spaced = s.trim().indexOf(' ') > 0;
        int word = 0;
        int index = 0;
        boolean inWord = false;
        boolean brk = false;
        int i = 0;
        StringBuilder joinedText = new StringBuilder();
        while (i < len) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    word++;
                    inWord = false;
                }
                i++;
                continue;
            }
            int p = spaced ? word : index;
            if (c == '<') {
                int close = s.indexOf('>', i);
                if (close > i && close - i < 12) {
                    add(s.substring(i, close + 1), p, brk);
                    brk = false;
                    index++;
                    inWord = true;
                    i = close + 1;
                    continue;
                }
            }
            if (c < 0x2E80 && Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < len
                        && s.charAt(j) < 0x2E80
                        && (Character.isLetterOrDigit(s.charAt(j))
                                || s.charAt(j) == '.' && j + 1 < len && Character.isDigit(s.charAt(j + 1)))) {
                    j++;
                }
                String w = s.substring(i, j);
                add(Character.isDigit(w.charAt(0)) ? (w.equals("12315") || w.equals("400") ? w : "#") : w, p, brk);
                brk = false;
                index++;
                inWord = true;
                i = j;
                continue;
            }
            if (c == '?' || c == '？') {
                questionMark = true;
                brk = true;
            } else if (c == '!' || c == '！') {
                exclamation = true;
                brk = true;
            } else if (",.;:。，；：、…~～".indexOf(c) >= 0) {
                brk = true;
            } else if (c == '嗯' || c == '呃') {
                inWord = true;
            } else if (Character.isLetterOrDigit(c)) {
                add(String.valueOf(c), p, brk);
                brk = false;
                index++;
                inWord = true;
            }
            i++;
        }
        numbersToHash();
        for (String u : units) {
            if (u.length() > 1 && u.charAt(0) != '<' && !u.equals("#")) {
                joinedText.append(' ').append(u).append(' ');
            } else {
                joinedText.append(u);
            }
        }
        joined = joinedText.toString();
    }

    /** Chinese numeral runs that are numbers (two or more numerals, or one before a measure word) become one #. */
    private void numbersToHash() {
        int i = 0;
        while (i < units.size()) {
            if (!isNumeral(units.get(i))) {
                i++;
                continue;
            }
            int j = i;
            StringBuilder run = new StringBuilder();
            while (j < units.size() && isNumeral(units.get(j)) && (j == i || !breakBefore.get(j))) {
                run.append(units.get(j));
                j++;
            }
            String next = j < units.size() ? units.get(j) : "";
            String after = j + 1 < units.size() ? units.get(j + 1) : "";
            String r = run.toString();
            boolean number = r.length() >= 2
                    || next.length() == 1
                            && ZH_MEASURES.contains(next)
                            && !(r.equals("十") && next.equals("分") && !after.equals("钟"))
                            && !(r.equals("一") && next.equals("点"));
            if (r.equals("一二三一五") || r.equals("幺二三幺五")) {
                units.set(i, "12315");
            } else if (number) {
                units.set(i, "#");
            } else {
                i = j;
                continue;
            }
            for (int k = j - 1; k > i; k--) {
                units.remove(k);
                pos.remove(k);
                breakBefore.remove(k);
            }
            i++;
        }
    }

    private static boolean isNumeral(String u) {
        return u.length() == 1 && ZH_NUMERALS.indexOf(u.charAt(0)) >= 0;
    }
}
