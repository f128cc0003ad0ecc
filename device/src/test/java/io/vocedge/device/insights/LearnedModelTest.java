package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.device.insights.model.InsightModel;
import io.vocedge.device.insights.model.ModelCodec;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.TopicHit;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine with the model that ships in the jar: issue 15's cases, evidence, calibration range, hot swap. */
class LearnedModelTest {
    private final InsightEngine engine = InsightEngine.withDefaults();

    @Test
    void theManagersCasesFromTheIssueAreCaught() {
        var repair = engine.analyze(
                "I want to speak to the manager, this is the third time the repair failed", "en", "customer");
        assertThat(repair.flags()).contains("escalation");
        assertThat(repair.topicIds()).contains("after_sales");
        assertThat(repair.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);

        var never = engine.analyze("i will never buy here again", "en", "customer");
        assertThat(never.flags()).contains("churn_risk");
        assertThat(never.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);

        var tradeIn = engine.analyze("旧车 评估 价 也 太 低 了 吧", "zh", "customer");
        assertThat(tradeIn.topicIds()).contains("trade_in");
        assertThat(tradeIn.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);

        assertThat(engine.analyze("叫 你们 经理 来 我 要 打 12315 投诉", "zh", "customer").flags())
                .contains("escalation");
        assertThat(engine.analyze("我 去 别 家 买 了", "zh", "customer").flags()).contains("churn_risk");
        assertThat(engine.analyze("not a single problem since we bought it", "en", null)
                        .sentiment()
                        .label())
                .isEqualTo(SentimentLabel.POSITIVE);
        assertThat(engine.analyze("麻烦您帮我查一下订单到哪了", "zh", "customer").sentiment().label())
                .isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void everyDecisionCarriesItsEvidenceAndACalibratedProbability() {
        var a = engine.analyze("we've been waiting forty minutes and nobody came over", "en", "customer");
        assertThat(a.modelVersion()).isEqualTo(engine.modelVersion()).isNotBlank();
        assertThat(a.sentiment().confidence()).isBetween(0.0, 1.0);
        assertThat(a.sentimentEvidence())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.weight()).isPositive());
        assertThat(a.topics()).isNotEmpty();
        for (TopicHit t : a.topics()) {
            assertThat(t.confidence()).isBetween(0.0, 1.0);
            assertThat(t.evidence()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.weight()).isPositive();
                assertThat(e.term()).isNotBlank().hasSizeLessThanOrEqualTo(128);
            });
        }
        var flagged = engine.analyze("I want to speak to the manager right now", "en", "customer");
        assertThat(flagged.flagEvidence().get("escalation")).isNotEmpty();
        assertThat(flagged.flagEvidence().get("escalation").get(0).term()).contains("manager");
    }

    @Test
    void redactionStillComesFirstAndTheModelNeverSeesTheNumber() {
        var a = engine.analyze(
                "call me on five five five oh one two three four five six about the trade in", "en", "customer");
        assertThat(a.redactedText()).isEqualTo("call me on <phone> about the trade in");
        a.topics().forEach(t -> t.evidence().forEach(e -> assertThat(e.term()).doesNotContain("five")));
    }

    @Test
    void aModelIsSwappedFromBytesOnlyWhenItIsWholeAndTheOldOneIsKept() throws Exception {
        byte[] bytes;
        try (InputStream in = BundledModel.class.getResourceAsStream(BundledModel.RESOURCE)) {
            bytes = in.readAllBytes();
        }
        String active = engine.modelVersion();
        assertThatThrownBy(() -> engine.installModel(bytes, "same")).hasMessageContaining("already active");

        byte[] tampered = bytes.clone();
        tampered[tampered.length / 2] ^= 1; // one flipped bit in the weights
        assertThatThrownBy(() -> engine.installModel(tampered, "tampered"))
                .hasMessageContaining("SHA-256 check failed");
        assertThatThrownBy(() -> engine.installModel(Arrays.copyOf(bytes, 1000), "truncated"))
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> engine.installModel("version: 1\n".getBytes(), "a lexicon"))
                .hasMessageContaining("not a VoC");
        assertThatThrownBy(() -> engine.installModel(new byte[ModelCodec.MAX_BYTES + 1], "huge"))
                .hasMessageContaining("more than");
        assertThat(engine.modelVersion()).isEqualTo(active);

        InsightEngine rulesOnly = new InsightEngine(new Redactor(), Lexicon.loadDefault());
        assertThat(rulesOnly.analyze("i will never buy here again", "en").modelVersion())
                .isNull();
        assertThatThrownBy(rulesOnly::rollbackModel).hasMessageContaining("no previous model");
        assertThat(rulesOnly.installModel(bytes, "bytes from the gateway")).isEqualTo(active);
        assertThat(rulesOnly.analyze("i will never buy here again", "en").flags())
                .contains("churn_risk");
    }

    @Test
    void conversationsWithAnEscalationNeedAttentionAndCountTheFlags() {
        List<ConversationScorer.Turn> turns = List.of(
                new ConversationScorer.Turn(
                        SpeakerRole.STAFF, engine.analyze("welcome in how can i help you today", "en", "staff")),
                new ConversationScorer.Turn(
                        SpeakerRole.CUSTOMER,
                        engine.analyze(
                                "I want to speak to the manager, this is the third time the repair failed",
                                "en",
                                "customer")),
                new ConversationScorer.Turn(
                        SpeakerRole.CUSTOMER, engine.analyze("i will never buy here again", "en", "customer")));
        var score = new ConversationScorer().score(turns);
        assertThat(score.attention().flag()).isTrue();
        assertThat(score.attention().reason()).startsWith("escalation");
        assertThat(score.flagCounts()).containsEntry("escalation", 1).containsEntry("churn_risk", 1);

        var churnOnly = new ConversationScorer()
                .score(List.of(new ConversationScorer.Turn(
                        SpeakerRole.CUSTOMER, engine.analyze("我 去 别 家 买 了", "zh", "customer"))));
        assertThat(churnOnly.attention().reason()).startsWith("churn risk");
    }

    @Test
    void theShippedModelSaysWhereItCameFrom() {
        InsightModel m = engine.model();
        assertThat(m.info().corpusSha256()).hasSize(64);
        assertThat(m.version()).matches("1-[0-9a-f]{12}");
        assertThat(m.info().lexiconVersion()).isEqualTo(engine.lexiconVersion());
        assertThat(m.topics()).contains("trade_in");
        assertThat(m.flags()).containsExactly("escalation", "churn_risk");
    }
}
