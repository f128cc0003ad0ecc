package io.vocedge.device.insights;

import io.vocedge.device.insights.model.InsightModel;
import io.vocedge.device.insights.model.LexiconSignals;
import io.vocedge.device.insights.model.ModelCodec;
import io.vocedge.device.insights.model.PreparedText;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.TopicHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The insight engine: redaction first, then topics, sentiment and flags for Chinese and English, recognizer-style
 * text (no punctuation, Chinese words spaced, English lower case) and written text.
 *
 * <p>Two parts work together. The lexicon rules (editable per deployment: topic terms, sentiment terms, negation,
 * intensifiers, contrast clauses, questions, polite formulas) read every utterance; the learned model
 * ({@link InsightModel}, trained from the labelled corpus) takes their findings as features beside word and character
 * n-grams and rule cues, and decides the taxonomy topics, the sentiment and the flags {@code escalation} and
 * {@code churn_risk}, each with a calibrated probability and its evidence. Topics a deployment adds to its lexicon
 * (not known to the model) are still decided by the rules. Without a model the rules decide everything.
 *
 * <p>Both reload at run time without a restart: {@link #reload} swaps the compiled lexicon (only a newer version);
 * {@link #installModel} swaps the model from the bytes of a model file, after checking format, features version and
 * checksum, and keeps the previous one for {@link #rollbackModel}.
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
    private final ModelSlot model;

    /** Rules only (no learned model). */
    public InsightEngine(Redactor redactor, Lexicon lexicon) {
        this(redactor, lexicon, null);
    }

    /** Rules and, unless {@code modelOrNull} is null, the learned model. */
    public InsightEngine(Redactor redactor, Lexicon lexicon, InsightModel modelOrNull) {
        this.redactor = redactor;
        this.lexicon = new AtomicReference<>(new CompiledLexicon(lexicon));
        this.model = new ModelSlot(modelOrNull);
    }

    /** The built-in lexicon and the model that ships in the jar. */
    public static InsightEngine withDefaults() {
        return new InsightEngine(new Redactor(), Lexicon.loadDefault(), BundledModel.load());
    }

    /**
     * The result for one utterance. {@code sentimentEvidence}, {@code flagEvidence} and {@code modelVersion} are empty
     * or null when only the rules ran.
     */
    public record Analysis(
            String lang,
            String redactedText,
            List<String> redactions,
            List<TopicHit> topics,
            Sentiment sentiment,
            List<String> flags,
            String lexiconVersion,
            List<TopicHit.Evidence> sentimentEvidence,
            Map<String, List<TopicHit.Evidence>> flagEvidence,
            String modelVersion) {
        public List<String> topicIds() {
            return topics.stream().map(TopicHit::id).toList();
        }
    }

    /** The active model's version, or null when only the rules run. */
    public String modelVersion() {
        InsightModel m = model.current();
        return m == null ? null : m.version();
    }

    /** The active model, or null. */
    public InsightModel model() {
        return model.current();
    }

    /**
     * Verifies the bytes of a model file (format, features version, checksum, topic ids) and makes it the active model
     * at once, keeping the one it replaces for {@link #rollbackModel}. Analyses in flight finish with the model they
     * started with. Throws {@link IllegalArgumentException} naming the problem; the active model stays.
     */
    public String installModel(byte[] bytes, String source) {
        InsightModel next = ModelCodec.read(bytes, source);
        model.install(next);
        return next.version();
    }

    /** Makes the previous model active again; throws {@link IllegalStateException} when there is none. */
    public String rollbackModel() {
        return model.rollback().version();
    }

    /** Redacts and applies the lexicon rules: what the model reads (and what training reads). */
    public PreparedText prepare(String text, String langOrNull) {
        String lang = language(text, langOrNull);
        Redactor.Result red = redactor.redact(text);
        return new PreparedText(red.text(), lang, signals(red.text(), lang, lexicon.get()));
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

    /**
     * Chinese when the text's Han characters are at least as many as its Latin-letter words, else English: the
     * convention the training corpus is labelled by (891 of its 893 code-switched lines; "any Han character", the rule
     * until 2026-12-08, matched 670), so "The car was due last week, 结果 still nothing" goes to the English model, which
     * learnt such lines (on a held-out set of them read as Chinese: topics 0.60, sentiment 0.52; as English 0.90, 1.00).
     * A device passes its recognizer's language and does not come here.
     */
    public static String detectLanguage(String text) {
        int han = 0;
        int latinWords = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean latin = c < 128 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            if (latin && !inWord) {
                latinWords++;
            }
            inWord = latin;
            // No Han code point lies below U+2E80 (CJK radicals), so most characters skip the script lookup.
            if (c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            }
            i += Character.charCount(c);
        }
        return han > 0 && han >= latinWords ? "zh" : "en";
    }

    public Analysis analyze(String text, String langOrNull) {
        return analyze(text, langOrNull, null);
    }

    /** Analyses one utterance; {@code role} (staff, customer, unknown or null) helps the model when known. */
    public Analysis analyze(String text, String langOrNull, String role) {
        String lang = language(text, langOrNull);
        Redactor.Result red = redactor.redact(text);
        CompiledLexicon lex = lexicon.get();
        LexiconSignals signals = signals(red.text(), lang, lex);
        Analysis rules = fromRules(lang, red, signals, lex);
        InsightModel m = model.current();
        if (m == null) {
            return rules;
        }
        InsightModel.Result r = m.analyze(new PreparedText(red.text(), lang, signals), role);
        return combine(rules, r, m);
    }

    /** Model decisions for the topics and flags it knows; the rules' for custom lexicon topics. */
    private static Analysis combine(Analysis rules, InsightModel.Result r, InsightModel m) {
        List<TopicHit> topics = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        Map<String, List<TopicHit.Evidence>> flagEvidence = new LinkedHashMap<>();
        for (InsightModel.Decision d : r.topics()) {
            topics.add(new TopicHit(
                    d.id(),
                    evidence(d.evidence()),
                    new Sentiment(SentimentLabel.fromWire(d.sentiment()), d.sentimentScore()),
                    d.probability()));
            if (FLAG_TOPICS.contains(d.id())) {
                flags.add(d.id());
            }
        }
        for (TopicHit t : rules.topics()) {
            if (!m.topics().contains(t.id())) {
                topics.add(t);
                if (FLAG_TOPICS.contains(t.id())) {
                    flags.add(t.id());
                }
            }
        }
        for (InsightModel.Decision d : r.flags()) {
            flags.add(d.id());
            flagEvidence.put(d.id(), evidence(d.evidence()));
        }
        Sentiment s =
                new Sentiment(SentimentLabel.fromWire(r.sentiment()), r.sentimentScore(), r.sentimentConfidence());
        return new Analysis(
                rules.lang(),
                rules.redactedText(),
                rules.redactions(),
                topics,
                s,
                flags,
                rules.lexiconVersion(),
                evidence(r.sentimentEvidence()),
                flagEvidence,
                m.version());
    }

    private static List<TopicHit.Evidence> evidence(List<InsightModel.Evidence> ev) {
        List<TopicHit.Evidence> out = new ArrayList<>(ev.size());
        for (InsightModel.Evidence e : ev) {
            out.add(new TopicHit.Evidence(e.term(), e.pos(), e.weight()));
        }
        return out;
    }

    static String language(String text, String langOrNull) {
        return langOrNull == null || langOrNull.isBlank()
                ? detectLanguage(text)
                : langOrNull.startsWith("zh") ? "zh" : "en";
    }

    /** The rules' answer: topics from lexicon terms, sentiment from clause-weighted lexicon polarity. */
    private static Analysis fromRules(String lang, Redactor.Result red, LexiconSignals signals, CompiledLexicon lex) {
        Map<String, List<TopicHit.Evidence>> evidence = new LinkedHashMap<>();
        Map<String, Double> topicScore = new LinkedHashMap<>();
        for (LexiconSignals.Hit h : signals.topicHits()) {
            evidence.computeIfAbsent(h.label(), k -> new ArrayList<>()).add(new TopicHit.Evidence(h.term(), h.pos()));
            topicScore.merge(h.label(), h.clauseScore(), Double::sum);
        }
        List<TopicHit> topics = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (String id : lex.topicIds()) {
            if (!evidence.containsKey(id)) {
                continue;
            }
            topics.add(new TopicHit(
                    id, evidence.get(id), sentiment(topicScore.get(id) * (signals.question() ? QUESTION_DAMPING : 1))));
            if (FLAG_TOPICS.contains(id)) {
                flags.add(id);
            }
        }
        double raw = signals.ruleScore();
        Sentiment s = label(raw);
        return new Analysis(lang, red.text(), red.kinds(), topics, s, flags, lex.version(), List.of(), Map.of(), null);
    }

    /** Segments the redacted text against the lexicon and applies the sentiment rules. */
    static LexiconSignals signals(String redacted, String lang, CompiledLexicon lex) {
        CompiledLexicon.Language dict = lex.language(lang);
        List<Unit> units = lang.equals("zh") ? Segmenter.chinese(redacted, dict) : Segmenter.english(redacted, dict);
        boolean question = Segmenter.isQuestion(redacted, units, lang);

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
        List<LexiconSignals.Hit> topicHits = new ArrayList<>();
        List<LexiconSignals.Hit> polarityHits = new ArrayList<>();
        for (int c = 0; c < clauses.size(); c++) {
            List<Unit> clause = clauses.get(c);
            boolean after = contrastCount > 0 && clauseContrast.get(c) == contrastCount;
            double weight = contrastCount == 0 ? 1.0 : after ? AFTER_CONTRAST : BEFORE_CONTRAST;
            double clauseScore = clauseSentiment(clause);
            total += weight * clauseScore;
            for (int i = 0; i < clause.size(); i++) {
                Unit u = clause.get(i);
                if (u.term() == null) {
                    continue;
                }
                boolean negated = negatedAt(clause, i);
                for (String topic : u.term().topics) {
                    topicHits.add(
                            new LexiconSignals.Hit(topic, u.text(), u.pos(), after, negated, weight * clauseScore));
                }
                if (u.term().polarity != 0) {
                    polarityHits.add(new LexiconSignals.Hit(
                            u.term().polarity > 0 ? "positive" : "negative", u.text(), u.pos(), after, negated, 0));
                }
            }
        }
        if (question) {
            total *= QUESTION_DAMPING;
        }
        return new LexiconSignals(topicHits, polarityHits, Math.tanh(total / 1.5), question, contrastCount > 0);
    }

    private static boolean negatedAt(List<Unit> clause, int i) {
        for (int j = Math.max(0, i - 2); j < i; j++) {
            CompiledLexicon.Term before = clause.get(j).term();
            if (before != null && before.negator) {
                return true;
            }
        }
        return false;
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
        return label(Math.tanh(raw / 1.5));
    }

    /** A rules score already in [-1, 1] as a label at +-0.2. */
    static Sentiment label(double tanhScore) {
        double score = Math.round(tanhScore * 1000) / 1000.0;
        SentimentLabel label = score > LABEL_THRESHOLD
                ? SentimentLabel.POSITIVE
                : score < -LABEL_THRESHOLD ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new Sentiment(label, score);
    }
}
