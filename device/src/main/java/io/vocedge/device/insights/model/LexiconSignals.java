package io.vocedge.device.insights.model;

import java.util.List;

/**
 * What the lexicon rules saw in one redacted utterance: topic terms and sentiment terms with their word positions
 * (and whether they stood after a contrast word or right after a negator), the rules' clause-weighted sentiment
 * ({@code tanh}-scaled, in [-1, 1]) and whether the utterance is a question. The learned model uses these as
 * features; with no model they are the engine's answer.
 */
public record LexiconSignals(
        List<Hit> topicHits, List<Hit> polarityHits, double ruleScore, boolean question, boolean contrast) {

    /**
     * One lexicon term: its topic (or {@code positive}/{@code negative} for a sentiment term), the text, word position,
     * whether it stands after the last contrast word, whether a negator came just before it, and the clause's
     * weighted sentiment (topic hits; 0 for sentiment terms).
     */
    public record Hit(String label, String term, int pos, boolean afterContrast, boolean negated, double clauseScore) {}
}
