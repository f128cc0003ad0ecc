package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishWordsTest {
    @Test
    void findsWordsOfTheListAndNothingElse() {
        EnglishWords words = EnglishWords.of(new String[] {"# comment", "zebra", "apple", "", "mango", "apple"});
        assertThat(words.size()).isEqualTo(3);
        assertThat(words.contains("apple")).isTrue();
        assertThat(words.contains("zebra")).isTrue();
        assertThat(words.contains("mango")).isTrue();
        assertThat(words.contains("appl")).isFalse();
        assertThat(words.contains("apples")).isFalse();
        assertThat(words.contains("")).isFalse();
        assertThat(words.contains("ünïcode")).isFalse();
    }

    @Test
    void theVendoredListKnowsCommonWordsAndNotNames() {
        EnglishWords words = EnglishWords.load();
        assertThat(words.size()).isGreaterThan(60_000);
        assertThat(words.contains("warranty")).isTrue();
        assertThat(words.contains("drivers")).isTrue();
        assertThat(words.contains("price")).isTrue();
        assertThat(words.contains("hargreaves")).isFalse();
        assertThat(words.contains("adeyemi")).isFalse();
        assertThat(words.contains("tiguan")).isFalse();
    }

    @Test
    void aPinyinNameSplitsIntoSyllables() {
        assertThat(NameLists.pinyinName("yuting")).isTrue();
        assertThat(NameLists.pinyinName("zhiqiang")).isTrue();
        assertThat(NameLists.pinyinName("xiaomei")).isTrue();
        assertThat(NameLists.pinyinName("ming")).isFalse(); // one syllable: not enough to say
        assertThat(NameLists.pinyinName("regarding")).isFalse();
    }
}
