package io.vocedge.device.insights.model;

/** A redacted utterance with what the lexicon rules saw in it: the input of {@link InsightModel#analyze}. */
public record PreparedText(String redacted, String lang, LexiconSignals signals) {}
