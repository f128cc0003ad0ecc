package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The featurizer hashes stems, character 4-grams and lexicon topics in place (no substrings, no per-utterance sets) to
 * allocate less; the hashes must stay those of the written-out feature names, or every shipped model would silently
 * score with the wrong weights.
 */
class FeaturizerTest {
    private static final LexiconSignals NONE = new LexiconSignals(List.of(), List.of(), 0, false, false);

    @Test
    void stemsAndCharacterGramsHashLikeTheirWrittenNames() {
        NormalizedText t = NormalizedText.of("we waited forever and the refunds stopped quickly", "en");
        Set<Integer> hashes = hashes(Featurizer.features(t, null, NONE));
        FeatureHash h = new FeatureHash();
        for (String w : t.units) {
            String stem = naiveStem(w);
            if (!stem.equals(w)) {
                assertThat(hashes)
                        .as("stem of %s", w)
                        .contains(h.begin("st|").chars(stem).end());
            }
            if (w.length() >= 5) {
                String padded = " " + w + " ";
                for (int k = 0; k + 4 <= padded.length(); k++) {
                    assertThat(hashes)
                            .as("4-gram '%s'", padded.substring(k, k + 4))
                            .contains(h.begin("c|")
                                    .chars(padded.substring(k, k + 4))
                                    .end());
                }
            }
        }
        assertThat(Featurizer.stemLength("waited")).isEqualTo(4);
        assertThat(Featurizer.stemLength("quickly")).isEqualTo(5);
        assertThat(Featurizer.stemLength("waiting")).isEqualTo(4);
        assertThat(Featurizer.stemLength("refunds")).isEqualTo(6);
        assertThat(Featurizer.stemLength("glass")).isEqualTo(5);
    }

    @Test
    void aLexiconTopicFoundTwiceIsOneFeatureNamedByItsFirstTerm() {
        LexiconSignals s = new LexiconSignals(
                List.of(
                        new LexiconSignals.Hit("waiting_time", "waited", 1, false, false, 0),
                        new LexiconSignals.Hit("delivery", "delivery", 3, false, false, 0),
                        new LexiconSignals.Hit("waiting_time", "forever", 2, false, false, 0)),
                List.of(),
                0,
                false,
                false);
        FeatureVector v = Featurizer.features(NormalizedText.of("we waited forever for delivery", "en"), null, s);
        int waiting = new FeatureHash().begin("lex|").chars("waiting_time").end();
        int delivery = new FeatureHash().begin("lex|").chars("delivery").end();
        int seenWaiting = 0;
        for (int i = 0; i < v.size; i++) {
            if (v.hash[i] == waiting) {
                seenWaiting++;
                assertThat(v.term[i]).isEqualTo("waited");
            }
        }
        assertThat(seenWaiting).isEqualTo(1);
        assertThat(hashes(v)).contains(delivery);
    }

    /** The stem as the featurizer wrote it before hashing in place (features version 3). */
    private static String naiveStem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && (w.endsWith("ed") || w.endsWith("ly"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static Set<Integer> hashes(FeatureVector v) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < v.size; i++) {
            out.add(v.hash[i]);
        }
        return out;
    }
}
