package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The names round of the fifth 2026-12-05 session (device/README.md "2026-12-05 rules, fifth session"): names no list
 * holds, told from ordinary words by an English word list (an unlisted word after a cue for a person, before a verb only
 * a person does, or after a listed first name), first names of other countries, pinyin and Vietnamese names in English
 * text, people joined by "and", corrections; in Chinese two-character surnames without a cue, full names before a title,
 * 阿/小/老 nicknames, 的 名字, 客户 after a written name, quoted display names. Every line typed for this test, none
 * copied from a case file; the keep lines are the look-alikes each rule was checked against.
 */
class UnlistedNamesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "could you ask oksana and thuy to bring the keys|could you ask <name> and <name> to bring the keys",
                "is babajide around i need the loan papers|is <name> around i need the loan papers",
                "tell kwabena that the valet is done|tell <name> that the valet is done",
                "the test drive was booked by harriet pemberton-hale for noon|the test drive was booked by <name> for noon",
                "doctor eze wants the blue one|doctor <name> wants the blue one",
                "dr adebayo rang about the recall|dr <name> rang about the recall",
                "please speak to tunde about the trade in|please speak to <name> about the trade in",
                "it's amara okonjo for the four o'clock|it's <name> for the four o'clock",
                "Zhang Yuxuan is waiting at reception|<name> is waiting at reception",
                "meet liu zhiqiang at the handover bay|meet <name> at the handover bay",
                "This is Oluwaseun Adeyemi from the fleet office|This is <name> from the fleet office",
                "siobhan and kwame will sign together|<name> and <name> will sign together",
                "ifeoma nwachukwu rang twice this morning|<name> rang twice this morning",
                "no not bartosz it was janusz who sold it|no not <name> it was <name> who sold it",
                "put it under kowalczyk no sorry under my wife|put it under <name> no sorry under my wife",
                "could you get tran minh duc to call me back|could you get <name> to call me back",
                "Ms. Al-Farsi asked about the warranty|Ms. <name> asked about the warranty",
                "it was park min jun who drove it|it was <name> who drove it",
                "put it under kim seo yeon please|put it under <name> please",
                "we walked in the park in young hearts|we walked in the park in young hearts",
                "this is tom we'd like to book the mot|this is <name> we'd like to book the mot",
                "this is kevin innit thanks|this is <name> innit thanks",
                "ask for tom haha|ask for <name> haha",
                "speak to priya ermmm about the loan|speak to <name> ermmm about the loan",
                "the mechanic tom fixed it|the mechanic <name> fixed it",
                "call rafal directly|call <name> directly",
                "its adaeze nwosu about the dent|its <name> about the dent",
                "周总说可以|<name>总说可以",
                "钟总在吗|<name>总在吗",
                "小王你好|<name>你好",
                "慕容 晓雪 女士 在 等 您|<name> 女士 在 等 您",
                "请联系诸葛明亮先生|请联系<name>先生",
                "上官静，下午三点试驾|<name>，下午三点试驾",
                "李建华先生的车到了|<name>先生的车到了",
                "阿 明 在 不 在|<name> 在 不 在",
                "阿伟，客户来了|<name>，客户来了",
                "老陈说电池没问题|<name>说电池没问题",
                "交车人：小孙|交车人：<name>",
                "吴丽华、吴志强两位客户明天来|<name>、<name>两位客户明天来",
                "钱志强客户的车洗好了|<name>客户的车洗好了",
                "她 叫 谢 婉清|她 叫 <name>",
                "我 用 邓 文 的 名字 订 的|我 用 <name> 的 名字 订 的",
                "你 找 kevin 就 可以|你 找 <name> 就 可以",
                "我 跟 萧 女士 约 好 了|我 跟 <name> 女士 约 好 了",
                "抖音搜“东北老王修车”就是我|抖音搜“<account>”就是我",
            })
    void namesNoListHoldsGo(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "can you ask finance and sales to call me back",
                "is service around",
                "tell service that the car is ready",
                "ask toyota about the recall",
                "the doctor said i can't drive for a week",
                "i miss the old model honestly",
                "we bought it from Jardine Motors Group",
                "is the tiguan around or sold",
                "ask for a discount on the hilux",
                "ella quiere el rojo",
                "ask chatgpt about it",
                "is that price final",
                "ask him and his wife to sign",
                "the quote from Arnold Clark Motors was lower",
                "请 联系 方式 留 一下",
                "通知 书 已经 寄 出 了",
                "发票 抬头 写 公司 名称",
                "合同 上 写 的 是 全款",
                "东方 明珠 那边 的 店",
                "阿里 巴巴 的 支付宝",
                "阿姨 你 好",
                "阿尔法 罗密欧 的 车",
                "欢迎 光临 先生",
                "韩国 的 车 质量 不错",
                "我是全款买的",
                "我是白云区的",
                "我是金华的客户",
                "小 朋友 不要 乱 跑",
                "老 板 在 吗",
                "小 白 车 没 电 了",
                "老师说这个车不错",
                "老 师 说 可以",
                "小米说新车下个月到",
                "不用给小费。",
                "你 上官网 看 一下",
                "我的英文老师推荐的",
                "客户经理，帮我一下",
                "阿森纳的球迷",
                "小时候坐过这个车",
                "老实说不太满意",
                "不是 周 末 是 周 一",
                "上官 这个 姓 挺 好听",
                "高 配 今天 有 现车 吗",
                "我们 店 的 抖音 是 城东 车友会",
                "i need to speak to santander about the finance",
                "can you talk to geico about the claim",
                "i spoke to hsbc yesterday",
                "speak to experian about the score",
                "ask for kwik fit",
                "tom and jerry cartoon",
                "marks and spencer voucher",
                "can i ask for carplay on this one",
                "can we ask for dashcam fitting",
                "ask for isofix in the back",
                "speak to kia about the recall",
                "请 留 一下 联系 方 式",
                "the salesman habla español pero no sabe nada",
                "call it a day",
                "ring santander tomorrow",
                "总共说了三次",
                "金总价多少",
                "老师你好",
                "我 跟 顾 客 说 可 以 店 长 说 不 行",
                "写 的 是 金 额",
                "合同 上 写 的 是 全 款",
                "应该 是 黄 色 的",
                "抬头 写 公 司",
            })
    void businessesModelsWordsAndCharacterTalkStay(String line) {
        assertThat(redactor.redact(line).text()).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "you can find me at rosa dot li dot studio on tiktok|you can find me at <account> on tiktok",
                "dm me at kofi dot builds|dm me at <account>",
                "微信 号 b 杠 tao 六 六|微信 号 <account>",
                "微信 号 是 mei mei 三 三 八|微信 号 是 <account>",
                "we close at six dot thirty on instagram live|we close at six dot thirty on instagram live",
                "meet me at the dot com bubble|meet me at the dot com bubble",
            })
    void handlesAfterAtWithAPlatformOrMessagingGo(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @Test
    void theShopsOwnHandleStaysAPersonsGoes() {
        assertThat(redactor.redact("follow us on instagram at harbour motors official")
                        .text())
                .isEqualTo("follow us on instagram at harbour motors official");
        assertThat(redactor.redact("我们店的抖音叫“城东汽车”").text()).isEqualTo("我们店的抖音叫“城东汽车”");
        assertThat(redactor.redact("我们 销售 的 微信 是 wxid 下划线 k 九 九").text()).contains("<account>");
    }
}
