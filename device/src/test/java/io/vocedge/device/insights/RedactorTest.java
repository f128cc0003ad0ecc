package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "我 的 手机 是 13812345678 谢谢|我 的 手机 是 <phone> 谢谢|phone",
                "一 三 八 一 二 三 四 五 六 七 八|<phone>|phone",
                "电话 幺 三 九 零 零 零 零 幺 幺 幺 幺|电话 <phone>|phone",
                "号码 138 1234 5678 打 过来|号码 <phone> 打 过来|phone",
                "sure it's five five five two one three four eight eight nine|sure it's <phone>|phone",
                "call me at double five five one two three four|call me at <phone>|phone",
                "身份证 11010519491231002X 给 你|身份证 <id> 给 你|id",
                "卡号 6222 0212 3456 7890 123|卡号 <card>|card",
                "mail me at john.smith@example.com please|mail me at <email> please|email",
                "车牌 京A12345 停 在 门口|车牌 <plate> 停 在 门口|plate",
                "新能源 粤B D12345 的 车|新能源 <plate> 的 车|plate",
                "my plate is ABC 1234|my plate is <plate>|plate",
                "座机 010-62345678|座机 <phone>|phone",
                "it's grace forty two twenty two at yahoo dot com thanks|it's <email> thanks|email",
                "email t dot smith at sign bright motors dot org|email <email>|email",
                "my email is sarah at outlook dot i o|my email is <email>|email",
                "Please send it to mike(at)yahoo.com thanks.|Please send it to <email> thanks.|email",
                "邮箱 zhangsan 嗯 圈 a 163 点 cn 谢谢|邮箱 <email> 谢谢|email",
                "我 邮箱 sunhao 啊 小 老鼠 aliyun 点 cn|我 邮箱 <email>|email",
                "my reg is double u ess see one nine four|my reg is <plate>|plate",
                "the tag is j for jack k for king oh oh seven|the tag is <plate>|plate",
                "license plate yankee echo x-ray six three eight nine in the back|license plate <plate> in the back|plate",
                "牌照 是 粤 A 三 六 二 K 一 停 在 门口|牌照 是 <plate> 停 在 门口|plate",
                "Tag KZ05-PSE, parked out front.|Tag <plate>, parked out front.|plate",
                "reach me on two oh six let me see five five five hold on oh one five nine|reach me on <phone>|phone",
                "电话 幺 三 六 后面 七 三 零 一 三 两 两 五 找 前台|电话 <phone> 找 前台|phone",
                "我 的 手机 是 幺 八 八 八 一 七 八 九 五 洞 洞|我 的 手机 是 <phone>|phone",
                "card number six two two nine like eight three oh four like six four four six like two eight eight one|card number <card>|card",
            })
    void personalNumbersBecomeTypedPlaceholders(String in, String out, String kind) {
        Redactor.Result r = redactor.redact(in);
        assertThat(r.text()).isEqualTo(out);
        assertThat(r.kinds()).containsExactly(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "there's a five hundred dollar doc fee",
                "we've been waiting forty minutes",
                "the price is 25999 with 2000 off",
                "等 了 一个 多 小时",
                "首付 三 万 月供 两 千 八",
                "come back at 10:30 on the 22nd",
                "one of the two cars",
                "价格 是 十二 万 八千",
            })
    void ordinaryNumbersAreKept(String in) {
        Redactor.Result r = redactor.redact(in);
        assertThat(r.text()).isEqualTo(in);
        assertThat(r.kinds()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "手机 1 3 8 - 1 2 3 4 - 5 6 7 8 还有 邮箱 a.b@c.cn|手机 <phone> 还有 邮箱 <email>",
                "phone one three eight 1234 five six seven eight|phone <phone>",
            })
    void mixedScriptsAndSplitNumbersAreCaught(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my email is john dot smith at gmail dot com thanks|my email is <email> thanks",
                "邮箱 是 wang 下划线 li 八 八 艾特 163 点 com 谢谢|邮箱 是 <email> 谢谢",
                "my plate is seven alpha bravo charlie one two three|my plate is <plate>",
                "plate number is k j four eight two one|plate number is <plate>",
                "车牌 是 苏 E 幺 两 洞 八 九 白色 的|车牌 是 <plate> 白色 的",
                "call six one seven fifty five five oh one twenty three|call <phone>",
                "it's two one oh sorry two one four five five five oh one nine eight ok|it's <phone> ok",
                "我 电话 幺 八 六 呃 两 两 三 四 那个 五 五 六 七|我 电话 <phone>",
                "visa forty five thirty two, oh one fifty one, twelve eighty three, oh three sixty six|visa <card>",
                "passport number e one two three four five six seven eight|passport number <id>",
                "身份 证 四 四 零 三 零 五 一 九 九 零 零 一 零 一 一 二 三 四 叉|身份 证 <id>",
            })
    void spokenPersonalDataIsRemoved(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "one two three four five six seven eight nine ten",
                "the v six makes five five five horsepower",
                "我 要 打 一 二 三 一 五 投诉",
                "The sticker says $32,499 and 1,250,000 yen",
                "the twenty twenty three twenty twenty four models",
                "the GLE 350 and the RX 350",
                "meet me at ten at the service desk",
                "the service on 2024-10-08 cost 389 dollars",
                "二零二四 款 落地 价 二十 万 零 八 千",
            })
    void numbersThatBelongToNobodyAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }
    /** Fourth-author forms (device/corpus/README.md): each class once, and the look-alikes that must stay. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "call the desk 020 7946 0555 extension three one two|call the desk <phone>",
                "手机 一 三 九 三 个 八 六 六 二 二 一|手机 <phone>",
                "手机 尾号 二 零 三 八|手机 尾号 <phone>", // a phone's tail, named as one (2026-12-06, eighth session)
                "k as in kilo p as in peter seven seven two is the plate|<plate> is the plate",
                "send it to amy at g mail dot com|send it to <email>",
                "邮箱 dongmei 艾特 一 二 六 点 com|邮箱 <email>",
                "wechat id is coco_77|wechat id is <account>",
                "加 我 微信 名字 拼音 lihua 三 八 九 二|加 我 微信 名字 拼音 <account>",
                "we live at 221 Baker Street now|we live at <address> now",
                "送 到 建设 路 十八 号 二 栋 三 零 一|送 到 建设 <address>",
                "VIN 2T1BURHE0JC043821 on the title|VIN <vin> on the title",
                "车牌 苏 A 九 九 八 八 七 K|车牌 <plate>",
            })
    void fourthAuthorFormsAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "it has all wheel drive and it's 5 minutes down the road",
                "我 知道 三 号 交车 坐 地铁 三 号 线",
                "the lease ending in 2028 is fine",
                "微信 发 你 iphone 15 的 报价",
                "model number wh-1000xm5 is on sale",
            })
    void fourthAuthorLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    /** Chinese addresses with a road section (段), a numbered road (七 道) or a lettered block after the number. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "快递 寄 到 解放 路 二 段 六 十 号 三 栋|快递 寄 到 解放 <address>",
                "公司 在 中山路三段 45 号 6 栋 1101 室|公司 在 <address>",
                "家 住 南 大街 东 段 一 百 零 八 号|家 住 南 <address>",
                "在 经济 开发 区 北 三 道 五 十 六 号 门口|在 经济 开发 区 北 三 <address> 门口",
                "送 到 长江 路 九 号 国贸 中心 A 座 幺 五 零 三|送 到 长江 <address>",
            })
    void chineseAddressSectionsAndBlocksAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "这 个 我 知道 二 十 号 之前 一定 交车",
                "一 道 题 三 号 考",
                "展厅 二 楼 A 座 区域 有 三 台 样车",
                "高速 上 那 一 段 开 了 一 百 二 十",
            })
    void chineseAddressLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    /** Part of a removed number read back digit by digit to confirm it goes too; other numbers in the line stay. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my mobile is oh seven nine one one two three four five six seven yes one two three four in the middle"
                        + "|my mobile is <phone> yes <phone> in the middle",
                "手机 号 一 三 九 零 二 八 八 七 六 五 四 对 八 八 七 六 是 中间|手机 号 <phone> 对 <phone> 是 中间",
                "call oh seven seven zero zero nine eight one two three four it costs one nine nine a month"
                        + "|call <phone> it costs one nine nine a month",
                "手机 一 三 八 零 零 一 二 三 四 五 六 首付 三 万 五 千|手机 <phone> 首付 三 万 五 千",
            })
    void digitsOfARemovedNumberSaidAgainGoToo(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    /** Ids and mail names dictated as a word, a joining phrase, then digits. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my discord is nightowl and then the hashtag four four two one|my discord is <account>",
                "the handle is bluefox followed by two seven|the handle is <account>",
                "on tiktok it's fast lane fiona with the number two at the end|on tiktok it's <account> at the end",
                "email is tom followed by eighty eight at outlook dot com|email is <email>",
                "send it to rosie and then the number twelve at gmail dot com|send it to <email>",
                "my gmail is tom jones ninety if you want it|my gmail is <account> if you want it",
            })
    void dictatedIdsWithJoiningPhrasesAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my wechat is mike and then i will send the photo",
                "add me on wechat and then the number is on the card",
                "it is the one and then the number five at the front desk",
                "we added the alloys and then the number plate for two hundred",
                "my yahoo is down again",
                "my outlook is that it will rain",
            })
    void joiningPhrasesWithoutAnIdAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    /** Fifth-author forms (recognizer output), in phrasings of this test's own, not the case files'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "text me on four won five five five ate too oh nine for thanks|text me on <phone> for thanks",
                "the plate on my van is l m ate for x t v|the plate on my van is <plate>",
                "so that's seven seven three five five five one two four six right yes one two four six"
                        + "|so that's <phone> right yes <phone>",
                "尾号 是 三 三 八 二 不是 三 三 八 一|尾号 是 <card> 不是 <card>",
                "电话 十 三 八 零 零 一 二 三 四 五 六|电话 <phone>",
                "my last name is d o y l e|my last name is <name>",
                "姓 是 拼音 W A N G 嗯 Y I|姓 是 拼音 <name>",
                "card expires oh four twenty nine|card expires <card>",
                "exp 04/29 and the cvv|exp <card> and the cvv",
                "IBAN DE89 3704 0044 0532 0130 00 please|IBAN <account> please",
                "we live at forty two b saint mary's road|we live at <address>",
            })
    void fifthAuthorFormsAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the offer is buy two for one and i need to be there at five to six",
                "it costs twenty to thirty dollars",
                "the part number is four four one two seven dash k two two nine one",
                "预约 时间 2025-07-01 09:30 到店",
                "my name is a j",
                "we sell the g t i",
            })
    void fifthAuthorLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    /** Seventh-author forms (contact talk), in phrasings of this test's own, not the case files'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "post it to forty two birch road s k nine four q t thanks|post it to <address> <address> thanks",
                "Invoice to 7 Kings Road, Hove|Invoice to <address>",
                "Ship to: 14 Orchard Way, Long Eaton please|Ship to: <address> please",
                "the sort code is forty two oh one sixty six|the sort code is <account>",
                "mail jo at smith and daughters dot co dot uk|mail <email>",
                "my wechat is j i a n g hao|my wechat is <account>",
                "licence number MORGA 657054 SM9IJ|licence number <id>",
                "黄丽 说 车 已经 到 了|<name> 说 车 已经 到 了",
                "是 陈 静 帮 我 订 的|是 <name> 帮 我 订 的",
                "姓名：周杰，电话 13800001111|姓名：<name>，电话 <phone>",
                "您好，我是孙悦，想问一下保养。|您好，我是<name>，想问一下保养。",
                "could you ask for grace please|could you ask for <name> please",
                "brendan o'hara was supposed to call|<name> was supposed to call",
            })
    void seventhAuthorFormsAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "We open 08:30-17:30, Sat 9:00-12:00.",
                "高 配 的 多少 钱",
                "马上 就 好",
                "白 色 的 有 吗",
                "我 是 江西人",
                "welcome to jenny's kitchen",
                "meet me at the ted baker counter",
                "库存 编号 二零二四 零 八 一 五 三 三",
                "we went to marks and spencer and then home",
            })
    void seventhAuthorLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    /** 拐 (7) and 勾 (9) as read over a radio or a bad line, and group labels said between a card's groups. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "手机 是 幺 五 八 拐 两 三 四 洞 幺 勾 八 记 一下|手机 是 <phone> 记 一下",
                "卡号 六 二 幺 七 零 零 拐 两 三 四 五 六 七 八 九 零 幺 二 三|卡号 <card>",
                "first four are four seven one six next four nine eight two two then one three three seven"
                        + " last four five five six zero|first four are <card>",
                "phone is oh seven seven one two and the last six are three four five six seven eight|phone is <phone>",
                "卡 背面 的 验证码 四 八 二|卡 背面 的 验证码 <card>",
                "member number five five eight two nine one|member number <id>",
                "is it one three eight or one five eight one two three four five six seven eight|is it <phone> or <phone>",
                "my card three nine one two did you say three nine one two yes great four four zero eight"
                        + "|my card <card> did you say <card> yes great <card>",
                "卡号 呢 五 二 一 对 七 七 三 零 对 嗯 八 八 六 一|卡号 呢 <card>",
                "it costs two nine nine or one three eight zero zero one three eight zero zero zero"
                        + "|it costs two nine nine or <phone>",
                "地址 是 南京 西 路 一 二 六 六 弄 呃 七 号 四 零 一|地址 是 南京 西 <address>",
                "会员 卡 号 八 八 二 九 一 七|会员 卡 号 <id>",
                "the three digit code is four eight two|the three digit code is <card>",
                "卡号 是 四 个 六 两 个 八 一 二 三 四 五 六 七 八 九 零|卡号 是 <card>",
                "my card number is four sixes then one two three four five six seven eight nine zero one two"
                        + "|my card number is <card>",
            })
    void radioDigitsAndGroupLabelsInsideANumber(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "前面 路口 左 拐 三 百 米 就 到",
                "七 拐 八 拐 才 找到 你们 店",
                "在 这里 打 勾 签字",
                "买 两 个 八 寸 的 轮毂",
                "会员 价 三 九 九 九",
                "member price is three nine nine nine",
                "the card fee is four five and five five six six",
                "pay by card it is two nine nine a month",
                "卡车 装 了 三 四 五 箱",
                "he rolled three sixes in a row",
                "we have two fours and a sedan",
                "he called twice in the last four weeks",
                "seats five next four are for the kids",
                "the code is seven seven one two and the last one is three",
            })
    void radioDigitAndGroupLabelLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    /** Handles on more platforms and display names in everyday words, in both languages. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my discord is gearhead#4421|my discord is <account>",
                "my venmo is at sam dash carter dash three|my venmo is at <account>",
                "vx 号 是 abc 一 二 三|vx 号 是 <account>",
                "my insta is at coffee and cars|my insta is at <account>",
                "the username is car guy two thousand|the username is <account>",
                "微信 名 叫 快乐 的 小 鱼|微信 名 叫 <account>",
                "我 QQ 昵称 叫 风 一样 的 男子|我 QQ 昵称 叫 <account>",
                "抖音 搜 爱 车 的 老 张 就是 我|抖音 搜 <account> 就是 我",
                "微博 账号 是 @ 车 迷 小 王|微博 账号 是 @ <account>",
                "my personal email is starlight ninety nine at aol|my personal email is <email>",
                "deliver it to flat three, twelve victoria road please|deliver it to <address> please",
                "it's peter at gmail dot calm|it's <email>",
                "It is nancy dot p at gmail. Thanks.|It is <email>. Thanks.",
            })
    void handlesAndDisplayNamesAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "我 在 抖音 上 搜 汉 EV 的 评测",
                "小红书 上 搜 一下 就 知道 了",
                "微信 名 叫 什么 来着",
                "微信 名 就是 我 的 名字",
                "闲鱼 上 卖 二手 车 的 多",
                "my insta is at the bottom of the page",
                "my handle is at the back of the card",
                "we're on facebook as the corner bakery",
                "the username is the same as my email",
                "my kid's xbox broke again",
                "paid him on venmo already",
                "she used to work at aol",
            })
    void handleLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Refund to account 55190324, sort code 40-11-62 please.|Refund to account <account>, sort code <account> please.",
                "sort code 09 01 28 and the account is fine|sort code <account> and the account is fine",
                "Deliver to 77 Quarry Hill Rd, Unit 4 tomorrow.|Deliver to <address> tomorrow.",
                "the spare key goes to 12 Juniper Ln.|the spare key goes to <address>.",
                "she lives at 901 East Fremont St, apt 12|she lives at <address>",
                "Mastercard 5105 1051 0510 5100, expiring 03/29.|Mastercard <card>, expiring <card>.",
                "card ending 5100, exp. 0329|card ending <card>, exp. <card>",
                "信用卡 5105 1051 0510 5100 有效期 03/29|信用卡 <card> 有效期 <card>",
                "车主 是 诸葛 子瑜 今天 没 来|车主 是 <name> 今天 没 来",
                "车主 钱 思远 下午 提车|车主 <name> 下午 提车",
                "发票 上 写 我 妈 的 名字 许 慧敏|发票 上 写 我 妈 的 名字 <name>",
                "收货人 上官 婉儿 电话 后 面 补|收货人 <name> 电话 后 面 补",
                "车主是司马文博，电话后补|车主是<name>，电话后补",
                "Please put the order under Zofia Dąbrowska.|Please put the order under <name>.",
                "Client: Rajesh Venkataraman, 3rd visit.|Client: <name>, 3rd visit.",
                "Owner - Femi Adebayo|Owner - <name>",
                "Hand the keys to Mrs. Oyelowo at reception.|Hand the keys to Mrs. <name> at reception.",
                "Approved by Joaquín Ibáñez yesterday.|Approved by <name> yesterday.",
                "This is Gemma Thistlewood from the body shop.|This is <name> from the body shop.",
                "IG: @marco.restomods - he posts every build.|IG: <account> - he posts every build.",
                "my tiktok is @jj_on_wheels|my tiktok is <account>",
                "小红书 @爱车的阿杰 就是 我|小红书 <account> 就是 我",
                "Write to p.nguyen@fastmail.fm tonight.|Write to <email> tonight.",
                "持卡人：郑雅文，卡是工行的|持卡人：<name>，卡是工行的",
                "户名 是 韩 立新 对 吧|户名 是 <name> 对 吧",
                "你 好 我 叫 欧阳 晓晓 约 了 试驾|你 好 我 叫 <name> 约 了 试驾",
                "您好，我是郑婷，来提车的|您好，我是<name>，来提车的",
                "hi this is zbigniew wojcik about the van|hi this is <name> about the van",
            })
    void ninthAuthorWrittenFormsAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "It gets 38 mpg highway and 31 in town.",
                "about 70 mph on the highway it's quiet",
                "we did 3 days on the interstate highway",
                "the 2024 model year ends production in June",
                "车主 本人 要 到 场",
                "车主 说 下午 再 来",
                "我得跟车主解释一下为什么要等",
                "We ship to Fort Worth, Port Clinton and New Milford.",
                "Ask for Grace Monday or Tuesday, whichever suits.",
                "It comes with Michelin Pilot tyres and Apple CarPlay.",
                "The café on the corner does a good crème brûlée.",
                "Finance at 0 @ 2.9% for 36 months.",
                "Price @ 3.49% APR is the best we have.",
                "Follow us @harbourmotors for the weekend deals.",
                "户名 写 公司 的 就 行",
                "持卡人 本人 要 到 场 签字",
                "把这周的意向客户名单准备好",
                "our account is @citytoyota, tag it",
                "名字 写 错 了 要 重 打",
                "会员卡有效期到2027年",
                "the sort order is by date 12-05-26",
                "it went into the account 12/05/2026 as agreed",
                "The 2025 RAV4 Hybrid XLE is $36,450 before tax.",
                "my 2019 CX5 is due for its service",
                "我是全款，不贷款",
                "2026 ID4 Pro S in stock next week",
            })
    void ninthAuthorLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }
}
