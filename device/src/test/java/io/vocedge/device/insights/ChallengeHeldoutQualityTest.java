package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.insights.model.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Quality on a blind held-out set of six phenomena where a sentiment model slips: sarcasm, warmth and slang praise,
 * process talk with loaded-sounding words, code-switching, reported speech, mild feelings (corpus/challenge-heldout:
 * 300 lines by an author who saw no training line). The shipped model before the fourteenth and sixteenth authors'
 * lines scored sentiment 0.880 here (negative recall 0.819; mild feelings 0.74); the floors sit just under what the
 * model trained with them measured (0.937, negative recall 0.914, neutral 0.941, topics 0.884). The seventeenth
 * author's flag look-alikes (2026-12-06, eighth session) cost this set four lines (0.923, negative recall 0.895: mild
 * feelings 0.94 -> 0.88, reported speech 0.80 -> 0.76, sarcasm 0.92 -> 0.94) while its own blind set gained 4.5 points
 * of sentiment and 5-11 of flag F1 (FlagsHeldoutQualityTest); the negative floor went from 0.90 to 0.89 for it. With
 * the nineteenth author's closing talk: 0.927, negative recall 0.895, topics 0.875. With the twentieth to
 * twenty-second authors' time, staff and manager talk (the shipped model): 0.937, negative recall 0.914, topics 0.883.
 * Never train or tune on this set.
 */
class ChallengeHeldoutQualityTest {
    @Test
    void sarcasmMildComplaintsAndProcessTalkAreReadAsMeant() throws Exception {
        Metrics m = DevSetQualityTest.heldOut("corpus/challenge-heldout", 300, "challenge held-out set");
        String report = m.report("challenge held-out set", false);
        assertThat(m.sentimentAccuracy()).as(report).isGreaterThanOrEqualTo(0.92);
        assertThat(m.sentimentRecall("negative")).as(report).isGreaterThanOrEqualTo(0.89);
        assertThat(m.sentimentRecall("neutral")).as(report).isGreaterThanOrEqualTo(0.92);
        assertThat(m.topicMicroF1()).as(report).isGreaterThanOrEqualTo(0.86);
    }
}
