package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A number passed between two people (misses on the thirty-eighth and thirty-ninth authors' dev parts,
 * device/corpus/pii-author38-NOTES.md and pii-author39-NOTES.md): its end changed or said again after it ("the last
 * two are four nine now", 尾号74), a group of it said back ("No, 3691.", "FNG."), its start said and broken off before
 * it ("503, um, 862, uh... 503-862-4417"), a shop's line or record named before it or a
 * Chinese 400 number, "hat" heard for "at" and 网易 before 126, and 三 个 工作日 after a card. The cases below the
 * first comment guard what must stay: a tail with no number before it, a tail that is no number, an amount or a date
 * that shares digits with a removed number, a stock number's end.
 */
class TailsAndEchoesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "is it still 0412 338 905 no same as before except the last two are four nine now|is it still <phone> no same as before except the last two are <phone> now",
                "put my wifes number down oh four one two three three eight nine oh five and mine is the same but ending zero nine|put my wifes number down <phone> and mine is the same but ending <phone>",
                "还是 之前 那个 号码 幺 三 八 一 二 三 四 五 六 七 八 吗 不是 后 两 位 改 了 改成 九 三|还是 之前 那个 号码 <phone> 吗 不是 后 两 位 改 了 改成 <phone>",
                "我爱人的号码跟我的就差最后两位，我的是13812345678，她的是尾号74。|我爱人的号码跟我的就差最后两位，我的是<phone>，她的是尾号<phone>。",
                "License is S530-460-72-815-0. Sorry, the last bit is 851-0, not 815.|License is <id>. Sorry, the last bit is <id>, not <id>.",
                "Card 5339 2948 3691 0141? No, 3691.|Card <card>? No, <card>.",
                "Reg is BD68 FNG? Customer: FNG.|Reg is <plate>? Customer: <plate>.",
                "邮件 地址 zhang 点 min at 网易 一 二 六 点 com 周末 看 一下|邮件 地址 <email> 周末 看 一下",
                "it's bella rossi hat live dot co dot uk|it's <email>",
                "Cell is 503, um, 862, uh... 503-862-4417.|Cell is <phone>, um, <phone>, uh... <phone>.",
                "置换车车牌苏B2，不好意思，苏B27788；报价71400元|置换车车牌<plate>，不好意思，<plate>；报价71400元",
                "chat: my hubby's number is 07 - lost my place - 07700 900123|chat: my hubby's number is <phone> lost my place <phone> <phone>",
                "幺 五 零 你 等 一下 幺 五 零 六 三 二 二 八 八 七 七|<phone>",
                // what stays
                "my number is 0412 338 905 and the last two years were fine|my number is <phone> and the last two years were fine",
                "it's 45 pounds and my number is 4512 345 678|it's 45 pounds and my number is <phone>",
                "the 2019 one, my number is 2019 555 0123 thanks|the 2019 one, my number is <phone> thanks",
                "call me on 0412 338 905, the service ending at four thirty|call me on <phone>, the service ending at four thirty",
                "my card is 4539 1488 0343 6467 and the last two are 300 dollars each|my card is <card> and the last two are 300 dollars each",
                "我的卡尾号74|我的卡尾号74",
                "card 5339 2948 3691 0141, the total was $3691|card <card>, the total was $3691",
                "Invoice no. 88213, customer card 4539 1488 0343 2024 dated 14/03/2024|Invoice no. 88213, customer card <card> dated 14/03/2024",
                "退款打到 6222 0210 0113 5567 889，三个工作日到账|退款打到 <card>，三个工作日到账",
                "stock number ending four seven seven two the blue one|stock number ending four seven seven two the blue one",
                "售后 预约 打 四 零 零 八 八 零 五 六 五 六 或者 我 加 您 微信|售后 预约 打 四 零 零 八 八 零 五 六 五 六 或者 我 加 您 微信",
                "the sales desk is (313) 555-0190 if you need us|the sales desk is (313) 555-0190 if you need us",
                "售后 热线 四 零 零 八 八 零 五 六 五 六 你 的 手机 是 幺 三 九 一 二 三 四 五 六 七 八 吧|售后 热线 四 零 零 八 八 零 五 六 五 六 你 的 手机 是 <phone> 吧",
                "transaction 4471 2209 went through|transaction 4471 2209 went through",
                "终端 号 四 四 七 一 二 二 零 九|终端 号 四 四 七 一 二 二 零 九",
            })
    void tailsAndGroupsSaidAgainGoAndWhatStaysStays(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
