package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A line built to make the redactor's patterns backtrack (long runs of spelled letters, separators, clock times, number
 * words, surname characters), as garbled recognizer output or a hostile device could send, still redacts in linear
 * time. The bound is generous (a catastrophic pattern takes minutes on these, a linear one milliseconds); it guards
 * against exponential backtracking, not speed, which bench-insights measures.
 */
class RedactorHostileInputTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "l , ",
                "l l eight five ",
                "a b one two c ",
                "08:00-",
                "9:00 to ",
                "一 二 三 ",
                "王 磊 ",
                "林雪 ",
                "forty two birch road ",
                "jo at smith and ",
                "z h a o ",
                "sort code one ",
                "Mill Lane, Clifton, ",
                "mc ",
                "AB1 ",
                ", , , ",
                "call oh seven seven double oh nine double eight one two three one two three ",
                "手机 一 三 八 一 二 三 四 五 六 七 八 对 五 六 七 八 ",
                "card 4532 0151 1283 0366 expiry 09 27 ",
                "nightowl and then the hashtag ",
                "and then the number ",
                "体育 西 路 幺 零 三 号 维多利 广场 B 座 ",
                "路 段 ",
                "销售 小 王 人 ",
                "sarah will ",
                "my gmail is tom jones ninety ",
                "four seven one six and the next four are ",
                "幺 拐 勾 拐 ",
                "微信 名 叫 快 乐 ",
                "抖音 搜 爱 车 ",
                "my insta is at coffee and ",
                "我叫王志强上",
                "收货人沈佳宜",
                "card four five four yes ",
                "卡号 六 二 五 对 ",
                "幺 三 八 还是 幺 五 八 幺 五 八 幺 五 八 三 零 七 六 ",
                "@a.b.c.d.e.",
                "x @ y.",
                "Customer: Zofia ",
                "Mr. Ab ",
                "车主 是 欧阳 明 ",
                "ą",
                "sort code 20-45-",
                "exp. 09",
                "我是郑婷，",
                "this is zbigniew wojcik ",
                "qwzx ",
                "ask zyxwv and ",
                "not qqzz ",
                "nguyen van ",
                "zhou xiaomeixiaomei ",
                "欧阳",
                "阿",
                "小赵",
                "李建华先生",
                "的 名字 ",
                "抖音搜“",
                "Al-",
                "message me at a dot ",
                "微信 号 a 杠 ",
                "ling ",
                "Kind regards, Imogen Hart, ",
                "Note from Deepak: ",
                "From: ",
                "my daughter grace ",
                "Ji-ho-",
                "sandeep and ",
                "Liam's call ",
                "财务部罗静说",
                "尊敬的司徒先生",
                "客户欧阳",
                // the eighth session's scanners: plate pieces, misheard provinces, joined number words, tails, expiries
                "车牌 粤 B 呃 ",
                "车牌 月 b 要 ",
                "京 临 a 三 ",
                "fourfivesixseven",
                "fourone ",
                "last four ",
                "尾号 4821 还是 ",
                "后面是2525，",
                "card expiry month oh seven year ",
                "有效期 一 二 月 ",
                "the code on the front ",
                "hkid r five five one two oh eight bracket ",
                "number 212-555-0143 reading back 212 ",
                // the ninth session's: homophone chains, letter names with no cue, misheard Chinese digits, 临 plates
                "won too ate ",
                "for won five ",
                "bee eff seven zed ",
                "jay tea forty eight ",
                "一 要 二 酒 ",
                "京A·临34",
                "first half is n x one second half is w ",
                "rest is ZHD ",
                // the tenth session's: corrections inside codes, e-mail false starts, letters and numbers asked apart
                "b d five one no sorry h k ",
                "h k l so b d five one ",
                "sarah dot k dash lee at x dot com ",
                "x u 下划线 y 艾特 m a p l e 杠 l 点 c o 点 u k ",
                "plate letters j v x and the numbers five ",
                "the date on it is oh three and the code is five ate one ",
                "是7878，不是7878。",
                "plus nine won ninety ",
                "零 一 唔 不是 零 一 九 ",
                // the eleventh session's: pieces read on after remarks and from a cue, a plate's start and end
                "card 4539 (one sec) ",
                "my number oh four one two hang on ",
                "卡：6222（等一下）",
                "plate starts with x y z and ends four ",
                "浙 b 开头 的 后面 是 五 k ",
                "tag exp 12/15 on ",
                // the twelfth session's: changed tails, groups said back, recognizer slips in addresses
                "phone 0412 338 905 the last two are four nine ",
                "号码 13812345678 后 两 位 改 成 九 三 尾号74 ",
                "Card 5339 2948 3691 0141? No, 3691. ",
                "Reg is BD68 FNG? FNG. ",
                "zhang at 网易 一 二 六 点 com ",
                "bella hat live dot co dot uk ",
                "6222 0210 0113 5567 889，三个工作日 ",
                // the thirteenth session's: other channels, places, names and handles
                "138****6627 ha***@126.com ",
                "1 x 2 x 3: ",
                "linkedin.com/in/a-b-c ",
                "PO Box 7, Leeds LS6 2QT, Mornington VIC 3931, ",
                "台北市大安區忠孝東路四段216巷9弄",
                "向阳 村 三 组 二十七 号 两 台 ",
                "何 家豪 先生 ",
                "买家：阿不都·吐尔逊——江语桐，",
                "抖音 叫 小 胖 ",
                "微博 搜 老 陈 看 ",
                "handle on x is b i g ",
                "elm street springfield ",
                "推荐人：老客户邓一鸣（小名婷婷）昵称“周",
                "十七 栋 二 单元 二十三 楼 四 ",
                "l nine w two z four ",
                "p o box four four ",
                "宋 PLUS 唐 DM-i ",
                // the fourteenth session's: plates after 架 and 车牌 叫, check letters, an ID's x, spelled names again
                "有架AB 6031嗰 架 車 KT ",
                "车牌 叫 lucky 八 八 車牌 係 DR ",
                "SKR 2390K SB 1 ",
                "最 后 一 个 是 大 写 的 x ",
                "后面 三 个 号码 是 七 ",
                "D-A-V-I-E-S at x dot example Davies ",
                "六 二 一 二 two six 二 十 四 期 分 三 十 ",
                "y k six nine no sorry y k ",
                "打 一 二 三 一 五 YD21 no sorry YD71 10/28 ",
                "万事达 卡 过期 时间 二 九 年 一 月 过 期 ",
                "are you bee why see jay dot ",
                "顾客赵一鸣机主林可欣承租人",
                "O-L-U-W-A Oluwa b r e n n brenn ",
                "expiry's oh-nine, twenty-seven, Expiry? Customer: ",
                "open bracket two close bracket ",
                "206.555.0133 205/55 R16 ",
                "vanity plate, LUVMY it ends eighty-five ",
            })
    void longRepeatedFragmentsRedactWithoutBacktracking(String fragment) {
        String line = fragment.repeat(20_000 / fragment.length());
        String out = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> redactor.redact(line).text());
        assertThat(out).isNotNull();
    }
}
