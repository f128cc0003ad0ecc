package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Misses on the seventy-third to seventy-eighth authors' dev parts (device/corpus/pii-author73-NOTES.md ..
 * pii-author78-NOTES.md): data typed in full-width forms or with a non-breaking hyphen (４９２９ …, expires １１／２６;
 * 07823‑615‑904), which the patterns now read as ASCII ({@link WideForms}); a card's expiry in a form field
 * (exp=03-28), after "good till", written half in words ("oh-nine/twenty-eight") or asked with 呢 (到期日呢？); a
 * relative's or colleague's name given with their number: an unlisted name before "on" and a number ("my wife Thandi
 * on ..."), an assistant's, 她叫 after a thing was named (留我妈的号吧，她叫...), 我哥哥 and 行政 before a name; a
 * shop's line named as the store's, the shop's or a service centre's ("Our store line is 0161 ..."); the switchboard of
 * the speaker's employer (我们 单位 总机) and an extension after a removed number (再转605, ext. 214); an expiry after
 * "end of" or with "of" (March of '29) or after 有效期写的是; a payment's approval code, 授权码 and 参考号 kept. Then on
 * the seventy-ninth to eighty-fourth authors' dev misses, read after all of these: an expiry or a security code asked
 * and answered ("Valid to? Customer: 12/26.", 有效期？顾客：呃，05/31), a card dictated as number, expiry and code, a
 * tail before 两笔, a pause ("4... 5") inside a number, initials after "name on the card"; someone's own number
 * after a product was named ("the parts desk. My number is ..."). The
 * cases below the last comment guard what must stay.
 */
class WideFormsAndRelationsTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "Customer: Typed on my phone, so it's full-width: ４９２９ １２３４ ５６７８ ９０１２, expires １１／２６. Service plan is £29 a month.|Customer: Typed on my phone, so it's full-width: <card>, expires <card>. Service plan is £29 a month.",
                "Customer: Text me on mob. 07823‑615‑904 rather than email, I'm in meetings till 4pm.|Customer: Text me on mob. <phone> rather than email, I'm in meetings till 4pm.",
                "Staff: Form dump: card=4929123456789012; cvc=318; exp=03-28; amount=499.00|Staff: Form dump: card=<card>; cvc=<card>; exp=<card>; amount=499.00",
                "店员：客户表单 card=4929123456789012&exp=0727，附加险 ¥4,360。|店员：客户表单 card=<card>&exp=<card>，附加险 ¥4,360。",
                "amex is three seven four two one two three four five six seven eight nine one two good till eleven twenty six and the plan is nineteen ninety nine|amex is <card> good till <card> and the plan is nineteen ninety nine",
                "Customer: It's 4929 1234 5678 9012. Exp. oh-nine/twenty-eight. Staff: And the $3,150 balance?|Customer: It's <card>. Exp. <card>. Staff: And the $3,150 balance?",
                "顾客：卡号我念给你，6222 0212 3456 7890。店员：好，到期日呢？顾客：二八年五月。店员：好的，合计 ¥16,980。|顾客：卡号我念给你，<card>。店员：好，到期日呢？顾客：<card>。店员：好的，合计 ¥16,980。",
                "Customer: 07700 900 123, or my wife Thandi on 07700 900 456. Staff: The bakkie service is R3,450.|Customer: <phone>, or my wife <name> on <phone>. Staff: The bakkie service is R3,450.",
                "Customer: My partner Hemi's on 021 555 0198 if I don't answer. Staff: The WOF is booked for 8:15.|Customer: My partner <name> on <phone> if I don't answer. Staff: The WOF is booked for 8:15.",
                "or try my assistant dana at the office oh two oh seven nine four six one two three four|or try my assistant <name> at the office <phone>",
                "顾客：留我妈的号吧，她叫赵秀兰，电话13812345678。店员：好的，车周三到店。|顾客：留我妈的号吧，她叫<name>，电话<phone>。店员：好的，车周三到店。",
                "顾客：对接人是我们行政孙倩，手机13812345678。|顾客：对接人是我们行政<name>，手机<phone>。",
                "店员：紧急联系人写谁？顾客：我哥哥，吴海涛，电话13812345678。|店员：紧急联系人写谁？顾客：我哥哥，<name>，电话<phone>。",
                // a shop's line named as the store's, the shop's or a service centre's (76's and 77's dev misses)
                "Staff: It will arrive in 2-3 days. Our store line is 0161 830 2277.|Staff: It will arrive in 2-3 days. Our store line is 0161 830 2277.",
                "Staff: Our service centre line is 03-7955 1200, Monday to Saturday.|Staff: Our service centre line is 03-7955 1200, Monday to Saturday.",
                "my shop line is 0161 830 2277|my shop line is <phone>",
                // a customer's employer's switchboard and the extension after a number (73's and 74's dev misses); an
                // expiry after "end of", "March of '29", 有效期写的是 (75's)
                "我们 单位 总机 零 二 八 六 五 五 四 一 九 三 零 转 三 二 六 您 八 点 半 之后 打|我们 单位 总机 <phone> 您 八 点 半 之后 打",
                "顾客：打我们公司总机0571-8702 4419再转605，找我。店员：好，周六上午9:30试驾。|顾客：打我们公司总机<phone>再转<phone>，找我。店员：好，周六上午9:30试驾。",
                "Customer: Work is 0161 496 0732 ext. 214, after 3.|Customer: Work is <phone>, after 3.",
                "Customer: It's the card ending 4417. It expires end of August 2028 and the security code is 318. Staff: See you at 10:30.|Customer: It's the card ending <card>. It expires end of <card> and the security code is <card>. Staff: See you at 10:30.",
                "Staff: And the card expiry? Customer: March of '29. Staff: And the three digits on the back? Customer: 512.|Staff: And the card expiry? Customer: <card>. Staff: And the three digits on the back? Customer: <card>.",
                "顾客：卡上有效期写的是 12/26。店员：好的，费用¥450。|顾客：卡上有效期写的是 <card>。店员：好的，费用¥450。",
                // a payment's own codes stay: approval, 授权码, 参考号 (blind authors keep them, 23 spans to 1)
                "Staff: Card ending 9032 went through, your approval code is 802116. Total £1,318.40.|Staff: Card ending <card> went through, your approval code is 802116. Total £1,318.40.",
                "刷卡 成功 了 授权码 幺 七 七 三 洞 五 凭条 您 收 好 金额 是 两 万 八 千 八|刷卡 成功 了 授权码 幺 七 七 三 洞 五 凭条 您 收 好 金额 是 两 万 八 千 八",
                "店员：交易成功，参考号318822105576，金额¥7,980.00。|店员：交易成功，参考号318822105576，金额¥7,980.00。",
                // read after the rules above (79-84's dev misses): an expiry or a security code asked in a question
                // and given as the answer, with words between and a hesitation before; a card dictated as number,
                // expiry, code; 两 with a measure word after a tail counts; a pause written "..." inside a number; the
                // name on the card with initials; "valid to"
                "Staff: Can you confirm the expiry on the card? Customer: 08/26. Staff: And the security code? Customer: 318.|Staff: Can you confirm the expiry on the card? Customer: <card>. Staff: And the security code? Customer: <card>.",
                "Staff: What is the expiry? Customer: End of... 04/28. Staff: And the three digits on the back? Customer: 318.|Staff: What is the expiry? Customer: End of... <card>. Staff: And the three digits on the back? Customer: <card>.",
                "Staff: Long number? Customer: 4929 1234 5678 9012. Staff: Valid to? Customer: 12/26. Staff: Back of the card? Customer: 318.|Staff: Long number? Customer: <card>. Staff: Valid to? Customer: <card>. Staff: Back of the card? Customer: <card>.",
                "店员：有效期？顾客：呃，05/31。店员：CVV？顾客：318。|店员：有效期？顾客：呃，<card>。店员：CVV？顾客：<card>。",
                "有效期 呢 二 七 年 九 月 背面 三 位 数 三 幺 八 好 的 分 十二 期|有效期 呢 <card> 背面 三 位 数 <card> 好 的 分 十二 期",
                "店员：卡背面？顾客：三幺八。|店员：卡背面？顾客：<card>。",
                "Customer: 4929 1234 5678 9012, 09/26, and the code is 038.|Customer: <card>, <card>, and the code is <card>.",
                "顾客：你们刷了我两次！尾号5518，两笔都是1,299元。|顾客：你们刷了我两次！尾号<card>，两笔都是1,299元。",
                "Customer: It's 0, 7, 8, 3, 4... 5, 1, 2, 9, 6, 0. Staff: And the car?|Customer: It's <phone>. Staff: And the car?",
                "Customer: Name on the card is Mr D. A. Whitfield. Number 4929 1234 5678 9012, valid to 10/27.|Customer: Name on the card is Mr <name>. Number <card>, valid to <card>.",
                "name on the card is a j pemberton number four nine two nine|name on the card is <name> number <card>",
                // someone's own number after a product was named ("the parts. My number is ..."): no part number
                "I was told to ask at the parts desk. My number is 512 555 0138.|I was told to ask at the parts desk. My number is <phone>.",
                // what must stay: a full-width price, time and count; a thing named after a relation word; 她叫 asking;
                // "good till" with no card and no date; 我哥哥 before a verb
                "总价：１２８０００元，首付３０％，６０期。|总价：１２８０００元，首付３０％，６０期。",
                "顾客：好的，谢谢！明天１０：３０到店。|顾客：好的，谢谢！明天１０：３０到店。",
                "my cousin Dubai trip is on the twelfth|my cousin Dubai trip is on the twelfth",
                "这 款 车 叫 汉 他 说 还 不错|这 款 车 叫 汉 他 说 还 不错",
                "她叫 什么 来着 我 忘 了|她叫 什么 来着 我 忘 了",
                "the plan is good till the end of the year|the plan is good till the end of the year",
                "我哥哥 说 这 车 不错|我哥哥 说 这 车 不错",
                "有事打我们总机0571-8702 4419|有事打我们总机0571-8702 4419",
                "the card expires at the end of the month so use the other one|the card expires at the end of the month so use the other one",
                "the offer expires end of march|the offer expires end of march",
                "Customer: my number 07700 900123, extension? no|Customer: my number <phone>, extension? no",
                "Staff: When does the card offer expire? Customer: Friday at 5.|Staff: When does the card offer expire? Customer: Friday at 5.",
                "Staff: Three digits on the back? Customer: 230 pm works for the card pickup.|Staff: Three digits on the back? Customer: 230 pm works for the card pickup.",
                "my card 4929 1234 5678 9012 and the appointment 12/03 10:30|my card <card> and the appointment 12/03 10:30",
                "the name on the card is a bit faded|the name on the card is a bit faded",
                "the offer is valid to the end of june|the offer is valid to the end of june",
                "the part number on the filter is 06L 115 562|the part number on the filter is 06L 115 562",
                "my part number is 5Q0 615 301|my part number is 5Q0 615 301",
            })
    void wideFormsExpiriesAndRelativesNames(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }

    @Test
    void theWideFoldKeepsEveryOffsetAndLeavesChinesePunctuation() {
        String typed = "手机：１３８－１２３４－５６７８，ｅｘｐ＝１１／２６。\u00a0Ｑ＆Ａ";
        String folded = WideForms.fold(typed);
        assertThat(folded).hasSameSizeAs(typed).isEqualTo("手机：138-1234-5678，exp=11/26。 Q＆A");
        String plain = "顾客：好的，谢谢！ plain ascii 123";
        assertThat(WideForms.fold(plain)).isSameAs(plain);
        assertThat(WideForms.fold("07823\u2011615\u2011904")).isEqualTo("07823-615-904");
    }
}
