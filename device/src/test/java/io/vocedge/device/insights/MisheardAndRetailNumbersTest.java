package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers as a recognizer mishears them, personal details of retail customers and Commonwealth and Chinese formats (the
 * eighteenth to twenty-second authors' round, phrased anew here): digits heard as words ("won", "too", "ate", "nein",
 * 衣), letters heard as words ("tea", "sea", "ex ray"), a province heard as another character (户 for 沪) or said in
 * pinyin ("yue b ..."), a plate's letter as a character (地 for D) or after 字母, a plate's start before a correction;
 * serial numbers, gift codes, PINs and pickup codes; Indian and Irish plates, PAN; expiries after 到期; continental and
 * Hong Kong addresses with their postal codes; cards masked in the middle. And what stays: a spoken model year before a model, a make spelled out
 * ("b m w"), a model year after a plate, the pronoun "I" after a number, "in stock", web addresses with a path, opening
 * hours ("9am-7pm"), stock references, a clock time before a number, an estate's 园 without a
 * building number, 知道 and 车道, a year or a plate before a clock time, date ranges, version numbers, "@qq.com".
 */
class MisheardAndRetailNumbersTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Acct No. 55129034, S/C 20-44-61, Barclays. Starts 3 April.|Acct No. <account>, S/C <account>, Barclays. Starts 3 April.",
                "passport 802114995 expiry 21/03/2033, checked at the desk|passport <id> expiry <id>, checked at the desk",
                "my laptop's S/N is 7KD3318PQ2 and the hinge is loose|my laptop's S/N is <id> and the hinge is loose",
                "手机 序列号 G6TQ28XK91 屏幕 坏 了|手机 序列号 <id> 屏幕 坏 了",
                "the gift code is RIVR7K2-QQ81 but it didn't work|the gift code is <id> but it didn't work",
                "礼品卡 的 密码 是 五 八 二 九 一 三|礼品卡 的 密码 是 <id>",
                "card pin 4471 if you need it|card pin <id> if you need it",
                "let me know when it's back in stock: 06 71 22 48 90|let me know when it's back in stock: <phone>",
                "Mobile: (415) 555-0163. I called twice already.|Mobile: <phone>. I called twice already.",
                "the receipt is three one two dash four four nine eight i paid cash|the receipt is <phone> i paid cash",
                "电话 衣 三 九 衣 衣 二 八 五 五 零 七 周末 来|电话 <phone> 周末 来",
                "我 的 车 是 户 B 七 二 K 九 一 开 了 三 年|我 的 车 是 <plate> 开 了 三 年",
                "新 能源 车牌 粤 B 地 三 三 五 八 一 明天 来 保养|新 能源 车牌 <plate> 明天 来 保养",
                "plate is won a bee sea too three|plate is <plate>",
                "rego tea why double six ex ray nine|rego <plate>",
                "my social is six too one forty four nine oh ate one for the loan|my social is <id> for the loan",
                "vehicle number em h zero two k for five five one|vehicle number <plate>",
                "pps number eight one two four too too five tea a|pps number <id>",
                "Lieferung an Gartenstraße 14b, 10115 Berlin, 2. Stock|Lieferung an <address> Berlin, 2. Stock",
                "Entrega: Calle de Alcalá 88, 3º A, 28009 Madrid|Entrega: <address> Madrid",
                "send it to 7 bis rue Victor Hugo, 75016 Paris please|send it to <address> Paris please",
                "it's via garibaldi twelve and the cap is one zero one two three|it's <address> and the cap is <address>",
                "送 到 翠湖 名 郡 六 栋 两 零 幺 下午 在 家|送 到 翠湖 名 <address> 下午 在 家",
                "地址 是 彌敦道 388 號 12 樓 B 室|地址 是 <address>",
                "Exchange car MH-14-BT-6621, Hyundai Creta 2019|Exchange car <plate>, Hyundai Creta 2019",
                "KYC: PAN AJQPK7315M, tenure 48 months|KYC: PAN <id>, tenure 48 months",
                "Trade-in reg 192-D-40518 with full service history|Trade-in reg <plate> with full service history",
                "卡 号 六 二 二 五 八 八 幺 二 三 四 五 六 七 八 九 零 到期 二 七 年 零 九 月|卡 号 <card> 到期 <card>",
                "back home my plate is yue b seven seven two one k|back home my plate is <plate>",
                "冀 A 五 五 二 不 是 冀 A 五 五 八 六 九|<plate> 不 是 <plate>",
                "车牌 是 鄂 A 字母 C 字母 Q 三 七 九|车牌 是 <plate>",
                "Vic rego 1AB 2CD, 2020 Toyota Corolla, due for service|Vic rego <plate>, 2020 Toyota Corolla, due for service",
                "office line extension four zero seven we need twelve monitors|office line extension <phone> we need twelve monitors",
                "Statement shows 4929 31XX XXXX 0417 taken twice|Statement shows <card> taken twice",
                "卡号 6222 0210 ****** 5531，我 不 方便 全 发|卡号 <card>，我 不 方便 全 发",
                "门卫登记：苏E·B3316 16:20 离场|门卫登记：<plate> 16:20 离场",
                "the ute's out the back the rego's b x four two k l if you need it|the ute's out the back the rego's <plate> if you need it",
                "储蓄卡 六 二 二 七 零 零 幺 九 三 三 五 零 七 六 二 八 幺 四 五 十 九 位 的 你 记 一下|储蓄卡 <card> 十 九 位 的 你 记 一下"
            })
    void removesWhatIdentifiesTheCustomer(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "what would you give me for a twenty seventeen f one fifty with ninety k on it",
                "she wants a twenty nineteen i thirty in red",
                "the A/C regas is 89 pounds",
                "we ship via dhl express 2 boxes a week",
                "the plaza hotel 5 stars",
                "delivered via courier 12 items",
                "he came platz 3 in the rankings",
                "我们 在 公园 三 号 门 等 你",
                "动物 园 五 号 馆 很 好玩",
                "衣 服 三 件 一 共 三 百 块",
                "这 款 A 六 L 二 零 二 四 款 的 价格 是 三十 万",
                "I think I was told 4 weeks",
                "low stock on part 5Q0 698 151",
                "back in stock on 12 06 2026",
                "the tyre code is DOT 2419",
                "pin 2019 was the launch year",
                "the gift card worth 50 pounds",
                "I want the V15 back in stock: 3 units",
                "Specs at kia.com/uk/sportage and finance at kia.com/uk/finance",
                "Showroom open 9am-7pm, Mon-Sat",
                "Stock ref SG-T30271 is the white one",
                "is the b m w three twenty d m sport still available",
                "Booked in for 14/03/2026 at 08:15, job card 77312",
                "Sent: 4 April 2025 09:12 Subject: Re: your quote",
                "Offer valid 2025.04.01-2025.06.30 on all SUVs",
                "地图版本20250401，车机版本V3.1.2",
                "发我邮箱，后面加@163.com 就行",
                "the price list is on our site northgate cars dot co dot uk slash offers this week",
                "本 店 的 座机 是 零 二 一 六 四 三 八 九 幺 两 三 零 周末 也 营业"
            })
    void keepsWhatOnlyLooksLikeIt(String input) {
        assertThat(redactor.redact(input).text()).isEqualTo(input);
    }
}
