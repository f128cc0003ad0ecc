package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link RedactionScore} counts keep spans: case and spacing do not matter; a span absent from its text is apart. */
class RedactionScoreTest {
    private final Redactor redactor = new Redactor();

    @Test
    void keepSpansAreComparedIgnoringCaseAndSpacing() {
        RedactionScore.Case c = new RedactionScore.Case(
                "k1",
                "en",
                "keep",
                "The  Honda quote was 29,999 at ten thirty",
                List.of(),
                List.of("honda quote", "Ten Thirty"));

        RedactionScore.Figures f = RedactionScore.score(redactor, List.of(c));

        assertThat(f.keepSpans()).isEqualTo(2);
        assertThat(f.kept()).isEqualTo(2);
        assertThat(f.keepNotInText()).isZero();
    }

    @Test
    void aKeepSpanThatIsNotInItsOwnTextIsCountedApartAndLeftOutOfTheRate() {
        RedactionScore.Case c = new RedactionScore.Case(
                "k2",
                "en",
                "phone",
                "call me on 555 0134 about the brake pads",
                List.of("555 0134"),
                List.of("brake pads", "oil change"));

        RedactionScore.Figures f = RedactionScore.score(redactor, List.of(c));

        assertThat(f.keepNotInText()).isEqualTo(1);
        assertThat(f.keepSpans()).isEqualTo(1);
        assertThat(f.kept()).isEqualTo(1);
        assertThat(f.keptRate()).isEqualTo(1.0);
        assertThat(f.recall()).isEqualTo(1.0);
        assertThat(f.describe()).contains("not in their own text (left out) 1");
    }

    @Test
    void aKeepSpanTheRedactorRemovesIsLost() {
        RedactionScore.Case c =
                new RedactionScore.Case("k3", "en", "phone", "my number is 555 0134", List.of(), List.of("555 0134"));

        RedactionScore.Figures f = RedactionScore.score(redactor, List.of(c));

        assertThat(f.keepSpans()).isEqualTo(1);
        assertThat(f.kept()).isZero();
        assertThat(RedactionScore.failures(redactor, List.of(c)))
                .singleElement()
                .asString()
                .contains("LOST");
    }
}
