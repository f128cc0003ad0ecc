package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseWordsTest {
    private final ChineseWords words = ChineseWords.load();

    @Test
    void theVendoredListHoldsCommonWordsAndNoSurnameTitlePairs() {
        assertThat(words.size()).isGreaterThan(100_000);
        for (String w : new String[] {"公司", "感谢", "上周", "分钟", "定金", "订单", "那边", "检查", "时候", "提高", "明天", "师姐"}) {
            assertThat(words.contains(w.charAt(0), w.charAt(1))).as(w).isTrue();
        }
        for (String w : new String[] {"天张", "由蒋", "的司", "王总", "张姐", "李总"}) {
            assertThat(words.contains(w.charAt(0), w.charAt(1))).as(w).isFalse();
        }
    }

    @Test
    void aBuiltListAnswersOnlyForItsOwnPairs() {
        ChineseWords w = ChineseWords.of(new String[] {"# comment", "公司", "", "感谢", "三个字", "公司"});
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.contains('公', '司')).isTrue();
        assertThat(w.contains('司', '公')).isFalse();
    }
}
