package io.vocedge.gateway.console.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks where a search query's terms occur in a result's text, as plain segments (the template escapes each one and
 * wraps hits in {@code <mark>}; no HTML is built here). Han terms match across the spaces devices put between
 * segmented words ("定 金" matches 定金); other words match case-insensitively.
 */
public final class Highlight {
    /** A piece of text; {@code hit} when it matched a query term. */
    public record Segment(String text, boolean hit) {}

    private Highlight() {}

    public static List<Segment> segments(String text, SearchTerms.Query q) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Pattern p = pattern(q);
        if (p == null) {
            return List.of(new Segment(text, false));
        }
        List<Segment> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            if (m.start() > at) {
                out.add(new Segment(text.substring(at, m.start()), false));
            }
            out.add(new Segment(text.substring(m.start(), m.end()), true));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), false));
        }
        return out;
    }

    private static Pattern pattern(SearchTerms.Query q) {
        List<String> alternatives = new ArrayList<>();
        List<String> all = new ArrayList<>(q.longRuns());
        all.addAll(q.terms());
        // Longest first, so a long run wins over the bigrams inside it.
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String term : all) {
            StringBuilder re = new StringBuilder();
            int[] cps = term.codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                if (i > 0 && Character.UnicodeScript.of(cps[i]) == Character.UnicodeScript.HAN) {
                    re.append("\\s*");
                }
                re.append(Pattern.quote(new String(cps, i, 1)));
            }
            alternatives.add(re.toString());
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
