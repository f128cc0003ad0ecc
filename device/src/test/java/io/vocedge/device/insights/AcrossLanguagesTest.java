package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers, plates and addresses said across languages (misses on the forty-eighth to fiftieth authors' dev parts,
 * device/corpus/pii-author48-NOTES.md to pii-author50-NOTES.md): a Hong Kong plate after the Cantonese classifier for a
 * car (架), a Singapore plate by its check letter, a vanity plate after 车牌 叫, a Chinese ID's closing X said apart, a
 * card's security code announced by its count (后面 三 个 号码), a mailbox at the reserved example domain, a spelled
 * name said again as a word, and a count in tens or an instalment plan after a long digit run, which stays; then (the
 * fifty-first to fifty-third authors') a car's model after its make beside a plate that holds the same letter and
 * digit, a vanity plate named as such, a name spelled after its address, a check digit named, 中划线 in an address, a
 * mailbox's word broken off, traditional 到期日 and 三碼, an expiry after 是 or corrected after "no", a count before
 * "monthly payments", "it ends eighty-five", a number left "as your daytime number" with the shop calling, and
 * (staying) a web address after "at", a SKU and BMW's x drive; then (the fifty-fourth to fifty-sixth authors') a wrong
 * attempt taken back before a plate, a tyre size after a plate, a spelled name said as a word, a mailbox spelled with
 * hyphens, a Hong Kong ID's "open bracket", expiries said as "expiry's", "two thousand thirty", "August '26",
 * "oh-nine, twenty-seven" or after "Expiry? Customer:", an Amex's "four digits on the front", a phone written with
 * dots, and (staying) "2 pm drive" and a shop's "customer line"; then (the fifty-seventh author's) 三 到 五 个 工作日
 * after a card and "ring the store on ..." stay; then (the fifty-ninth author's) a wrong attempt that differs inside
 * ("a b five one sorry a d five one ...") and a model after its make ("nissan gtr") beside a plate spelled with the
 * same letters. The cases below the first comment guard what must stay.
 */
class AcrossLanguagesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "有架AB 6031喺門口阻住咗，邊位車主？|有架<plate>喺門口阻住咗，邊位車主？",
                "the lexus 嗰 架 TJ 2487 係 我 老細 嘅|the lexus 嗰 架 <plate> 係 我 老細 嘅",
                "我 架 車 KT 8263, 停 咗 喺 B2 嗰 度|我 架 車 <plate>, 停 咗 喺 B2 嗰 度",
                "the trade in car is SKR 2390K, coe expire 2027|the trade in car is <plate>, coe expire 2027",
                "我 架 车 系 自 订 车牌 叫 lucky 八 八 好 易 认|我 架 车 系 自 订 车牌 叫 <plate> 好 易 认",
                "身份证 四 二 零 一 零 六 one nine eight seven 零 三 一 四 二 五 九 最后 一 个 是 大 写 的 x|身份证 <card> <card>",
                "4305 7162 9384 0521, 有效期 11/28, 后面 三 个 号码 是 742|<card>, 有效期 <card>, 后面 三 个 号码 是 <card>",
                "Sure, it's lucy at hartwell dot example.|Sure, it's <email>.",
                "It's D-A-V-I-E-S at example dot com, Davies with an E.|It's <email>, <email> with an E.",
                "分期 的 话 我 用 这 张 六 二 一 二 two six seven zero 三 九 一 八 eight four five nine 二十四 期|分期 的 话 我 用 这 张 <card> 二十四 期",
                "电话 一 三 八 一 二 三 四 五 六 七 八 三 十 分钟 后 打|电话 <phone> 三 十 分钟 后 打",
                "卡号 六 二 一 二 二 六 七 零 三 九 一 八 八 四 五 九 分 三 十 六 期|卡号 <card> 分 三 十 六 期",
                "我 开 的 是 宝马 X5 车牌 是 京 Q 八 X 五 六 两|我 开 的 是 宝马 X5 车牌 是 <plate>",
                "It's a vanity plate, LUVMYJP, on the Wrangler.|It's a vanity plate, <plate>, on the Wrangler.",
                "Sure, it's megan.okafor@gmail.com, and that's O-K-A-F-O-R.|Sure, it's <email>, and that's <email>.",
                "email is chloe w at outlook dot com thats c h l o e w|email is <email> thats <email>",
                "Can I confirm your ID, C847250, check digit 3?|Can I confirm your ID, <id>?",
                "邮箱 是 lin 中 划 线 hui 艾特 hotmail 点 com|邮箱 是 <email>",
                "its paul dot har sorry paul dot harris at gmail dot com|its <email> sorry <email>",
                "我刷JCB，3567-2214-8093-5619，到期日05/28，背面三碼是183。|我刷JCB，<card>，到期日<card>，背面三碼是<card>。",
                "用这张Visa，4485 7310 2296 8479，expiry是09/26。|用这张Visa，<card>，expiry是<card>。",
                "4780 5524 1306 3890, expiry 10/29 — no, 10/28 — and the code is 715.|<card>, expiry <card> — no, <card> — and the code is 715.",
                "the card is five five seven three one nine oh four eight eight two six oh three seven eight ok so twelve monthly payments|the card is <card> ok so twelve monthly payments",
                "my number is oh four one two three three eight nine oh five twelve payments|my number is <phone> twelve payments",
                "card 5196 0832 4471 5685, it ends in eighty five|card <card>, it ends in <card>",
                "it's the sales desk, you left 0121 496 0645 as your daytime number|it's the sales desk, you left <phone> as your daytime number",
                "it's y k six nine no sorry y k seven zero f w j|it's <plate> <plate>",
                "the reg is YD21... no, sorry, YD71 NPK|the reg is <plate>... no, sorry, <plate>",
                "White Golf, registration YR21 UPW, 205/55 R16 all round.|White Golf, registration <plate>, 205/55 R16 all round.",
                "The email's Oluwaseun... could you spell that? O-L-U-W-A-S-E-U-N, then dot Bello at gmail dot com.|The email's <email>... could you spell that? <email>, <email>.",
                "for the warranty the email is b r e n n a n s at outlook dot com so brennan plus an s|for the warranty the email is <email> so <email> plus an s",
                "邮箱前缀是J-I-A-N-G-T-A-O，后面是@outlook.com。|邮箱前缀是<email>，后面是@outlook.com。",
                "my hong kong id card is c double six four oh two one open bracket two close bracket|my hong kong id card is <id>",
                "righto card's 4539 1488 0343 6467 and expiry's nine twenty nine|righto card's <card> and expiry's <card>",
                "card number 4539 1488 0343 6467 expiry month zero three year two thousand thirty cvv one zero eight|card number <card> expiry <card> cvv <card>",
                "It's a Visa: 4539 1488 0343 6467. Expires August '26.|It's a Visa: <card>. Expires <card>.",
                "so the card's 4539 1488 0343 6467. Expiry's oh-nine, twenty-seven. And it's €200 for the deposit|so the card's <card>. Expiry's <card>. And it's €200 for the deposit",
                "Customer: 4539 1488 0343 6467 Staff: Expiry? Customer: Twelve, twenty-nine. Staff: Thanks|Customer: <card> Staff: Expiry? Customer: <card>. Staff: Thanks",
                "It's an Amex, 3782 822463 10005. The four digits on the front are 7716.|It's an Amex, <card>. The four digits on the front are <card>.",
                "asked the driver to call 206.555.0133 ten minutes before arrival|asked the driver to call <phone> ten minutes before arrival",
                // what stays: a model after 架, a year, a plane, a room, a shop's line, prices in tens, a plan
                "嗰 架 ES 300h 好 靚|嗰 架 ES 300h 好 靚",
                "我 架 車 係 2019 年 嘅|我 架 車 係 2019 年 嘅",
                "一 架 飞机 A 320|一 架 飞机 A 320",
                "第 二 个 号码 是 602 房间|第 二 个 号码 是 602 房间",
                "这 个 号码 是 400 820 8820|这 个 号码 是 400 820 8820",
                "电话 13812345678 最后 一 个 是 x 号 窗口|电话 <phone> 最后 一 个 是 x 号 窗口",
                "价格 是 一 百 二 十 三 万 四 千 五 百 六 十 块|价格 是 一 百 二 十 三 万 四 千 五 百 六 十 块",
                "我 要 九 分 三 期|我 要 九 分 三 期",
                "SUV 2023 X in the showroom|SUV 2023 X in the showroom",
                "the dot example on the slide|the dot example on the slide",
                "You can book online at www.harbourviewhonda.com.au, or reply|You can book online at www.harbourviewhonda.com.au, or reply",
                "Product code SKU-7741-BLK, the 65-inch model, is £899|Product code SKU-7741-BLK, the 65-inch model, is £899",
                "so the x five x drive thirty d m sport is sixty two thousand|so the x five x drive thirty d m sport is sixty two thousand",
                "it has a custom plate frame|it has a custom plate frame",
                "card 4780 5524 1306 3890, expiry 10/29, see you 10/28 at nine|card <card>, expiry <card>, see you 10/28 at nine",
                "call the sales desk on 0121 496 0645 as soon as you can|call the sales desk on 0121 496 0645 as soon as you can",
                "card 5196 0832 4471 5685, and the lease ends twenty six|card <card>, and the lease ends twenty six",
                "pay it in twelve monthly payments|pay it in twelve monthly payments",
                "I'm booked for the 2 pm drive in the Outlander|I'm booked for the 2 pm drive in the Outlander",
                "Our customer line is 0161 496 0732, that's the showroom|Our customer line is 0161 496 0732, that's the showroom",
                "card 4539 1488 0343 6467, expiry oh nine twenty seven, five, six bags|card <card>, expiry <card>, five, six bags",
                "my plate is y k seven zero f w j and the price was 2019 sorry|my plate is <plate> and the price was 2019 sorry",
                "退款 退 到 六 二 四 三 呃 幺 六 五 七 九 五 二 五 五 八 三 零 三 到 五 个 工作日 到账|退款 退 到 <card> 三 到 五 个 工作日 到账",
                "if it's faulty just ring the store on oh three oh six triple nine oh one two three|if it's faulty just ring the store on oh three oh six triple nine oh one two three",
                "ring me at the store on oh four one two three three eight nine oh five|ring me at the store on <phone>",
                "I left my phone at the store, it's oh four one two three three eight nine oh five|I left my phone at the store, it's <phone>",
                // public lines after 打 ("call"), which the tagger trained on every dev part reads as a phone given
                // aloud
                "再 修 不 好 我 就 打 一 二 三 一 五 了|再 修 不 好 我 就 打 一 二 三 一 五 了",
                "你再让我等我就打12315。|你再让我等我就打12315。",
                "我 要 打 幺 幺 零 报警|我 要 打 幺 幺 零 报警",
                // a card's expiry after 过期 时间 (the sixty-second author's dev part); milk past its date stays
                "用 万事达 号 码 五 四 一 二 七 五 零 零 三 一 二 四 八 八 六 七 过期 时间 二 九 年 一 月|用 万事达 号 码 <card> 过期 时间 <card>",
                "牛奶 过期 了 二 五 年 三 月 买 的|牛奶 过期 了 二 五 年 三 月 买 的",
                // letters written as their names before a mailbox (the sixty-sixth author's dev part)
                "email is are you bee why dot kay at outlook dot com send the quote|email is <email> send the quote",
                "how are you at the store today|how are you at the store today",
                // a written name after a role in a record (the sixty-fourth author's dev part), and given names that
                // start with 一 or 可; a role before an ordinary word stays
                "晚班交接：车主吴梦琪明早来取|晚班交接：车主<name>明早来取",
                "退款登记：顾客沈若兰，原卡退回|退款登记：顾客<name>，原卡退回",
                "租车登记：承租人冯建华，押金三千|租车登记：承租人<name>，押金三千",
                "贷款登记：客户赵一鸣，首付三成|贷款登记：客户<name>，首付三成",
                "我叫林可欣，手机尾号不用记|我叫<name>，手机尾号不用记",
                "顾客高兴地走了|顾客高兴地走了",
                "客户一般都选白色|客户一般都选白色",
                "顾客可以先试驾|顾客可以先试驾",
                "这也叫一流服务|这也叫一流服务",
                "its a b five one sorry a d five one r t w|its <plate> <plate>",
                "new york plate g t r dash five eight eight one not the nissan gtr the plate|new york plate <plate> not the nissan gtr the plate",
            })
    void saidAcrossLanguagesGoesAndWhatStaysStays(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }

    @Test
    void aSingaporePlateNeedsItsCheckLetter() {
        assertThat(Redactor.singaporeCheckLetter("SKR", "2390", 'K')).isTrue();
        assertThat(Redactor.singaporeCheckLetter("SKR", "2390", 'J')).isFalse();
        assertThat(redactor.redact("the code is SKR 2390J today").text()).isEqualTo("the code is SKR 2390J today");
    }
}
