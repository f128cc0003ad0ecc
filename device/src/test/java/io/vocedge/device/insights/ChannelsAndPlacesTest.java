package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Other channels, places, names and handles (misses on the forty-third to forty-fifth authors' dev parts,
 * device/corpus/pii-author43-NOTES.md to pii-author45-NOTES.md): a phone or mailbox masked in the middle, a quantity
 * ("1 x fridge freezer") or a clock time beside a code, a full stop or colon after a written code, a profile address,
 * a post office box, an Australian state and postcode and the town before a postcode, a town said after a street, a
 * Chinese address's place names run together before its road, 巷, 村 and 组, a count after an address, a recognizer's
 * 何 家豪 先生, a dotted name after a field, a sign-off after a dash, a field for a card or account holder, display
 * names on 抖音, 小红书 and 微博 said by a recognizer, a handle spelled letter by letter; then (the forty-sixth author's
 * dev misses) a person after a form's field (用车人, 推荐人, 全名), a nickname after 昵称 or 小名, a flat given by its block
 * without a road, more street words and a "9/27" house number, a Canadian postcode and a post office box said aloud,
 * and 宋 PLUS or 唐 DM-i, which are cars; then (the forty-seventh author's) 妖 and 吧 heard for 幺 and 八 between
 * digits, and "2021 Focus ST", which is a car. The cases below the first comment guard what must stay.
 */
class ChannelsAndPlacesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "您尾号手机138****6627的订单已发货，共3件|您尾号手机<number>的订单已发货，共3件",
                "邮箱ha***@126.com，请注意查收|邮箱<email>，请注意查收",
                "Gate log 21:14: LV70 HNB collected after service|Gate log 21:14: <plate> collected after service",
                "order 55-20931, 1 x fridge freezer £649|order <phone>, 1 x fridge freezer £649",
                "Order #A77-30215: 2 x patio chairs, ship date 05/21|Order #<id>: 2 x patio chairs, ship date 05/21",
                "Ship to: 88 Harrow Lane, Leeds LS6 2QT. Two boxes, 14 kg total.|Ship to: <address>. Two boxes, 14 kg total.",
                "Fleet enquiry from linkedin.com/in/harriet-oyelaran-4b2a19: 12 vans on lease|Fleet enquiry from linkedin.com/in/<account>: 12 vans on lease",
                "add me instagram.com/jess.drives please|add me instagram.com/<account> please",
                "Billing: PO Box 7731, Mornington VIC 3931; total A$1,356.20|Billing: <address>, <address>; total A$1,356.20",
                "come to 14 Elm Road, Coventry CV3 6DN between 10 and 12|come to <address> between 10 and 12",
                "Address: 155 Bloor St E, Toronto ON M4W 3M1|Address: <address> E, <address>",
                "the address on the registration is sixty one elm street springfield and the total is four hundred|the address on the registration is <address> and the total is four hundred",
                "mail the title to two twelve sycamore street in millbrook since the payoff cleared|mail the title to <address> since the payoff cleared",
                "寄送地址：台北市大安區忠孝東路四段216巷9弄3號5樓，收件時間晚上7點後|寄送地址：<address>，收件時間晚上7點後",
                "王芳，成都市武侯区玉林北路12号附3号2单元401，这个地址开发票|<name>，<address>，这个地址开发票",
                "寄 到 老家 城关 镇 向阳 村 三 组 二十七 号 运费 十五 块|寄 到 老家 城关 镇 向阳 <address> 运费 十五 块",
                "我 住 天河 区 体育 东 路 一百三十八 号 二十三 楼 两 台 空调 都 要 装|我 住 天河 区 体育 东 <address> 两 台 空调 都 要 装",
                "华星 小区 六 幢 那个 一 千 二 的 热水器 送 这里|华星 <address> 那个 一 千 二 的 热水器 送 这里",
                "地址 是 金 桥 花园 九 栋 二 单元 三 天 内 寄 出|地址 是 金 桥 <address> 三 天 内 寄 出",
                "何 家豪 先生 的 车 保养 好 了|<name> 先生 的 车 保养 好 了",
                "李 秀梅 女士 的 车 今天 取|<name> 女士 的 车 今天 取",
                "买家：阿不都热合曼·吐尔逊，订单号|买家：<name>，订单号",
                "希望贵店能改进。——江语桐，2024年5月6日|希望贵店能改进。——<name>，2024年5月6日",
                "Cardholder: Sarah Morgan|Cardholder: <name>",
                "我 抖音 叫 小 胖 爱 改车 提车 那天 下午 三 点 我 要 拍 个 视频|我 抖音 叫 <account> 那天 下午 三 点 我 要 拍 个 视频",
                "我 小红书 账号 桃子 不 吃 桃 你们 五 一 活动 我 帮 你们 发|我 小红书 账号 <account> 你们 五 一 活动 我 帮 你们 发",
                "微博 上 搜 老 陈 开 车 看 世界 就是 我 修 了 三 次|微博 上 搜 <account> 就是 我 修 了 三 次",
                "my handle on x is b i g m i k e k c left you a five star review|my handle on x is <account> left you a five star review",
                "实际用车人：何文静的父亲|实际用车人：<name>的父亲",
                "推荐人：老客户邓一鸣（送保养一次）|推荐人：老客户<name>（送保养一次）",
                "全名马晓东，周日到店|全名<name>，周日到店",
                "昵称“周小七”，下周三来拍提车|昵称“<name>”，下周三来拍提车",
                "小红书ID：123（昵称：桃子爱开车），她想|小红书ID：123（昵称：<name>），她想",
                "客户王强（小名婷婷）下午来|客户<name>（小名<name>）下午来",
                "帮 我 改 一下 收货 地址 龙湖 两江 新宸 十七 栋 二 单元 二十三 楼 四 号 原来 那个 不 住 了|帮 我 改 一下 收货 地址 龙湖 两江 新宸 <address> 号 原来 那个 不 住 了",
                "保利 麓谷 林语 十一 栋 八 零 三|保利 麓谷 林语 <address>",
                "Rego papers should go to 9/27 Kingfisher Parade, Mermaid Waters QLD 4218.|Rego papers should go to <address>.",
                "the address is forty one hazelwood grove castleknock|the address is <address>",
                "our place is two six mono ontario l nine w two z four we'd want the truck|our place is two six mono ontario <address> we'd want the truck",
                "mail it to p o box four four seven one not the street address|mail it to <address> not the street address",
                "家 住 万科 城 三 期 十二 栋 一 单元 八 零 八 十二 号 晚上 送 过 来 就 行|家 住 万科 城 三 期 <address> 十二 号 晚上 送 过 来 就 行",
                "打 这个 妖 八 九 零 七 六 四 妖 三 二 五 我 明天 九 点 半 过来|打 这个 <phone> 我 明天 九 点 半 过来",
                "刷 这 张 六 二 五 久 三 七 吧 七 六 七 三 七 三 五 六 幺 分 六 期|刷 这 张 <card> 分 六 期",
                // what stays, or is taken no further
                "Customer vehicle reg: WP21 KZN, 2021 Focus ST, 34,812 miles.|Customer vehicle reg: <plate>, 2021 Focus ST, 34,812 miles.",
                "好 吧 五 点 见|好 吧 五 点 见",
                "三 吧 四 个 人|三 吧 四 个 人",
                "text 604.555.0177 if the tires come in|text <phone> if the tires come in",
                "Plate LV21... K P D. Yes.|Plate <plate>. Yes.",
                "我想看阿斯顿·马丁|我想看阿斯顿·马丁",
                "See our page facebook.com/ParkwayFord for offers|See our page facebook.com/ParkwayFord for offers",
                "Powered by: Shopify|Powered by: Shopify",
                "门店地址：上海市徐汇区漕宝路88号，营业时间9:00-18:00|门店地址：上海市徐汇区漕宝路88号，营业时间9:00-18:00",
                "我们 农村 三 组 人 都 来 了|我们 农村 三 组 人 都 来 了",
                "我 找 一下 销售 经理|我 找 一下 销售 经理",
                "i live at forty two oak avenue in town|i live at <address> in town",
                "价格——王牌套餐。|价格——王牌套餐。",
                "抖音 上 搜 汉 EV 的 评测 看 看|抖音 上 搜 汉 EV 的 评测 看 看",
                "my handle is a b c|my handle is a b c",
                "我 想 看 宋 PLUS 和 唐 DM-i 哪个 好|我 想 看 宋 PLUS 和 唐 DM-i 哪个 好",
                "三 栋 楼 都 满 了|三 栋 楼 都 满 了",
                "展厅 在 二 楼 三 号 展位|展厅 在 二 楼 三 号 展位",
                "it is a ten minute walk from here|it is a ten minute walk from here",
                "we sold three in a row|we sold three in a row",
                "the stock unit vin is w b a five r one c five zero k a three four|the stock unit vin is w b a five r one c five zero k a three four",
                "介绍人 说 了|介绍人 说 了",
            })
    void otherChannelsPlacesNamesAndHandlesGoAndWhatStaysStays(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
