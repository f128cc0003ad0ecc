package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupSetsTest {
    @Test
    void answersLikeSetOfAndCannotBeChanged() {
        Set<String> words = LookupSets.of("deposit", "定金", "wait");
        assertThat(words).isEqualTo(Set.of("deposit", "定金", "wait"));
        assertThat(words.contains(new String("deposit"))).isTrue();
        assertThat(words.contains("deposits")).isFalse();
        assertThat(words.contains(null)).isFalse();
        assertThatThrownBy(() -> words.add("refund")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> words.remove("wait")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesAndAcceptsDuplicates() {
        List<String> source = new java.util.ArrayList<>(List.of("a", "b", "a"));
        Set<String> copy = LookupSets.copyOf(source);
        source.add("c");
        assertThat(copy).containsExactlyInAnyOrder("a", "b");
        assertThat(LookupSets.of()).isEmpty();
    }

    @Test
    void mapAnswersLikeMapOfAndCannotBeChanged() {
        Map<String, String> cues = LookupSets.mapOf(Map.entry("card", "card"), Map.entry("车牌", "plate"));
        assertThat(cues).isEqualTo(Map.of("card", "card", "车牌", "plate"));
        assertThat(cues.get("plate")).isNull();
        assertThatThrownBy(() -> cues.put("reg", "plate")).isInstanceOf(UnsupportedOperationException.class);
    }
}
