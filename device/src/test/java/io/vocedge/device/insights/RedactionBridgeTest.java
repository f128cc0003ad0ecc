package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mechanisms added for the third author's cases (issue 15): parts of one number joined across fillers nobody
 * listed when the digits together pass a check of their own (Luhn, the Chinese ID check character, a Chinese mobile
 * prefix, a country code or trunk prefix, digits said one by one in a line about a phone), a start said again, card
 * tails after "ending in"/尾号, "point" for dot and provider-only addresses in e-mails, written NI numbers, product
 * lines that look like plates.
 */
class RedactionBridgeTest {
    private final Redactor redactor = new Redactor();

    @Test
    void luhnAndChineseIdChecks() {
        assertThat(SpokenNumbers.luhn("4111111111111111")).isTrue();
        assertThat(SpokenNumbers.luhn("4539148803436467")).isTrue();
        assertThat(SpokenNumbers.luhn("4539148803436468")).isFalse();
        assertThat(SpokenNumbers.luhn("6222021034567890122")).isTrue();
        assertThat(SpokenNumbers.chineseIdCheck("11010519491231002X")).isTrue();
        assertThat(SpokenNumbers.chineseIdCheck("11010519491231002x")).isTrue();
        assertThat(SpokenNumbers.chineseIdCheck("110105194912310021")).isFalse();
        assertThat(SpokenNumbers.chineseIdCheck("11010519491231002")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a filler phrase no list holds, between two halves that only together pass the Luhn check
                "visa 4539 1488 hold on my glasses 0343 6467|visa <card>",
                "card four five three nine one four eight eight er where's my wallet oh three four three six four six seven|card <card>",
                // a country code completed after a filler
                "call me +86 幺 三 八 让 我 找 找 三 四 九 六 零 三 七 六|call me <phone>",
                "加八六 幺七七 我翻一下 二九七九 九洞零二|<phone>",
                // a Chinese mobile prefix said, then the rest after an unlisted filler
                "手机 幺三九 你 记 下 三八六九 三七九两|手机 <phone>",
                // a trunk prefix, then the rest
                "the first part is 0161 and after that 496 0123|the first part is <phone>",
                // two short parts said digit by digit in a line about a phone
                "my number is five five five, that's, oh one four seven|my number is <phone>",
                // an 18-digit ID said in two parts, the check character right
                "证件 幺幺洞幺洞五 幺九四九 我 拿 一下 幺两三幺 洞洞两 叉|证件 <id>",
                // card tails
                "the card ending in 4821 was declined|the card ending in <card> was declined",
                "last four digits are four eight two one|last four digits are <card>",
                "尾号 4821 的 卡|尾号 <card> 的 卡",
                // e-mails: point for dot, provider without dot com in a line about mail
                "send it to felixwexford at example point net please|send it to <email> please",
                "my email is john smith at gmail|my email is <email>",
                // written NI number; "a" before a spelled plate is no letter of it
                "my NI is QQ 12 34 56 C thanks|my NI is <id> thanks",
                "it's a kilo eight mike, sorry, k eight m x y z|it's a <plate>",
                // written hyphenated tens, "hundred and", 艾克斯 for X, a security code, "under score",
                // a lower-case plate after a cue, an NI number spelled after "insurance"
                "card number forty five thirty-nine fourteen eighty-eight oh three forty-three sixty-four sixty-seven|card number <card>",
                "my number is oh seven seven hundred, nine hundred and twelve, three four five|my number is <phone>",
                "身份证 号 是 幺幺洞幺洞五 幺九四九 幺两三幺 洞洞两 艾克斯|身份证 号 是 <id>",
                "cvv is three two one|cvv is <card>",
                "card 4532 0151 1283 0366 expiry 09 27|card <card> expiry <card>",
                "card 4532 0151 1283 0366 expiry zero four slash twenty seven|card <card> expiry <card>",
                "座机 (021) 6234 5678 白天 打|座机 <phone> 白天 打",
                // sixteen digits in fours in a card line whose check digit fails (misheard): still one card
                "card four five three two one one two two and three three four four five five six six thanks"
                        + "|card <card> thanks",
                "my driving licence is morga seven five three one one six s m nine i j|my driving licence is <id>",
                "我 的 号 是 一 五 九 的 二 三 四 五 的 六 七 八 九|我 的 号 是 <phone>",
                "license plate seven abc one two three on the silver one|license plate <plate> on the silver one",
                // a number said after a phone is a price or a store when a unit or 的 says so
                "it's oh seven seven oh oh nine oh oh one two three and the service is one two three pounds"
                        + "|it's <phone> and the service is one two three pounds",
                "手机 号 一 五 零 零 零 零 零 零 零 零 零 的 一 五 零 号 门店|手机 号 <phone> 的 一 五 零 号 门店",
                "card four nine one seven four eight four eight four eight four eight four eight four eight valid till oh two"
                        + " twenty nine|card <card> valid till <card>",
                "jane under score doe at example dot com|<email>",
                "the registration is ab12 cde thanks|the registration is <plate> thanks",
                "my national insurance number is q q one two three four five six c|my national insurance number is <id>",
            })
    void partsOfOneNumberAreJoined(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // prices near a phone or card word: not said digit by digit, no check passes
                "text me the price 1299 or 1399",
                "the phone was 1299 and now 1499",
                "call me back in 10 minutes the fee is 250 and 300 for parts",
                "the card fee is 250 and cashback 3000 on 12000 spend",
                "手机 1399 买 的 现在 卖 899",
                // a time before a phone number stays
                "call at ten thirty",
                // product lines written like a plate
                "do you have the RTX 4090 in stock",
                "the GTX 1080 is old now",
                // at a provider without a line about mail
                "she works at yahoo now",
                "it was ending in disaster for 2000",
                "my lease is ending in 2026",
                "the house costs 1200000",
                "four hundred and fifty quid",
                "three hundred and twenty people came",
                "the expiry is oh four twenty seven",
                "the lease expiry is 09 27 months",
                "the card fee is four five and five five six six",
                "my licence is in the car",
                "二 零 二 四 年 的 三 月 二 十 号 交 了 五 千 的 定金",
                "the card is valid until march",
            })
    void pricesTimesAndProductsStay(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    @Test
    void aTimeBeforeAPhoneNumberIsNotJoinedToIt() {
        assertThat(redactor.redact("call at ten thirty my number is 555 0147").text())
                .isEqualTo("call at ten thirty my number is <phone>");
    }
}
