package io.vocedge.device.insights;

/**
 * A segmented piece of text: a lexicon term (with its meaning) or an unknown word/character. {@code pos} is the
 * 0-based word position in the redacted text; {@code breakBefore} marks a clause break (punctuation) before it.
 */
record Unit(String text, int pos, CompiledLexicon.Term term, boolean breakBefore) {}
