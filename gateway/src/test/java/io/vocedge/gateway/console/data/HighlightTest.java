package io.vocedge.gateway.console.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.cli.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightTest {
    static String marked(String text, String q) {
        StringBuilder b = new StringBuilder();
        for (Highlight.Segment s : Highlight.segments(text, SearchTerms.query(q))) {
            b.append(s.hit() ? "[" + s.text() + "]" : s.text());
        }
        return b.toString();
    }

    @Test
    void marksHanTermsAcrossSegmentingSpacesAndWordsIgnoringCase() {
        assertThat(marked("我 的 定 金 还 没 退", "定金")).isEqualTo("我 的 [定 金] 还 没 退");
        assertThat(marked("定金还没退", "定金还没")).isEqualTo("[定金还没]退");
        assertThat(marked("Refund please", "REFUND")).isEqualTo("[Refund] please");
        assertThat(marked("a.*b", "b"))
                .as("terms are quoted, not regular expressions")
                .isEqualTo("a.*[b]");
        assertThat(Highlight.segments(null, SearchTerms.query("x"))).isEmpty();
    }

    @Test
    void queryWhitespaceSeparatesWordsButIndexedTextIgnoresIt() {
        assertThat(SearchTerms.query("定金 严重").terms()).containsExactly("定金", "严重");
        assertThat(SearchTerms.query("定金严重").terms()).containsExactly("定金", "金严", "严重");
        assertThat(SearchTerms.index("定 金")).contains("定金", "定", "金");
    }

    @Test
    void requestsAreCheckedForSizeAndContent() {
        assertThat(SearchRequest.parseOrNull("  ")).isNull();
        assertThat(SearchRequest.parse(" 退 ").query().terms()).isEqualTo(List.of("退"));
        assertThatThrownBy(() -> SearchRequest.parse("x".repeat(201)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> SearchRequest.parse("<>!"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no words");
        assertThatThrownBy(() -> SearchRequest.parse("a\u0000b"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> SearchRequest.parse("a b c d e f g h i j k l m"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("13 search terms");
    }
}
