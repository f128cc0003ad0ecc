package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers read off a card, a screen, a key tag or a form, and plates said by their start and their end (misses on the
 * thirty-sixth and thirty-seventh authors' dev parts, device/corpus/pii-author36-NOTES.md and pii-author37-NOTES.md):
 * the pieces of a number read on after side remarks, from a removed part or from the number's cue, until they make a
 * whole number of its kind; "starts with ... ends ..." and 浙 b 开头 ... 后面 是 .... The cases below the first comment
 * guard text that looks like these and must stay: amounts, times, model names and years beside a number, a tail said
 * as one, a number complete before the next figure.
 */
class ReadOffPiecesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my mobile is oh four one two hang on the light's bad here three four five six seven eight|my mobile is <phone> hang on the light's bad here <phone>",
                "付款的卡：6222（字太小）0212（等一下）3456（反光）7890|付款的卡：<card>（字太小）<phone>（反光）<phone>",
                "the plate's on the key tag it's k v my thumb's over it three one seven|the plate's on the key tag it's <plate> my thumb's over it <plate>",
                "车牌 是 粤 b 一 二 太阳 照 着 看 不 清 三 四 五|车牌 是 <plate> 太阳 照 着 看 不 清 <plate>",
                "卡号 六 二 二 二 字 太 小 零 二 一 二 等 一下 三 四 五 六 反光 七 八 九 零|卡号 <card>",
                "浙 b 开头 的 后面 是 五 k 三 二 一|<plate> 开头 的 后面 是 <plate>",
                "浙B开头的，后面是6D239|<plate>开头的，后面是<plate>",
                "plate starts with x y z and ends four two|plate starts with <plate> and ends <plate>",
                "so your number nine one seven four zero uh i think i have the rest here two one one eight six yes thats it|so your number <phone> uh i think i have the rest here <phone> yes thats it",
                // what stays
                "Card is 4539 1488 0343 6467, charge the $45 diagnostic fee|Card is <card>, charge the $45 diagnostic fee",
                "my number is 0412 345 678 and the test drive is at ten forty five|my number is <phone> and the test drive is at ten forty five",
                "Visa ending 4417 for the 320 deposit|Visa ending <card> for the 320 deposit",
                "NSW rego ABC123, 2020 Camry.|NSW rego <plate>, 2020 Camry.",
                "temp tag exp 12/15 on the sticker|temp tag exp 12/15 on the sticker",
                "plate is due 15 on friday|plate is due 15 on friday",
                "Plate check: is that a 5 or an S? Photo's blurry.|Plate check: is that a 5 or an S? Photo's blurry.",
                "客户电话 13812345678，意向车型问界M7，预算30万|客户电话 <phone>，意向车型问界M7，预算30万",
                "the phone screen says hang on the battery is at nine percent|the phone screen says hang on the battery is at nine percent",
                "my card is four five three nine wait the price tag says twelve ninety nine|my card is <card> wait the price tag says twelve ninety nine",
                "车牌 是 粤 b 一 二 对了 试驾 约 在 晚上 七 点|车牌 是 <plate> 对了 试驾 约 在 晚上 七 点",
                "京 a 开头 后面 是 五 点 半 到|京 a 开头 后面 是 五 点 半 到",
                "it starts with a b c and ends in twenty|it starts with a b c and ends in twenty",
                "your number is nine one seven and i want a test drive at two thirty|your number is nine one seven and i want a test drive at two thirty",
            })
    void piecesReadApartAreRemovedAndWhatStaysStays(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
