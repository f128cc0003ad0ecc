package io.vocedge.gateway.console.data;

import io.vocedge.common.cli.BadInputException;

/**
 * A search box's text, checked: at most {@value #MAX_CHARS} characters and {@value #MAX_TERMS} index terms, and at
 * least one word or Han character (punctuation alone finds nothing and says so). The text is kept only to show it
 * back (escaped) and for the audit log.
 */
public record SearchRequest(String text, SearchTerms.Query query) {
    public static final int MAX_CHARS = 200;
    public static final int MAX_TERMS = 12;

    /** Null when {@code raw} is blank (an empty search form). */
    public static SearchRequest parseOrNull(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > MAX_CHARS) {
            throw new BadInputException("q is " + text.length() + " characters long: use at most " + MAX_CHARS);
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new BadInputException("q contains control characters: type words in Chinese or English");
        }
        SearchTerms.Query q = SearchTerms.query(text);
        if (q.isEmpty()) {
            throw new BadInputException("q '" + Filter.shorten(text)
                    + "' has no words to search for: type Chinese characters " + "(one or more) or English words");
        }
        if (q.terms().size() > MAX_TERMS) {
            throw new BadInputException("q has " + q.terms().size()
                    + " search terms (a Chinese run of n characters counts n-1): " + "use at most " + MAX_TERMS);
        }
        return new SearchRequest(text, q);
    }

    public static SearchRequest parse(String raw) {
        SearchRequest r = parseOrNull(raw);
        if (r == null) {
            throw new BadInputException("q is required: the words to search for, e.g. q=定金 or q=refund");
        }
        return r;
    }
}
