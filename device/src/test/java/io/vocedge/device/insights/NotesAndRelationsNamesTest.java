package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notes-and-relations round of 2026-12-06 (device/README.md "2026-12-06 rules"): names in typed notes (a field label
 * before a colon, a heading addressed to someone, a sign-off), a relation's first name that is also a word ("my
 * daughter grace wants"), someone "called" a name, a caller "from" a firm, a colleague "from accounts", "did X ring
 * back", staff "off sick" or "covering", possessives ("Liam's call"), a person joined before a name found, hyphenated
 * given names, Arabic particles; in Chinese the cues 朋友, 签名, 经办人, 负责人, 查勘员, 区域经理, 客户经理, 交给, 本人, a
 * written surname before a two-character title after a character it makes no word with (由钱经理; not 公司经理: see
 * {@link ChineseWords}), a written full name after a department or 的 (财务部罗静说, 销售部的马晓东) and a two-character
 * surname written on after a cue (客户欧阳娜娜). Every line typed for this test, none copied from a case file; the keep
 * lines are the look-alikes each rule was checked against.
 */
class NotesAndRelationsNamesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my daughter grace starts driving lessons soon|my daughter <name> starts driving lessons soon",
                "it's for my son will he passed his test|it's for my son <name> he passed his test",
                "my mum rose might pop in later|my mum <name> might pop in later",
                "my neighbour gary said you were helpful|my neighbour <name> said you were helpful",
                "my mate callum sent me here|my mate <name> sent me here",
                "her cousin Oluwadamilare wants a used Polo|her cousin <name> wants a used Polo",
                "a bloke called frank was asking for you|a bloke called <name> was asking for you",
                "my wife's called june she'll sign|my wife's called <name> she'll sign",
                "hi this is hope from nationwide about the loan|hi this is <name> from nationwide about the loan",
                "it's jack from the fleet team|it's <name> from the fleet team",
                "svetlana from accounts has the invoice|<name> from accounts has the invoice",
                "Emeka Obi from the bodyshop says Thursday|<name> from the bodyshop says Thursday",
                "did tomasz ring back about the towbar|did <name> ring back about the towbar",
                "Rota: Aoife off sick, Declan covering the desk|Rota: <name> off sick, <name> covering the desk",
                "From: Bogdan Kravets. Re: wheel alignment|From: <name>. Re: wheel alignment",
                "Callback: Radhika Iyer about the deposit|Callback: <name> about the deposit",
                "Test drive: Ji-ho Park, 14:30|Test drive: <name>, 14:30",
                "Message for Anneliese: keys in the safe|Message for <name>: keys in the safe",
                "Chat - Advisor Benedikt: your car is ready|Chat - Advisor <name>: your car is ready",
                "Many thanks, Saoirse Byrne|Many thanks, <name>",
                "Kind regards, Ferdinand Osei, Sales Executive|Kind regards, <name>, Sales Executive",
                "Yours sincerely, Magdalena Wrona. PS the V5 is attached|Yours sincerely, <name>. PS the V5 is attached",
                "cheers kwabena see you at nine|cheers <name> see you at nine",
                "ID checked by Ruby.|ID checked by <name>.",
                "my name is yusuf al rashed from the booking|my name is <name> from the booking",
                "the buyers are ravindra and mrs okafor|the buyers are <name> and mrs <name>",
                "Welcome aboard Ha-eun Seo from parts|Welcome aboard <name> from parts",
                "我 朋友 孙 浩然 介绍 的|我 朋友 <name> 介绍 的",
                "客户签名：季鹏飞|客户签名：<name>",
                "经办人：孔令辉|经办人：<name>",
                "我是平安产险的查勘员吴志伟|我是平安产险的查勘员<name>",
                "把合同交给许文杰签字|把合同交给<name>签字",
                "Returning Anneliese's call about the MOT|Returning <name> call about the MOT",
                "Shift notes: Bronisława off sick|Shift notes: <name> off sick",
                "敬爱的欧阳先生您好|敬爱的<name>先生您好",
                "今天下午由钱经理负责交车|今天下午由<name>经理负责交车",
                "后天苏阿姨过来拿钥匙|后天<name>阿姨过来拿钥匙",
                "市场部龚晓梅说活动延期|市场部<name>说活动延期",
                "Signed off by Hazel.|Signed off by <name>.",
                "my stepdaughter poppy wants a mini|my stepdaughter <name> wants a mini",
                "my husband rob and i both drive it|my husband <name> and i both drive it",
                "麻烦找一下客服部的曹丽娟|麻烦找一下客服部的<name>",
                "备注：客户司马俊辉要开专票|备注：客户<name>要开专票",
            })
    void namesAreRedacted(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "my daughter will drive it home",
                "my son may come along on saturday",
                "my wife said grace before dinner",
                "my mum rose early to beat the traffic",
                "my cousin Dubai trip got cancelled",
                "her son Leeds United fan, wants the red one",
                "is that summer it's lovely out",
                "it's grace from god that it started",
                "this is hope from the heart",
                "Transfer from Leeds: arriving Tuesday",
                "Update from Toyota: recall for the Yaris",
                "Message from Santander: payment received",
                "From: Head Office. Subject: recall",
                "To: All Staff",
                "Callback: Tuesday 10am",
                "Test drive: Tucson Hybrid, 11:00",
                "Driver: Mercedes courtesy car",
                "Owner: Hertz",
                "Kind regards, Service Team",
                "Many thanks, The Sales Team",
                "Regards, Honda UK",
                "Thank you, Reception",
                "Cheers, Halfords Autocentre",
                "did santander ring back",
                "did the bank call you back",
                "the kodiaq from our branch is ready",
                "the corolla from the fleet desk",
                "cheers mate see you later",
                "the valet covering for today",
                "我 朋友 说 这 车 不错",
                "朋友圈里看到的",
                "请在这里签名确认",
                "签名 栏 在 下面",
                "负责人 不 在",
                "查勘员 明天 来",
                "客户经理会联系您",
                "交给财务处理",
                "交给 售后 处理 一下",
                "请交给前台",
                "Santander's call centre was closed",
                "Toyota's email about the recall",
                "Workshop covering the overflow",
                "Reception covering phones today",
                "我们公司经理说可以",
                "找一下大堂经理",
                "宿管阿姨开的门",
                "钣金师傅说要两天",
                "安全主任来检查了",
                "门卫阿姨很热心",
                "老师傅说没问题",
                "这是我们的王牌车型",
                "my son said he would come in",
                "my mum said she liked the colour",
                "my son drew a picture of the car",
                "my daughter loves the sunroof",
                "买的是高配说实话挺值",
                "售后部的师傅说要等配件",
                "客户上官网下的单",
                "联系人上官网查一下",
                "客户欧阳路那边的店",
            })
    void lookAlikesAreKept(String input) {
        assertThat(redactor.redact(input).text()).isEqualTo(input);
    }
}
