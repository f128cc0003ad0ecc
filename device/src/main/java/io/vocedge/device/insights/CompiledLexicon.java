package io.vocedge.device.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lexicon turned into per-language term dictionaries for greedy longest-match segmentation. Immutable, so a
 * reload swaps the whole object atomically and analysis never sees half a lexicon.
 */
public final class CompiledLexicon {
    /** What a term means. A term may be several things (e.g. "rude": staff_attitude and negative). */
    static final class Term {
        final Set<String> topics = new LinkedHashSet<>();
        double polarity;
        boolean negator;
        double intensifier;
        boolean contrast;
        boolean question;
        boolean polite;
    }

    static final class Language {
        final Map<String, Term> terms = new HashMap<>();
        int maxLength = 1;

        Term term(String key) {
            Term t = terms.computeIfAbsent(key, k -> new Term());
            maxLength = Math.max(maxLength, length(key));
            return t;
        }

        int length(String key) {
            return key.contains(" ") ? key.split(" ").length : key.length();
        }
    }

    private final String version;
    private final Map<String, Language> languages = new HashMap<>();
    private final List<String> topicIds;

    public CompiledLexicon(Lexicon lex) {
        this.version = lex.version();
        this.topicIds = new ArrayList<>(lex.topics().keySet());
        for (String lang : Lexicon.LANGS) {
            Language l = new Language();
            boolean words = lang.equals("en");
            lex.topics().forEach((topic, perLang) -> perLang.getOrDefault(lang, List.of())
                    .forEach(term -> l.term(key(term, words)).topics.add(topic)));
            lex.positive().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).polarity = 1);
            lex.negative().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).polarity = -1);
            lex.negators().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).negator = true);
            lex.intensifiers().getOrDefault(lang, Map.of()).forEach((term, w) -> l.term(key(term, words)).intensifier = w);
            lex.contrast().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).contrast = true);
            lex.question().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).question = true);
            lex.polite().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).polite = true);
            languages.put(lang, l);
        }
    }

    /** English terms are word sequences (normalised spacing, hyphens as spaces); Chinese terms lose their spaces. */
    static String key(String term, boolean words) {
        return words ? String.join(" ", term.replace('-', ' ').trim().split("\\s+")) : term.replaceAll("\\s+", "");
    }

    public String version() {
        return version;
    }

    public List<String> topicIds() {
        return topicIds;
    }

    Language language(String lang) {
        Language l = languages.get(lang);
        return l != null ? l : languages.get("en");
    }
}
