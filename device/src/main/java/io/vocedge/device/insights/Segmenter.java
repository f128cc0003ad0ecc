package io.vocedge.device.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greedy longest-match segmentation against the lexicon. Chinese: spaces are removed first, so recognizer output
 * ({@code 定 金 还 没 退}) and written text ({@code 定金还没退}) segment alike; word positions are the recognizer's
 * word indexes when the text is spaced. English: words, with plural and -ed/-ing forms matched to their lexicon term.
 */
final class Segmenter {
    private static final Pattern EN_TOKEN = Pattern.compile("<[a-z]+>|[\\p{L}\\p{N}'’]+|[,.;:!?。，！？；]");
    private static final String[] SUFFIXES = {"s", "es", "ed", "d", "ing"};

    private Segmenter() {}

    static List<Unit> chinese(String text, CompiledLexicon.Language dict) {
        int n = text.length();
        StringBuilder s = new StringBuilder(n);
        int[] word = new int[n];
        boolean[] brk = new boolean[n];
        int w = 0;
        boolean inWord = false;
        boolean pendingBreak = false;
        int spacedWords = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    w++;
                    inWord = false;
                }
                continue;
            }
            if (isPunct(c)) {
                pendingBreak = true;
                if (inWord) {
                    w++;
                    inWord = false;
                }
                continue;
            }
            if (!inWord) {
                spacedWords++;
            }
            inWord = true;
            word[s.length()] = w;
            brk[s.length()] = pendingBreak;
            pendingBreak = false;
            s.append(Character.toLowerCase(c));
        }
        boolean spaced = spacedWords >= 2;
        List<Unit> units = new ArrayList<>();
        int i = 0;
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            int end;
            CompiledLexicon.Term term = null;
            if (c == '<') {
                int close = s.indexOf(">", i);
                end = close < 0 ? i + 1 : close + 1;
            } else if (c < 0x2E80 && Character.isLetterOrDigit(c)) {
                end = i + 1;
                while (end < len && s.charAt(end) < 0x2E80 && Character.isLetterOrDigit(s.charAt(end))) {
                    end++;
                }
                term = dict.terms.get(s.substring(i, end));
            } else {
                end = i + 1;
                for (int l = Math.min(dict.maxCharsByFirst[c], len - i); l >= 1; l--) {
                    CompiledLexicon.Term t = dict.terms.get(s.substring(i, i + l));
                    if (t != null) {
                        term = t;
                        end = i + l;
                        break;
                    }
                }
            }
            units.add(new Unit(s.substring(i, end), spaced ? word[i] : units.size(), term, brk[i]));
            i = end;
        }
        return units;
    }

    static List<Unit> english(String text, CompiledLexicon.Language dict) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        Matcher m = EN_TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        boolean pendingBreak = false;
        while (m.find()) {
            String t = m.group();
            if (t.length() == 1 && isPunct(t.charAt(0))) {
                pendingBreak = true;
                continue;
            }
            tokens.add(t.replace("'", "").replace("’", ""));
            breaks.add(pendingBreak);
            pendingBreak = false;
        }
        List<Unit> units = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int taken = 1;
            CompiledLexicon.Term term = null;
            Integer startOf = dict.maxWordsByStart.get(tokens.get(i));
            int longest = startOf != null ? Math.min(startOf, tokens.size() - i) : 1;
            for (int l = longest; l >= 1; l--) {
                term = l == 1 ? lookupWord(dict, tokens.get(i)) : lookup(dict, tokens.subList(i, i + l));
                if (term != null) {
                    taken = l;
                    break;
                }
            }
            String unit = taken == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + taken));
            units.add(new Unit(unit, i, term, breaks.get(i)));
            i += taken;
        }
        return units;
    }

    private static CompiledLexicon.Term lookup(CompiledLexicon.Language dict, List<String> words) {
        if (words.size() == 1) {
            return lookupWord(dict, words.get(0));
        }
        CompiledLexicon.Term t = dict.terms.get(String.join(" ", words));
        if (t != null) {
            return t;
        }
        String head = String.join(" ", words.subList(0, words.size() - 1)) + " ";
        return withSuffixStripped(dict, head, words.get(words.size() - 1));
    }

    /** {@link #lookup} for one word, without joining (most tokens: it ran for every word of every utterance). */
    private static CompiledLexicon.Term lookupWord(CompiledLexicon.Language dict, String word) {
        CompiledLexicon.Term t = dict.terms.get(word);
        return t != null ? t : withSuffixStripped(dict, "", word);
    }

    /** {@code head} (the words before, with a trailing space, or empty) + {@code last} without an inflection. */
    private static CompiledLexicon.Term withSuffixStripped(CompiledLexicon.Language dict, String head, String last) {
        for (String suffix : SUFFIXES) {
            if (last.length() > suffix.length() + 2 && last.endsWith(suffix)) {
                String stem = last.substring(0, last.length() - suffix.length());
                String key = head.isEmpty() ? stem : head + stem;
                CompiledLexicon.Term t = dict.terms.get(key);
                if (t == null && suffix.equals("ing")) {
                    t = dict.terms.get(key + "e");
                }
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static boolean isQuestion(String text, List<Unit> units, String lang) {
        if (text.indexOf('?') >= 0 || text.indexOf('？') >= 0) {
            return true;
        }
        if (units.isEmpty()) {
            return false;
        }
        if (lang.equals("en")) {
            CompiledLexicon.Term first = units.get(0).term();
            return first != null && first.question;
        }
        String last = units.get(units.size() - 1).text();
        if (last.equals("吗") || last.equals("呢") || last.equals("么") || last.endsWith("吗")) {
            return true;
        }
        return units.stream()
                .anyMatch(u -> u.term() != null && u.term().question && u.text().length() >= 2);
    }

    private static boolean isPunct(char c) {
        return ",.;:!?。，！？；：、".indexOf(c) >= 0;
    }
}
