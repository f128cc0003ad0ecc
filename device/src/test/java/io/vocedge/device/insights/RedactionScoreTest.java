package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link RedactionScore} reads case files and counts keep spans: spans are separated by {@code |} with or without
 * spaces; case and spacing do not matter; a span absent from its text is apart.
 */
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

    /**
     * The frozen set (corpus-frozen/README.md) separates spans with a bare {@code |}, the dev files with {@code " | "};
     * both are lists. Read as {@code " | "} only, a bare-bar cell was one joined span: never in its text, so a case's
     * keep spans were all left out of the rate, and two remove spans were scored as one.
     */
    @Test
    void spansAreSeparatedByABarWithOrWithoutSpaces(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cases.tsv");
        Files.writeString(
                file,
                "id\tlang\tkind\ttext\tmust_remove\tmust_keep\n"
                        + "b1\ten\tphone\tcall 555 0134 or 555 0178 before 5pm for the 200 dollar deal\t555 0134|555 0178\t5pm|200 dollar\n"
                        + "b2\ten\tphone\tcall 555 0134 or 555 0178 before 5pm\t555 0134 | 555 0178\t5pm\n");

        List<RedactionScore.Case> cases = RedactionScore.read(file);

        assertThat(cases.get(0).remove()).containsExactly("555 0134", "555 0178");
        assertThat(cases.get(0).keep()).containsExactly("5pm", "200 dollar");
        assertThat(cases.get(1).remove()).containsExactly("555 0134", "555 0178");
        RedactionScore.Figures f = RedactionScore.score(redactor, cases);
        assertThat(f.removeSpans()).isEqualTo(4);
        assertThat(f.keepSpans()).isEqualTo(3);
        assertThat(f.keepNotInText()).isZero();
    }
}
