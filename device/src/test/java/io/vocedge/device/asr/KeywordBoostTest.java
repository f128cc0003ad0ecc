package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.pipeline.SpeechSegment;
import io.vocedge.device.pipeline.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordBoostTest {
    private static final SpeechSegment SEG = AsrStageTest.seg("k", 1000, 1000, (short) 3000, -20);

    @Test
    void lowConfidenceWordIsReplacedByAConfidentOverlappingKeyword() {
        FakeRecognizerFactory f = new FakeRecognizerFactory(null, true);
        Recognition main = new Recognition(
                "refunt please",
                List.of(new Transcript.Word("refunt", 1000, 1500, 0.3), new Transcript.Word("please", 1500, 2000, 0.9)),
                0.6,
                null);
        Recognition boosted = new KeywordBoost(f, List.of("Refund"), 0.6, 0.8).apply(SEG, main);
        assertThat(boosted.text()).isEqualTo("refund please");
        assertThat(boosted.words().getFirst().confidence()).isEqualTo(0.95);
        assertThat(boosted.words().getFirst().startMs()).isEqualTo(1000);
        assertThat(boosted.confidence()).isGreaterThan(main.confidence());
        assertThat(f.sessionsOpened.get()).isEqualTo(f.sessionsClosed.get()).isEqualTo(1);
    }

    @Test
    void confidentMainPassAndModelsWithoutGrammarAreLeftAlone() {
        Recognition confident =
                new Recognition("hello", List.of(new Transcript.Word("hello", 1000, 1500, 0.95)), 0.95, null);
        FakeRecognizerFactory withGrammar = new FakeRecognizerFactory(null, true);
        assertThat(new KeywordBoost(withGrammar, List.of("refund"), 0.6, 0.8).apply(SEG, confident))
                .isSameAs(confident);
        assertThat(withGrammar.sessionsOpened.get()).isZero(); // no second pass: no cost
        Recognition doubtful =
                new Recognition("refunt", List.of(new Transcript.Word("refunt", 1000, 1500, 0.3)), 0.3, null);
        KeywordBoost noGrammar = new KeywordBoost(new FakeRecognizerFactory(null, false), List.of("refund"), 0.6, 0.8);
        assertThat(noGrammar.applicable()).isFalse();
        assertThat(noGrammar.apply(SEG, doubtful)).isSameAs(doubtful);
    }
}
