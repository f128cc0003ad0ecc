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
        /** Strength of a sentiment term; a Chinese term that starts with an intensifier ("太贵") carries its weight. */
        double weight = 1;

        boolean negator;
        double intensifier;
        boolean contrast;
        boolean question;
        boolean polite;
    }

    static final class Language {
        final Map<String, Term> terms = new HashMap<>();
        /**
         * First word of multi-word terms -> the most words a term starting with it has: only up to there is a longer
         * match worth trying (segmentation speed; trying up to the longest term of all cost 7 % of the engine).
         */
        final Map<String, Integer> maxWordsByStart = new HashMap<>();
        /** First character of a term without spaces -> its longest such term in characters (0: none starts there). */
        final byte[] maxCharsByFirst = new byte[Character.MAX_VALUE + 1];

        Term term(String key) {
            Term t = terms.computeIfAbsent(key, k -> new Term());
            int space = key.indexOf(' ');
            if (space > 0) {
                maxWordsByStart.merge(key.substring(0, space), length(key), Math::max);
            } else if (!key.isEmpty()) {
                char first = key.charAt(0);
                maxCharsByFirst[first] =
                        (byte) Math.min(Byte.MAX_VALUE, Math.max(maxCharsByFirst[first], key.length()));
            }
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
            lex.topics()
                    .forEach((topic, perLang) -> perLang.getOrDefault(lang, List.of())
                            .forEach(term -> l.term(key(term, words)).topics.add(topic)));
            lex.positive().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).polarity = 1);
            lex.negative().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).polarity = -1);
            lex.negators().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).negator = true);
            lex.intensifiers()
                    .getOrDefault(lang, Map.of())
                    .forEach((term, w) -> l.term(key(term, words)).intensifier = w);
            lex.contrast().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).contrast = true);
            lex.question().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).question = true);
            lex.polite().getOrDefault(lang, List.of()).forEach(term -> l.term(key(term, words)).polite = true);
            inheritPolarity(l, lex, lang, words);
            if (!words) {
                weighCompounds(l, lex.intensifiers().getOrDefault(lang, Map.of()));
            }
            languages.put(lang, l);
        }
    }

    /**
     * A topic or polite term that swallows a sentiment word in longest-match segmentation ("服务很好", "nobody even
     * came") takes that word's polarity, unless the lexicon gave it one; profanity is always negative. Single
     * Chinese characters are not inherited ("好" inside "好久" is not praise).
     */
    private static void inheritPolarity(Language l, Lexicon lex, String lang, boolean words) {
        List<String> pos = lex.positive().getOrDefault(lang, List.of()).stream()
                .map(t -> key(t, words))
                .toList();
        List<String> neg = lex.negative().getOrDefault(lang, List.of()).stream()
                .map(t -> key(t, words))
                .toList();
        for (Map.Entry<String, Term> e : l.terms.entrySet()) {
            Term t = e.getValue();
            if (t.topics.contains("profanity")) {
                t.polarity = -1;
            }
            if (t.polarity != 0 || t.topics.isEmpty()) {
                continue;
            }
            String term = e.getKey();
            if (contains(term, neg, words)) {
                t.polarity = -1;
            } else if (contains(term, pos, words)) {
                t.polarity = 1;
            }
        }
    }

    private static void weighCompounds(Language l, Map<String, Double> intensifiers) {
        for (Map.Entry<String, Term> e : l.terms.entrySet()) {
            if (e.getValue().polarity == 0) {
                continue;
            }
            for (Map.Entry<String, Double> i : intensifiers.entrySet()) {
                if (e.getKey().length() > i.getKey().length() && e.getKey().startsWith(i.getKey())) {
                    e.getValue().weight = Math.max(e.getValue().weight, i.getValue());
                }
            }
        }
    }

    private static boolean contains(String term, List<String> candidates, boolean words) {
        for (String c : candidates) {
            if (c.equals(term)) {
                continue;
            }
            if (words ? (" " + term + " ").contains(" " + c + " ") : c.length() >= 2 && term.contains(c)) {
                return true;
            }
        }
        return false;
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
