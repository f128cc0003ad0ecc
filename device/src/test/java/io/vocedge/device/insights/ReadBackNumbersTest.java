package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers dictated over turns and read back (the fourteenth author's round, phrased anew here): confirmations and
 * speaker labels between the groups, a group said back by the other speaker, a card's expiry when the card was only
 * found by its digits, spoken Chinese expiries, a plate's province before a filler, plates of other countries after a
 * cue, the letters ending a plate; and what stays: tyre sizes, shops' lines and the UK's non-geographic numbers.
 */
class ReadBackNumbersTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "it's oh seven eight yes two one uh four four six yes nine nine one and that's the mobile"
                        + "|it's <phone> and that's the mobile",
                "customer four four one two staff yep customer eight eight three one staff eight eight three one"
                        + " customer two two nine oh staff yep customer six six one two staff thanks"
                        + "|customer <card> staff thanks",
                "顾客 幺 三 八 店员 嗯 顾客 一 二 六 六 店员 一 二 六 六 顾客 八 八 九 九 店员 好 的|顾客 <phone> 店员 好 的",
                "the one ending 7781, expiring 04/28, can you take the deposit on it"
                        + "|the one ending <card>, expiring <card>, can you take the deposit on it",
                "信用卡 四 五 三 二 一 二 三 四 五 六 七 八 九 零 一 二 有效期 二 八 年 三 月|信用卡 <card> 有效期 <card>",
                "沪 嗯 B 七 七 一 二 三 停 在 门口|<plate> 停 在 门口",
                "French car, registered FG-371-KP, in for tyres|French car, registered <plate>, in for tyres",
                "Kennzeichen M-AB 1234 parked at bay four|Kennzeichen <plate> parked at bay four",
                "Spanish plate 4471 KLM on the hire car|Spanish plate <plate> on the hire car",
                "it's the silver one ending in p k z by the door|it's the silver one ending in <plate> by the door",
                "the service desk has my mobile oh seven seven one one two two three three four four"
                        + "|the service desk has my mobile <phone>",
                "ring our hotline or my direct number oh one six one four nine six oh three three three"
                        + "|ring our hotline or my direct number <phone>",
                "卡号 六 二 二 八 四 八 嗯 好 零 三 九 九 二 幺 七 七 对 四 六 零 二 五|卡号 <card> 嗯 好 <card>",
                "the plate is P123 ABC on the old Golf|the plate is <plate> on the old Golf",
                "Bought new in 1998, it's on R412 KLM still|Bought new in 1998, it's on <plate> still",
                "customer no. 0048213 booked for 10:30 Tuesday|customer no. <phone> booked for 10:30 Tuesday",
                "Member ID LYL-55018273, points balance 1,200|Member ID <phone>, points balance 1,200",
                "澳門車牌MA 4417，下午三點到|澳門車牌<plate>，下午三點到",
                "area code two one two five five five oh one nine nine is the office|<phone> is the office",
                "you can reach me on 1-800-555-0142 after six|you can reach me on <phone> after six",
                "Paid with Visa **** **** **** 9912 for the service|Paid with Visa **** **** **** <card> for the service",
                "card on file XXXX-XXXX-XXXX-5510, invoice £40|card on file XXXX-XXXX-XXXX-<card>, invoice £40",
                "cvv is four one two and it runs out in march twenty nine" + "|cvv is <card> and it runs out in <card>",
                "the card's sec code 339 please|the card's sec code <card> please",
                "安全码 是 七 七 一 有效期 零 九 二 七|安全码 是 <card> 有效期 <card>",
                "借款人王小明，贷款期限36个月|借款人<name>，贷款期限36个月",
                "4821 is the last four of my visa|<card> is the last four of my visa",
                "Quebec plate FJKL 552 on the grey Rav4|Quebec plate <plate> on the grey Rav4",
                "vanity plate reads LUV2 SKI on the jeep|vanity plate reads <plate> on the jeep",
                "Home: 44 Elm Ave, Markham L3P 2K9|Home: <address>",
                "手機 九 三 兩 一 零 八 七 六 搵 我|手機 <phone> 搵 我",
                "電郵 是 ken 點 wong at yahoo 點 com 點 hk|電郵 是 <email>",
                "公司 電話 (02) 2712-3456 分機 305 找 我|公司 電話 <phone> 找 我",
                "刷 這 張 卡 4012 8888 8888 1881 分 三 期|刷 這 張 卡 <card> 分 三 期",
                "Washington license WDL8M3K9P2QB on file|Washington license <id> on file",
                "卡 6225 8812 3456 7890 12 期 免息|卡 <card> 12 期 免息",
                "打 我 手機 九 一 二 三 四 五 六 七 兩 點 之後|打 我 手機 <phone> 兩 點 之後",
                "我 的 卡号 是 六 二 二 二 八 四 八 八 一 二 三 四 五 六 七 八 最后 九 九 一 农业银行 的" + "|我 的 卡号 是 <card> 最后 <card> 农业银行 的",
                "best line for me is 0800 555 0142, my office|best line for me is <phone>, my office",
            })
    void dictatedNumbersGo(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "the tyres are two three five fifty five r nineteen one oh five v at one forty each",
                "Qty 2 x 255/35 ZR19 96Y @ £210 each fitted",
                "call our service desk on oh one one three four nine six oh two two two it's open till six",
                "ring the freephone oh eight oh oh one one one two two two two for breakdown cover",
                "the customer care line is oh three three three two two two one one one one",
                "售后热线 零 七 五 五 八 八 二 六 三 三 零 零 周末 也 有 人",
                "you can reach the sales line on 0113 496 0123 until eight",
                "the plate on the 2019 BMW X5 is scratched",
                "the offer expires 10/29 so book the test drive soon",
                "customer three staff two and one manager on the floor today",
                "yes two yes three of them are in stock",
                "the C220 CDI and the A4 TDI are both in stock",
                "we have the V8 LWB and the V6 SWB on the forecourt",
                "the T6 VAN is ready for collection at 4pm",
                "ISO-9001 certified workshop since 2019",
                "CO2 118 g/km and 54.3 mpg combined",
                "order 4471 booked for 10:30 and paid 250",
                "tyres 205/55 R16 91V, 4 fitted at £95 each",
                "booked the 2019 BMW X5 for 14:00 Tuesday",
                "the reg on the 2021 Golf is on the V5",
                "for roadside call 1-800-555-0100 any time",
                "我们 的 热线 四 零 零 八 二 零 一 二 三 四 全天 都 有 人",
                "大家 有 问题 可以 打 厂家 热线 400-820-1234",
                "我 的 卡 号 是 后面 那 张 订单 号 三 四 五 发 给 您",
                "the card machine said declined for four five six point two two",
                "车型代码：G20 330Li，指导价￥368,800",
                "the offer on the card runs out twenty twenty six",
                "card number on the receipt, and it expires in twenty seven",
                "1299 is the last 4 pounds i have on the card",
                "tag on the GMC 2500 is fine",
                "call 1-800-555-0100 and give them my order number",
                "兩 萬 公里 的 保養 要 兩 千 塊",
                "the price on the front is 1299",
                "the mileage on the front display is 4321",
                "the plate on the BMW X5 is scratched",
                "呢 部 車 叫 港幣 二十五 萬",
                "Model Y 跑 咗 兩萬 公里 要 兩 百 萬",
            })
    void lookAlikesStay(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }
}
