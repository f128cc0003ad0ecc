package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The e-mail and handle forms added for the sixth author's cases (phrased anew here): an "at" dropped before a
 * provider, "at gmail" without mail talk, a word of a removed address said again, display names of ordinary words
 * after a platform and a naming word; and the look-alikes that stay.
 */
class SixthAuthorFormsTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the card on file says rmorales gmail com which is wrong|the card on file says <email> which is wrong",
                "the address is tina k forty four hotmail dot com|the address is <email>",
                "for the email just put derek b gmail|for the email just put <email>",
                "yeah it's foxtrot lima at gmail|yeah it's <email>",
                "ok it's nina at fastmail dot fm|ok it's <email>",
                "it's got sandra dot k but it should be sandra dot m at yahoo dot com"
                        + "|it's got <email> dot k but it should be <email>",
                "my username is silver fox forty one|my username is <account>",
                "on instagram i'm at the lazy mechanic|on instagram i'm at <account>",
                "my whatsapp name shows as grumpy panda with a heart|my whatsapp name shows as <account> with a heart",
                "邮箱 是 lin 点 hao 艾特 126 点 com 对 一 二 六|邮箱 是 <email> 对 <email>",
                "微信 号 是 j i a 下划线 w e n|微信 号 是 <account>",
            })
    void emailsAndHandlesGo(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "she works at yahoo these days",
                "i only use gmail on my phone",
                "the provider is gmail and the rest i'll text you",
                "my instagram is private so just call me",
                "my whatsapp is the same as my phone",
                "the signal is weak in the service bay",
                "we're on gmail at work and outlook at home",
                "she is here for the two thirty test drive",
            })
    void lookAlikesStay(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }
}
