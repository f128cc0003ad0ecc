package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Card and plate data said in pieces (misses on earlier authors' dev parts and on the thirtieth author's, device/corpus/pii-author30-NOTES.md): a plate's province and letter said alone
 * before the rest or a correction, a temporary plate's 临, a card's expiry said month first (一 二 月 二 八 年) or after
 * "validity" or as "month ... year ...", a security code after 背面三码 or Amex's "code on the front", a tail after
 * "last four", number words a recognizer ran together ("fourone", "fivefive"), and a plate's whole shape with 要 for
 * 幺; and a tail's kind named by the nearest word before it (手机 尾号 is a phone's, "my social ends in" an ID's). The
 * last cases guard what must stay.
 */
class CardAndPlatePiecesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "粤 B 呃 粤 B 五 八 两 两 Z 停 在 门口 那 台 白色 的|<plate> 呃 <plate> 停 在 门口 那 台 白色 的",
                "嗯 京 n 你 说 京 n 对 然后 d 八 八 二 一|嗯 <plate> 你 说 <plate>",
                "现在 挂 的 是 临牌 京 临 a 三 八 二 九 六 十 五 天 就 到期 了|现在 挂 的 是 临牌 <plate> 十 五 天 就 到期 了",
                "卡号 六 二 二 二 零 二 一 二 三 四 五 六 七 八 九 零 有效期 一 二 月 二 八 年|卡号 <card> 有效期 <card>",
                "卡号 5264 1100 2233 7788，到期 10/29，背面三码 512。|卡号 <card>，到期 <card>，背面三码 <card>。",
                "rupay card 4111 1111 1111 1111 validity oh five slash thirty cvv 123|rupay card <card> validity <card> cvv"
                        + " <card>",
                "amex 3782 822463 10005 the code on the front is 4821|amex <card> the code on the front is <card>",
                "临牌 是 苏 A 临 四 五 六 七 八|临牌 是 <plate>",
                "浙 A 要 二 三 K 五|<plate>",
                "write down fourone five fivefive five zero one three nine thanks|write down <phone> thanks",
                "Last four 0093, expiring 11/29.|Last four <card>, expiring <card>.",
                "cvc 123 and expiry month oh seven year twenty eight|cvc <card> and expiry <card>",
                // a tail named by whose it is: an ID's, a phone's, a VIN's; a card's by default
                "social ends in four four two one|social ends in <id>",
                "my phone number ends in 4821|my phone number ends in <phone>",
                "vin ends in four three five two one seven|vin ends in <vin>",
                "尾号 4821 的 卡|尾号 <card> 的 卡",
                // a plate after a misheard province in a line that names a plate; another reading after a tail; a
                // phone's rest asked for apart
                "车牌 是 月 b 要 五 六 六 八|车牌 是 <plate>",
                "the card ending in 4821 or 7878 i forget|the card ending in <card> or <card> i forget",
                "你再说一遍：13912345678，后面呢？后面是2525。|你再说一遍：<phone>，后面呢？后面是<phone>。",
                // a Hong Kong ID's check digit said after it; a chunk of a removed number read back on its own
                "the hkid is r five five one two oh eight bracket three is that right|the hkid is <id> is that right",
                "Best number is 212-555-0143. Reading back: 212, is that right? Yes.|Best number is <phone>. Reading back:"
                        + " <phone>, is that right? Yes.",
                // what stays: a year after a card whose number ends like it,
                "card 4111 1111 1111 2024 for the 2024 model|card <card> for the 2024 model",
                // a price offered after "or", a month's word and a letter with no plate named, a province
                // and letter with no plate's shape, a kind of plate, what "the last four" counts, joined words that are
                // no number, a model after 新 with no plate in the line, a tyre's price, a warranty's term
                "the card ending in 4821 or 2000 dollars|the card ending in <card> or 2000 dollars",
                "这 个 月 b 型 的 要 五 六 台|这 个 月 b 型 的 要 五 六 台",
                "我 想 要 两 台 京 a 的 车 要 三 万 左右|我 想 要 两 台 京 a 的 车 要 三 万 左右",
                "我 的 车 是 粤 港 两地 牌 粤 z 开头 的|我 的 车 是 粤 港 两地 牌 粤 z 开头 的",
                "the last four years went fine and we paid 1200 for it|the last four years went fine and we paid 1200"
                        + " for it",
                "the fiveo got someone at twentyfive past|the fiveo got someone at twentyfive past",
                "新 a 级 的 落地 价 多少|新 a 级 的 落地 价 多少",
                "the front tyres are 180 each and the code on the receipt is fine|the front tyres are 180 each and the"
                        + " code on the receipt is fine",
                "质保 有效期 三 年 十 万 公里|质保 有效期 三 年 十 万 公里",
            })
    void piecesOfCardsAndPlates(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
