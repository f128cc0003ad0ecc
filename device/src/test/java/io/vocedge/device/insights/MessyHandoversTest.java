package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Personal data handed over the way a busy shop floor does it (misses on the thirty-third and thirty-fourth authors'
 * dev parts and on earlier authors' dev parts, device/corpus/pii-author33-NOTES.md and pii-author34-NOTES.md): a code
 * corrected part-way ("... zed ex em no sorry zed ex en"), pieces of a plate said apart from it, a plate asked for in
 * its letters and its numbers, a card's date and code with no card word, the broken-off start of a spoken e-mail, a
 * removed number written again, homophones ("tree", "niner", "add" for "at"), a country code before grouped words, a
 * spelled mail domain, an extension before a time (五 点 半). The last cases guard speech and text that look like these and must stay.
 */
class MessyHandoversTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // corrections, pieces said apart, read-backs, recognizer slips: all removed
                "it's bee eff seven oh zed ex em no sorry zed ex en at the end|it's <plate> no sorry <plate> at the end",
                "the registration um let me look at the keyring it's y d one seven the tag's worn y d one seven x k m and it's in bay four|the registration um let me look at the keyring it's <plate> the tag's worn <plate> and it's in bay four",
                "and the plate letters please j v x and the numbers five zero four yes it'll take about forty minutes|and the plate letters please <plate> and the numbers <plate> yes it'll take about forty minutes",
                "车牌字母是JVX，数字是504。|车牌字母是<plate>，数字是<plate>。",
                "the date on it is oh three twenty nine and the code is five ate one|the date on it is <card> and the code is <card>",
                "it's sarah dot k dash lee hold on no dash it's sarah dot k lee at outlook dot com all lowercase|it's <email> hold on no dash it's <email> all lowercase",
                "Staff: Plate? Customer: NSW… CX-27-PL. Quote: $1,250 incl. GST.|Staff: Plate? Customer: NSW… <plate>. Quote: $1,250 incl. GST.",
                "是尾号7788还是7878的卡？是7878。|是尾号<card>还是<card>的卡？是<card>。",
                "身份证号：410105199208150032？——最后是0023，不是0032。|身份证号：<id>？——最后是<id>，不是<id>。",
                "home number is oh tree nine five six one four tree two eight or just email me|home number is <phone> or just email me",
                "it's b why one seven see k d|it's <plate>",
                "take my husband number also plus nine won ninety eight forty one zero zero two seven six five he will come|take my husband number also <phone> he will come",
                "邮箱 z h o u 杠 t a o 艾特 m a p l e 杠 l a w 点 c o 点 u k 文件 一式 两 份|邮箱 <email> 文件 一式 两 份",
                "so use my work one sarah dot jenkins add acne logistics dot co dot uk we run a fleet of twelve vans|so use my work one <email> we run a fleet of twelve vans",
                "the invoice goes to bret at brets plumbing dot com dot are you its a ute|the invoice goes to <email> its a ute",
                "我 的 卡 六 二 八 四 唔 零 一 唔 不是 零 一 九 一 然后 四 三 四 六 四 五 四 七 分 二十四 期|我 的 卡 <phone> 唔 <phone> 唔 不是 <phone> 分 二十四 期",
                "车牌 多少 浙 a 嗯 然后 呢 五 m 还有 呢 四 零 九 浙 a 五 m 四 零 九 对 吧 保养 三 百 八|车牌 多少 <plate> 嗯 然后 呢 <plate> 还有 呢 <plate> <plate> 对 吧 保养 三 百 八",
                // what stays: a sum read digit by digit, a sentence after "no underscore", "tree" as a word, letters
                // and
                // numbers of no plate, a promo code, a tyre size, a decimal after a plate, business lines, 一共, "add"
                "the numbers on the back are nine oh four and the total comes to eight nine nine five|the numbers on the back are <card> and the total comes to eight nine nine five",
                "it's jess.nguyen92@gmail.com, no underscore. Test drive Thu 3pm.|it's <email>, no underscore. Test drive Thu 3pm.",
                "we planted a tree two years ago|we planted a tree two years ago",
                "the letters on the form are a b c and the numbers are one two three|the letters on the form are a b c and the numbers are one two three",
                "the promo code is one two three and the date on it is friday|the promo code is one two three and the date on it is friday",
                "i love it so i love cars at gmail dot com|i love it so <email>",
                "you need two two five slash four five r seventeen ninety four w those are a hundred and ninety each|you need two two five slash four five r seventeen ninety four w those are a hundred and ninety each",
                "back home in taipei my plate is r d k dash five eight two nine a two point five litre camry|back home in taipei my plate is <plate> two point five litre camry",
                "your 1300 number — 1300 655 210 just rings out.|your 1300 number — 1300 655 210 just rings out.",
                "你们 四 零 零 的 电话 一直 占线 我 的 是 一 七 七 二 零 六 三 八 五 九 二 直接 打 我|你们 四 零 零 的 电话 一直 占线 我 的 是 <phone> 直接 打 我",
                "my number's oh seven nine four six uh one double two eight three five and i'm calling about the forty nine nine nine offer|my number's <phone> and i'm calling about the forty nine nine nine offer",
                "我 护照 号 是 e 七 三 零 二 九 四 六 一 一共 二十 台|我 护照 号 是 <id> 一共 二十 台",
                "please add two dot five to it|please add two dot five to it",
                "the two two five forty five r seventeen ninety one w tyres are a hundred and ten each|the two two five forty five r seventeen ninety one w tyres are a hundred and ten each",
                // the service lane (thirty-fifth author): a job price, a tyre size, a part number, the shop's line, a
                // time
                "for the call back it's oh seven seven double oh nine one two three four five and the front pads come to one two nine nine with fitting|for the call back it's <phone> and the front pads come to one two nine nine with fitting",
                "the tyres are two twenty five forty five seventeen and it's booked for four ten|the tyres are two twenty five forty five seventeen and it's booked for four ten",
                "Job card front pads (P/N 34116860016), labour 1.5 h, total $412.75.|Job card front pads (P/N 34116860016), labour 1.5 h, total $412.75.",
                "Our service line is (0161) 496 0000 - open 7:30 to 18:00 weekdays.|Our service line is (0161) 496 0000 - open 7:30 to 18:00 weekdays.",
                "我 家里 座机 是 零 二 一 六 二 四 八 三 七 一 五 转 八 零 六 五 点 半 以后 打|我 家里 座机 是 <phone> 五 点 半 以后 打",
            })
    void messyHandovers(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
