package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hong Kong and Taiwan text: the redactor folds traditional characters to simplified before any rule or the tagger
 * reads it ({@link TraditionalChinese}), so a surname (陳, 黃, 張), a cue (電話, 區號, 車牌, 收件人), a plate's province (蘇,
 * 粵, 滬) and a shop's hotline (熱線) are read as their simplified forms are, and the output keeps the original's
 * characters.
 */
class TraditionalCharactersTest {
    private final Redactor redactor = new Redactor();

    @Test
    void foldKeepsEveryOffsetAndReturnsSimplifiedTextItself() {
        String simplified = "车主 姓名 陈 伟 电话 一 三 八";
        assertThat(TraditionalChinese.fold(simplified)).isSameAs(simplified);
        assertThat(TraditionalChinese.fold("車主 姓名 陳 偉 電話 一 三 八")).isEqualTo(simplified);
        assertThat(TraditionalChinese.fold("蘇A·臨3467 區號 號碼 熱線")).isEqualTo("苏A·临3467 区号 号码 热线");
        assertThat(TraditionalChinese.fold("abc 123 嘅 咗 佢")).isEqualTo("abc 123 嘅 咗 佢"); // Cantonese words stay
    }

    @Test
    void theTableFoldsToSimplifiedFormsOnly() {
        int pairs = 0;
        for (String line : NameLists.vendoredLines("zh-traditional.tsv")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            pairs++;
            char simplified = line.charAt(2);
            // no chains: what a character folds to folds no further
            assertThat(TraditionalChinese.simplified(simplified)).as(line).isEqualTo(simplified);
        }
        assertThat(pairs).isEqualTo(2_961);
        // simplified characters OpenCC's variant tables map to rarer forms stay as they are
        assertThat(TraditionalChinese.simplified('抬')).isEqualTo('抬');
        assertThat(TraditionalChinese.simplified('么')).isEqualTo('么');
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "顧客：電話0912345678，找陳小姐。|顧客：電話<phone>，找<name>小姐。",
                "送貨地址：九龍灣宏照道38號，收件人黃家豪，星期六送。|送貨地址：<address>，收件人<name>，星期六送。",
                "我 叫 劉 志 強 手機 零 九 三 三 四 五 六 七 八 九|我 叫 <name> 手機 <phone>",
                "臨牌 是 蘇 A 臨 四 五 六 七 八|臨牌 是 <plate>",
                "座機 區號 零 二 一 號碼 六 二 三 四 五 六 七 八|座機 區號 <phone> 號碼 <phone>",
                "卡 號 是 六 二 二 二 零 二 一 二 三 四 五 六 七 八 九 零 到期 時間 二 九 年 三 月|卡 號 是 <card> 到期 時間 <card>",
                // what must stay: a shop's hotline, prices, times and counts
                "有問題打我哋熱線 3188 2670，保養期12個月。|有問題打我哋熱線 3188 2670，保養期12個月。",
                "呢 部 車 港幣 二十五 萬 兩 點 鐘 交 車|呢 部 車 港幣 二十五 萬 兩 點 鐘 交 車",
            })
    void traditionalTextIsReadAsSimplifiedTextIs(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }

    /**
     * Every Chinese case of the dev parts, each character written in a traditional form of it (the table read
     * backwards; a simplified character with several traditional forms takes the first), must lose and keep exactly
     * what the simplified case does: no rule may read the original where it should read the fold. (The measured
     * figure on a real conversion, OpenCC's s2hk with its phrase table, is in BENCHMARKS.md, 2026-12-07 sixteenth
     * session.)
     */
    @Test
    void everyChineseDevCaseRedactsTheSameWrittenInTraditionalCharacters() throws Exception {
        Map<Character, Character> traditional = new HashMap<>();
        for (String line : NameLists.vendoredLines("zh-traditional.tsv")) {
            if (!line.isEmpty() && line.charAt(0) != '#') {
                traditional.putIfAbsent(line.charAt(2), line.charAt(0));
            }
        }
        List<String> differ = new ArrayList<>();
        int chinese = 0;
        int changed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(), "pii-*{dev,rules}.tsv")) {
            for (Path f : files) {
                for (RedactionScore.Case c : RedactionScore.read(f)) {
                    if (!c.lang().equals("zh")) {
                        continue;
                    }
                    chinese++;
                    StringBuilder t = new StringBuilder(c.text());
                    for (int i = 0; i < t.length(); i++) {
                        t.setCharAt(i, traditional.getOrDefault(t.charAt(i), t.charAt(i)));
                    }
                    String written = t.toString();
                    if (written.equals(c.text())) {
                        continue;
                    }
                    changed++;
                    String expected = masks(redactor.redact(c.text()).text());
                    if (!masks(redactor.redact(written).text()).equals(expected)) {
                        differ.add(c.id() + ": " + written);
                    }
                }
            }
        }
        assertThat(chinese).isGreaterThan(5_000);
        assertThat(changed).isGreaterThan(chinese / 2);
        assertThat(differ).isEmpty();
    }

    /** The output with every character but the masks' positions folded, so the two forms compare. */
    private static String masks(String redacted) {
        return TraditionalChinese.fold(redacted);
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(TraditionalCharactersTest.class
                        .getResource("/insights/pii-dev.tsv")
                        .toURI())
                .getParent();
    }
}
