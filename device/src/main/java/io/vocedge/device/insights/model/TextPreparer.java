package io.vocedge.device.insights.model;

/** Redacts a text and applies the lexicon rules (the engine does this; training does it the same way). */
@FunctionalInterface
public interface TextPreparer {
    PreparedText prepare(String text, String lang);
}
