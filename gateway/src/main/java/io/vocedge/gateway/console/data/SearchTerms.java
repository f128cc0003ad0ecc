package io.vocedge.gateway.console.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How text becomes search terms, the same way at insert and at query time, so one- and two-character Chinese queries
 * work in both stores (PostgreSQL's trigram index needs three characters; SQLite has no Chinese tokenizer):
 * <ul>
 *   <li>Han characters: every character (unigram) and every pair of neighbouring characters (bigram). Spaces between
 *       Han characters do not separate them (devices may segment words with spaces), anything else does.</li>
 *   <li>Other letters and digits: lower-cased words (NFKC-normalised), at most 64 characters.</li>
 * </ul>
 * A query term of one Han character is looked up as a unigram, two as one bigram; a longer run needs all its bigrams,
 * and the caller checks the run itself in the text.
 */
public final class SearchTerms {
    public static final int MAX_WORD = 64;

    private SearchTerms() {}

    /** A query: the terms every hit must carry, and Han runs of 3+ characters that must appear as written. */
    public record Query(List<String> terms, List<String> longRuns) {
        public boolean isEmpty() {
            return terms.isEmpty();
        }
    }

    /** Every distinct term of a text, for the index. */
    public static Set<String> index(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Token t : tokens(text)) {
            if (t.han()) {
                String s = t.text();
                int[] cps = s.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    out.add(new String(cps, i, 1));
                    if (i + 1 < cps.length) {
                        out.add(new String(cps, i, 2));
                    }
                }
            } else {
                out.add(t.text());
            }
        }
        return out;
    }

    /**
     * The terms of a search box's text. Unlike stored text, whitespace in a query separates words ("定金 严重" looks for
     * both words anywhere in the utterance), because people type spaces between the words they want.
     */
    public static Query query(String text) {
        Set<String> terms = new LinkedHashSet<>();
        List<String> runs = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (String word : normalise(text).split("\\s+")) {
            tokens.addAll(tokens(word));
        }
        for (Token t : tokens) {
            if (!t.han()) {
                terms.add(t.text());
                continue;
            }
            int[] cps = t.text().codePoints().toArray();
            if (cps.length == 1) {
                terms.add(t.text());
            } else {
                for (int i = 0; i + 1 < cps.length; i++) {
                    terms.add(new String(cps, i, 2));
                }
                if (cps.length > 2) {
                    runs.add(t.text());
                }
            }
        }
        return new Query(List.copyOf(terms), List.copyOf(runs));
    }

    /** The text as the index sees it for run checks: normalised, lower-cased, spaces between Han characters removed. */
    public static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
    }

    private record Token(String text, boolean han) {}

    private static List<Token> tokens(String text) {
        String s = normalise(text);
        List<Token> out = new ArrayList<>();
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(word, false, out);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flush(han, true, out);
                word.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) && han.length() > 0 && word.length() == 0) {
                // a space inside a Han run (segmented text) does not end the run
                continue;
            } else {
                flush(han, true, out);
                flush(word, false, out);
            }
        }
        flush(han, true, out);
        flush(word, false, out);
        return out;
    }

    private static void flush(StringBuilder b, boolean han, List<Token> out) {
        if (b.length() > 0) {
            String t = b.toString();
            if (!han && t.codePointCount(0, t.length()) > MAX_WORD) {
                t = t.substring(0, t.offsetByCodePoints(0, MAX_WORD));
            }
            out.add(new Token(t, han));
            b.setLength(0);
        }
    }
}
