package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.insights.model.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Quality on a blind held-out set of one theme: utterances in which personal details are given, read back, spelled or
 * complained about (corpus/details-heldout: 400 lines by an author who saw neither the training corpus nor the
 * twelfth author's lines on the same theme). Redaction turns the details into placeholders; the model must not read
 * a feeling into "the plate is &lt;plate&gt;". Before the twelfth author's lines joined the training corpus the shipped
 * model scored sentiment 0.878 here (neutral recall 0.880); the floors sit just under what the model trained with them
 * measured once (0.933, neutral recall 0.965, topics 0.824). Never train or tune on this set.
 */
class DetailsHeldoutQualityTest {
    @Test
    void plainDetailExchangesAreNeutralAndComplaintsAboutThemAreNot() throws Exception {
        Metrics m = DevSetQualityTest.heldOut("corpus/details-heldout", 400, "details held-out set");
        String report = m.report("details held-out set", false);
        assertThat(m.sentimentAccuracy()).as(report).isGreaterThanOrEqualTo(0.92);
        assertThat(m.sentimentRecall("neutral")).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(m.sentimentRecall("negative")).as(report).isGreaterThanOrEqualTo(0.90);
        assertThat(m.topicMicroF1()).as(report).isGreaterThanOrEqualTo(0.80);
    }
}
