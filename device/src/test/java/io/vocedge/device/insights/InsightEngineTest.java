package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.TopicHit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightEngineTest {
    /** The early exit below U+2E80 answers, for every code point, what the script lookup alone answers. */
    @Test
    void languageDetectionAgreesWithTheScriptLookupOnEveryCodePoint() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue;
            }
            String text = "ok " + Character.toString(c);
            String expected = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? "zh" : "en";
            assertThat(InsightEngine.detectLanguage(text)).as("U+%04X", c).isEqualTo(expected);
        }
        assertThat(InsightEngine.detectLanguage("the deposit 定金")).isEqualTo("zh");
        assertThat(InsightEngine.detectLanguage("")).isEqualTo("en");
    }

    /** Code-switched lines go to the language most of their words are in, as the training corpus labels them. */
    @Test
    void aCodeSwitchedLineIsReadInTheLanguageMostOfItsWordsAreIn() {
        assertThat(InsightEngine.detectLanguage("The car was supposed to arrive last week, 结果 still nothing."))
                .isEqualTo("en");
        assertThat(InsightEngine.detectLanguage("Is my car ready? 我已经等了两个小时了")).isEqualTo("zh");
        assertThat(InsightEngine.detectLanguage("那个 deposit 说 好 七 天 退 回来")).isEqualTo("zh");
        assertThat(InsightEngine.detectLanguage("今天的test drive体验很好")).isEqualTo("zh");
        assertThat(InsightEngine.detectLanguage("can I pay the 定金 by card")).isEqualTo("en");
        assertThat(engine.analyze("The car was supposed to arrive last week, 结果 still nothing.", null)
                        .lang())
                .isEqualTo("en");
    }

    private final InsightEngine engine = new InsightEngine(new Redactor(), Lexicon.loadDefault());

    private SentimentLabel label(String text) {
        return engine.analyze(text, null).sentiment().label();
    }

    @Test
    void recognizerStyleAndWrittenChineseGiveTheSameTopicsWithWordPositions() {
        var spaced = engine.analyze("我 上 周 交 的 定金 到 现在 还 没 退", "zh");
        var written = engine.analyze("我上周交的定金到现在还没退", "zh");
        assertThat(spaced.topicIds()).containsExactly("deposit_contract");
        assertThat(written.topicIds()).containsExactly("deposit_contract");
        TopicHit hit = spaced.topics().get(0);
        assertThat(hit.evidence()).extracting(TopicHit.Evidence::term).containsExactly("定金");
        assertThat(hit.evidence().get(0).pos()).isEqualTo(5);
        assertThat(spaced.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void negationIntensifiersContrastAndQuestionsAreHandled() {
        assertThat(label("价格 不 贵")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("价格 太 贵 了")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(engine.analyze("价格 太 贵 了", "zh").sentiment().score())
                .isLessThan(engine.analyze("价格 贵", "zh").sentiment().score());
        assertThat(label("he was not rude at all")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("价格 还行 但是 等 太久 了")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("we waited a bit but the price was great")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("is the deposit refundable")).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(label("试驾 要 等 半 小时 吗")).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(label("thanks for coming in")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void topicLevelSentimentFollowsItsClause() {
        var a = engine.analyze("the price was fine but the salesman was really rude", "en");
        TopicHit staff = a.topics().stream()
                .filter(t -> t.id().equals("staff_attitude"))
                .findFirst()
                .orElseThrow();
        assertThat(staff.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(a.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void redactionHappensBeforeAnalysisAndFlagsAreSet() {
        var a = engine.analyze("welcome in my number is five five five two one three four eight eight nine", "en");
        assertThat(a.redactedText()).isEqualTo("welcome in my number is <phone>");
        assertThat(a.redactions()).containsExactly("phone");
        assertThat(a.flags()).containsExactly("greeting");
        assertThat(engine.analyze("this is fucking ridiculous", "en").flags()).containsExactly("profanity");
    }

    @Test
    void lexiconReloadsOnlyToANewerVersion() {
        String yaml = """
                version: "2026.12.9"
                topics:
                  delivery: {en: [shipment]}
                  ev_charging: {en: [wallbox, wallboxes]}
                sentiment:
                  negative: {en: [kaput]}
                """;
        assertThat(engine.analyze("the wallbox is kaput", "en").topicIds()).isEmpty();
        engine.reload(Lexicon.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"));
        var a = engine.analyze("the wallbox is kaput", "en");
        assertThat(a.topicIds()).containsExactly("ev_charging");
        assertThat(a.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);

        // With the model, a custom topic of the deployment's lexicon is still decided by the rules.
        InsightEngine withModel = InsightEngine.withDefaults();
        withModel.reload(Lexicon.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"));
        assertThat(withModel.analyze("the wallbox is kaput", "en").topicIds()).contains("ev_charging");
        assertThat(a.lexiconVersion()).isEqualTo("2026.12.9");
        assertThatThrownBy(() -> engine.reload(Lexicon.loadDefault()))
                .hasMessageContaining("is not newer than the active 2026.12.9");
        assertThatThrownBy(
                        () -> Lexicon.parse("topics: {Bad-Id: {en: [x]}}".getBytes(StandardCharsets.UTF_8), "bad.yaml"))
                .hasMessageContaining("version: required")
                .hasMessageContaining("topic ids are lower_snake_case")
                .hasMessageNotContaining("Bad-Id");
    }

    @Test
    void conversationSummaryScoresPeakEndComplianceAndAttention() {
        List<ConversationScorer.Turn> turns = List.of(
                new ConversationScorer.Turn(SpeakerRole.STAFF, engine.analyze("欢迎 光临 请问 有 什么 可以 帮 您", "zh")),
                new ConversationScorer.Turn(
                        SpeakerRole.CUSTOMER, engine.analyze("我 上 周 交 的 定金 到 现在 还 没 退 太 过分 了", "zh")),
                new ConversationScorer.Turn(SpeakerRole.STAFF, engine.analyze("非常 抱歉 我们 马上 处理", "zh")),
                new ConversationScorer.Turn(SpeakerRole.CUSTOMER, engine.analyze("好 吧", "zh")));
        var score = new ConversationScorer().score(turns);
        assertThat(score.topicCounts()).containsEntry("deposit_contract", 1).containsEntry("greeting", 1);
        assertThat(score.compliance().greeting()).isTrue();
        assertThat(score.compliance().thanks()).isFalse();
        assertThat(score.compliance().noProfanity()).isTrue();
        assertThat(score.experienceScore()).isNegative();
        assertThat(score.attention().flag()).isTrue();
        assertThat(score.attention().reason()).contains("deposit_contract");
        assertThat(score.sentimentByRole().get("customer").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }
}
