package io.vocedge.device.insights;

import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.TopicHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The insight engine: redaction first, then topics (with evidence terms and word positions), sentiment (negation,
 * intensifiers, contrast clauses, questions, polite formulas; per utterance and per topic) and flags, for Chinese
 * and English, recognizer-style text (no punctuation, Chinese words spaced, English lower case) and written text.
 *
 * <p>Rule-based by design: it runs in microseconds on a Pi core, explains itself (evidence terms), and a store can
 * edit its lexicon. The lexicon reloads at run time: {@link #reload} swaps an immutable compiled lexicon and
 * refuses a version that is not newer.
 */
public final class InsightEngine {
    /** Clauses after a contrast word carry the weight; those before it count for less. */
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double AFTER_CONTRAST = 1.5;
    private static final double NEGATED = -0.7;
    private static final double QUESTION_DAMPING = 0.3;
    private static final double LABEL_THRESHOLD = 0.2;
    private static final List<String> FLAG_TOPICS = List.of("greeting", "thanks", "profanity");

    private final Redactor redactor;
    private final AtomicReference<CompiledLexicon> lexicon;

    public InsightEngine(Redactor redactor, Lexicon lexicon) {
        this.redactor = redactor;
        this.lexicon = new AtomicReference<>(new CompiledLexicon(lexicon));
    }

    /** The result for one utterance. */
    public record Analysis(String lang, String redactedText, List<String> redactions, List<TopicHit> topics,
            Sentiment sentiment, List<String> flags, String lexiconVersion) {
        public List<String> topicIds() {
            return topics.stream().map(TopicHit::id).toList();
        }
    }

    public String lexiconVersion() {
        return lexicon.get().version();
    }

    /** Replaces the lexicon if {@code next} is newer; throws {@link IllegalArgumentException} otherwise. */
    public synchronized void reload(Lexicon next) {
        String current = lexicon.get().version();
        if (Lexicon.compareVersions(next.version(), current) <= 0) {
            throw new IllegalArgumentException("lexicon version " + next.version() + " is not newer than the active "
                    + current + "; raise version: in the file");
        }
        lexicon.set(new CompiledLexicon(next));
    }

    /** Chinese when the text has any Han character, else English. */
    public static String detectLanguage(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "zh" : "en";
    }

    public Analysis analyze(String text, String langOrNull) {
        String lang = langOrNull == null || langOrNull.isBlank() ? detectLanguage(text) : langOrNull.startsWith("zh") ? "zh" : "en";
        Redactor.Result red = redactor.redact(text);
        CompiledLexicon lex = lexicon.get();
        CompiledLexicon.Language dict = lex.language(lang);
        List<Unit> units = lang.equals("zh") ? Segmenter.chinese(red.text(), dict) : Segmenter.english(red.text(), dict);
        boolean question = Segmenter.isQuestion(red.text(), units, lang);

        // Clauses: split at contrast words and punctuation breaks.
        List<List<Unit>> clauses = new ArrayList<>();
        List<Integer> clauseContrast = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int contrastCount = 0;
        for (Unit u : units) {
            if (u.term() != null && u.term().contrast) {
                clauses.add(current);
                clauseContrast.add(contrastCount);
                current = new ArrayList<>();
                contrastCount++;
                continue;
            }
            if (u.breakBefore() && !current.isEmpty()) {
                clauses.add(current);
                clauseContrast.add(contrastCount);
                current = new ArrayList<>();
            }
            current.add(u);
        }
        clauses.add(current);
        clauseContrast.add(contrastCount);

        double total = 0;
        Map<String, List<TopicHit.Evidence>> evidence = new LinkedHashMap<>();
        Map<String, Double> topicScore = new LinkedHashMap<>();
        for (int c = 0; c < clauses.size(); c++) {
            List<Unit> clause = clauses.get(c);
            double weight = contrastCount == 0 ? 1.0 : clauseContrast.get(c) < contrastCount ? BEFORE_CONTRAST : AFTER_CONTRAST;
            double clauseScore = clauseSentiment(clause);
            total += weight * clauseScore;
            for (Unit u : clause) {
                if (u.term() == null) {
                    continue;
                }
                for (String topic : u.term().topics) {
                    evidence.computeIfAbsent(topic, k -> new ArrayList<>()).add(new TopicHit.Evidence(u.text(), u.pos()));
                    topicScore.merge(topic, weight * clauseScore, Double::sum);
                }
            }
        }
        if (question) {
            total *= QUESTION_DAMPING;
        }
        List<TopicHit> topics = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (String id : lex.topicIds()) {
            if (!evidence.containsKey(id)) {
                continue;
            }
            topics.add(new TopicHit(id, evidence.get(id), sentiment(topicScore.get(id) * (question ? QUESTION_DAMPING : 1))));
            if (FLAG_TOPICS.contains(id)) {
                flags.add(id);
            }
        }
        return new Analysis(lang, red.text(), red.kinds(), topics, sentiment(total), flags, lex.version());
    }

    /** Sum of sentiment terms in a clause, each flipped by a negator and scaled by an intensifier just before it. */
    private static double clauseSentiment(List<Unit> clause) {
        double sum = 0;
        for (int i = 0; i < clause.size(); i++) {
            CompiledLexicon.Term t = clause.get(i).term();
            if (t == null || t.polarity == 0 || t.negator && t.polarity == 0) {
                continue;
            }
            double v = t.polarity * t.weight;
            for (int j = Math.max(0, i - 2); j < i; j++) {
                CompiledLexicon.Term before = clause.get(j).term();
                if (before == null) {
                    continue;
                }
                if (before.negator) {
                    v *= NEGATED;
                }
                if (before.intensifier > 0) {
                    v *= before.intensifier;
                }
            }
            sum += v;
        }
        return sum;
    }

    static Sentiment sentiment(double raw) {
        double score = Math.tanh(raw / 1.5);
        score = Math.round(score * 1000) / 1000.0;
        SentimentLabel label = score > LABEL_THRESHOLD ? SentimentLabel.POSITIVE
                : score < -LABEL_THRESHOLD ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new Sentiment(label, score);
    }
}
