package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cue search's shortcut must find exactly what a plain case-insensitive scan finds. */
class RedactionTokensTest {
    private static boolean plain(String s, String lower) {
        for (int i = 0; i + lower.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, lower, 0, lower.length())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void containsIgnoreCaseAgreesWithAPlainScan() {
        List<String> texts = List.of(
                "My PLATE is ABC 1234",
                "reg KJ 4821",
                "\u212Aelvin and \u017Fign",
                "ıd and İd",
                "银行卡 刷 这 张",
                "Card EXP 11/26 (AT) [at]",
                "",
                "p");
        List<String> cues = List.of("plate", "reg", "kelvin", "sign", "id", "卡", "刷", "exp", "(at)", "[at]", "pl");
        for (String t : texts) {
            for (String c : cues) {
                assertThat(RedactionTokens.containsIgnoreCase(t, c))
                        .as(t + " / " + c)
                        .isEqualTo(plain(t, c));
            }
        }
    }

    @Test
    void tokensAreLowerCasedAndFoldedOnlyWhenNeeded() {
        List<RedactionTokens.Token> t = RedactionTokens.of("Ｊｏｈｎ’s abc 五");
        assertThat(t).extracting(RedactionTokens.Token::lower).containsExactly("john's", "abc", "五");
    }
}
