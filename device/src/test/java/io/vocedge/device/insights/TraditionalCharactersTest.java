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
     * Misses on the seventy-first author's dev part (Hong Kong and Taiwan, device/corpus/pii-author71-NOTES.md): the
     * rest of a name written in English after its surname and first syllable ({@link RomanisedNames}: "chan tai man",
     * "Lin Yu-ting", "CHEUNG MEI LING"), 係 (folded to 系) after a role as 是 is, and a flat with no road, after its cue
     * in Chinese (啟業邨啟泰樓15樓1508室) or written in English ("Flat 5B, 18/F, Block 2, Laguna City, Kwun Tong").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hello yes i am calling about the tesla model y test drive on saturday my name is chan tai man and my mobile is nine one two three four five six seven|hello yes i am calling about the tesla model y test drive on saturday my name is <name> and my mobile is <phone>",
                "Customer: My number in Taiwan is 0912 345 678, my name's Lin Yu-ting. Staff: Thanks, the deposit is NT$30,000.|Customer: My number in Taiwan is <phone>, my name's <name> <name>. Staff: Thanks, the deposit is NT$30,000.",
                "Staff: Card number for the extended warranty? Customer: 4532 7788 1234 5678, name on card CHEUNG MEI LING.|Staff: Card number for the extended warranty? Customer: <card>, name on card <name>.",
                "卡 號 四 五 三 二 七 七 八 八 一 二 三 四 五 六 七 八 持卡人 係 何 詠 詩 訂金 五 千|卡 號 <card> 持卡人 係 <name> 訂金 五 千",
                "地址係九龍灣啟業邨啟泰樓15樓1508室，可唔可以聽日送？|地址係<address>，可唔可以聽日送？",
                "送 貨 地址 係 沙田 第一城 十二 座 二十 樓 c 室 星期六|送 貨 地址 係 <address> 星期六",
                "Customer: Please deliver to Flat 5B, 18/F, Block 2, Laguna City, Kwun Tong. Staff: Delivery is free over HK$3,000.|Customer: Please deliver to <address>. Staff: Delivery is free over HK$3,000.",
                "Customer: Room 1203, Kam Tai House, Choi Hung Estate. Staff: Thanks, the new plate fee is HK$1,500.|Customer: <address>. Staff: Thanks, the new plate fee is HK$1,500.",
                // what must stay: English words that are syllables too, a room with a weekday, a shop's unit, a floor
                "the man on the phone said wing mirrors are on order|the man on the phone said wing mirrors are on order",
                "The meeting is in Room 3, Monday at 9.|The meeting is in Room 3, Monday at 9.",
                "Our showroom is at Unit 3, Ballymount Retail Park, Dublin 24.|Our showroom is at Unit 3, Ballymount Retail Park, Dublin 24.",
                "送 到 三 楼 就 行|送 到 三 楼 就 行",
                "我 住 在 五 楼|我 住 在 五 楼",
                "去 社区 医院 的 路 上|去 社区 医院 的 路 上",
            })
    void hongKongAndTaiwanNamesAndFlats(String input, String expected) {
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
