package io.vocedge.device.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text for the redaction scanners into tokens with their character offsets: Latin words (letters, or letters
 * and digits mixed such as {@code E12345678}), digit runs, formatted amounts ({@code 29,999}, {@code 4.99}), single
 * Han characters and single punctuation characters. Whitespace separates tokens and is not a token.
 */
final class RedactionTokens {
    enum Type {
        WORD,
        ALNUM,
        DIGITS,
        AMOUNT,
        HAN,
        PUNCT
    }

    /** One token; {@code lower} is the lower-cased text with full-width digits and letters folded to ASCII. */
    record Token(Type type, int start, int end, String lower, String raw) {
        boolean is(String s) {
            return lower.equals(s);
        }
    }

    private RedactionTokens() {}

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = fold(text.charAt(i));
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            if (isDigit(c)) {
                int end = amountEnd(text, i);
                if (end > 0) {
                    out.add(token(Type.AMOUNT, text, i, end));
                    i = end;
                    continue;
                }
            }
            if (isWordLetter(c) || isDigit(c)) {
                int end = i;
                boolean letters = false;
                boolean digits = false;
                while (end < n) {
                    char d = fold(text.charAt(end));
                    if (isWordLetter(d)) {
                        letters = true;
                    } else if (isDigit(d)) {
                        digits = true;
                    } else if (!((d == '\'' || d == '’')
                            && letters
                            && end + 1 < n
                            && isLatin(fold(text.charAt(end + 1))))) {
                        break;
                    }
                    end++;
                }
                out.add(token(letters && digits ? Type.ALNUM : letters ? Type.WORD : Type.DIGITS, text, i, end));
                i = end;
                continue;
            }
            if (Character.isSurrogate(c)) {
                int cp = text.codePointAt(i);
                int len = Character.charCount(cp);
                out.add(token(Character.isLetter(cp) ? Type.HAN : Type.PUNCT, text, i, i + len));
                i += len;
                continue;
            }
            out.add(token(Character.isLetterOrDigit(c) ? Type.HAN : Type.PUNCT, text, i, i + 1));
            i++;
        }
        return out;
    }

    /**
     * End of a formatted amount starting at {@code i}: thousands groups ({@code 1,299}, {@code 1,200,000}, optional
     * {@code .00}) or a short decimal ({@code 4.99}, {@code 3.5}); -1 if the digits there are not one. A phone number
     * written {@code 138.1234.5678} or {@code 555,0123} is not an amount (its groups are not 3 digits / its fraction
     * is too long).
     */
    private static int amountEnd(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && isDigit(fold(s.charAt(j)))) {
            j++;
        }
        int intLen = j - i;
        int k = j;
        boolean grouped = false;
        if (intLen <= 3) {
            while (k < n
                    && s.charAt(k) == ','
                    && digitsAt(s, k + 1, 3)
                    && !(k + 4 < n && isDigit(fold(s.charAt(k + 4))))) {
                k += 4;
                grouped = true;
            }
        }
        int end = grouped ? k : j;
        if (end < n - 1 && s.charAt(end) == '.' && isDigit(fold(s.charAt(end + 1)))) {
            int f = end + 1;
            while (f < n && isDigit(fold(s.charAt(f)))) {
                f++;
            }
            boolean anotherGroup =
                    f < n - 1 && (s.charAt(f) == '.' || s.charAt(f) == '-') && isDigit(fold(s.charAt(f + 1)));
            if (f - end - 1 <= 2 && (grouped || intLen <= 6) && !anotherGroup) {
                return f;
            }
            return grouped ? end : -1;
        }
        return grouped ? end : -1;
    }

    private static boolean digitsAt(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(fold(s.charAt(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Token token(Type type, String text, int start, int end) {
        String raw = text.substring(start, end);
        if (alreadyLower(raw)) {
            return new Token(type, start, end, raw, raw); // most tokens: no copy to fold or lower-case
        }
        StringBuilder lower = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            lower.append(fold(raw.charAt(i)));
        }
        return new Token(
                type, start, end, lower.toString().toLowerCase(Locale.ROOT).replace('’', '\''), raw);
    }

    /**
     * True when folding and lower-casing would not change {@code raw}: ASCII without capitals, or ideographs (no case),
     * and no full-width form or curly apostrophe.
     */
    private static boolean alreadyLower(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 128 ? c >= 'A' && c <= 'Z' : !Character.isIdeographic(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the tokens from {@code k} on are {@code words} (lower-cased), one token each. */
    static boolean wordsAt(List<Token> tokens, int k, List<String> words) {
        if (k < 0 || k + words.size() > tokens.size()) {
            return false;
        }
        for (int x = 0; x < words.size(); x++) {
            if (!tokens.get(k + x).lower().equals(words.get(x))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code s} with every character as {@code Character.toLowerCase(Character.toUpperCase(c))}, one for one: a cue
     * written in lower-case ASCII is {@code contains}-ed in it exactly where {@link #containsIgnoreCase} finds it in
     * {@code s} ({@code regionMatches} ignoring case compares each character that way), so a line is folded once and
     * its thirty-odd cue words are plain searches. The same string when nothing changes (most lines).
     */
    static String caseFolded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (caseFold(c) != c) {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    out[j] = caseFold(out[j]);
                }
                return new String(out);
            }
        }
        return s;
    }

    private static char caseFold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * {@code s} contains {@code lower} (lower case) ignoring case, as {@link String#regionMatches(boolean, int,
     * String, int, int)} would find it, but only trying positions whose first character can match: ASCII compared
     * directly, the few other characters whose case maps into ASCII (Kelvin sign, dotless i, long s) the slow way; a
     * cue that starts with an ideograph ("卡") only where that ideograph is, any other cue at every position.
     */
    static boolean containsIgnoreCase(String s, String lower) {
        int n = lower.length();
        char c0 = lower.charAt(0);
        boolean letter = c0 >= 'a' && c0 <= 'z';
        boolean ideograph = Character.isIdeographic(c0); // no case: only itself matches
        for (int i = 0; i + n <= s.length(); i++) {
            char c = s.charAt(i);
            boolean candidate =
                    c == c0 || (c0 < 128 ? c < 128 ? letter && (c | 0x20) == c0 : CASE_TO_ASCII.get(c) : !ideograph);
            if (candidate && s.regionMatches(true, i, lower, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** Non-ASCII characters whose upper or lower case is ASCII: the only ones that can match ASCII ignoring case. */
    private static final java.util.BitSet CASE_TO_ASCII = caseToAscii();

    private static java.util.BitSet caseToAscii() {
        java.util.BitSet b = new java.util.BitSet(65536);
        for (int c = 128; c < 65536; c++) {
            char u = Character.toUpperCase((char) c);
            if (u < 128 || Character.toLowerCase(u) < 128 || Character.toLowerCase((char) c) < 128) {
                b.set(c);
            }
        }
        return b;
    }

    /** Full-width ASCII (digits, letters, {@code ＠}) to ASCII. */
    static char fold(char c) {
        return c >= '！' && c <= '～' ? (char) (c - '！' + '!') : c;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * A letter of a Latin-script word, accented ones too (Latin-1 and Latin Extended-A/B: "Wiśniewski", "Fernández"
     * are one word each, not Latin pieces around a character the Chinese rules would read).
     */
    static boolean isWordLetter(char c) {
        return isLatin(c) || c >= '\u00c0' && c <= '\u024f' && c != '\u00d7' && c != '\u00f7';
    }
}
