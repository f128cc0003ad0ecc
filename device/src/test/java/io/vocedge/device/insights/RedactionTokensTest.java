package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cue search's shortcuts must find exactly what a plain case-insensitive scan finds. */
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

    /**
     * Every UTF-16 unit (surrogates included) against every character a lower-case ASCII cue can hold: the folded
     * string holds the cue exactly where the case-insensitive scan finds it; then whole lines.
     */
    @Test
    void aCueInTheCaseFoldedLineIsWhereTheCaseInsensitiveScanFindsIt() {
        String cueChars = "abcdefghijklmnopqrstuvwxyz0123456789 .,:;()[]#@/-'";
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            String folded = RedactionTokens.caseFolded(one);
            assertThat(folded).hasSize(1);
            for (int k = 0; k < cueChars.length(); k++) {
                String cue = cueChars.substring(k, k + 1);
                if (folded.equals(cue) != plain(one, cue)) {
                    throw new AssertionError("U+" + Integer.toHexString(c) + " / " + cue);
                }
            }
        }
        List<String> lines = List.of(
                "My PLATE is ABC 1234",
                "\u212Aelvin and \u017Fign",
                "ıd and İd",
                "Card EXP 11/26 (AT) [at]",
                "DOB",
                "😀Reg");
        for (String line : lines) {
            for (String cue : List.of("plate", "kelvin", "sign", "id", "exp", "(at)", "[at]", "dob", "reg", "d o b")) {
                assertThat(RedactionTokens.caseFolded(line).contains(cue))
                        .as(line + " / " + cue)
                        .isEqualTo(plain(line, cue));
            }
        }
        String lower = "no capitals here, 没有";
        assertThat(RedactionTokens.caseFolded(lower)).isSameAs(lower);
    }

    @Test
    void tokensAreLowerCasedAndFoldedOnlyWhenNeeded() {
        List<RedactionTokens.Token> t = RedactionTokens.of("Ｊｏｈｎ’s abc 五");
        assertThat(t).extracting(RedactionTokens.Token::lower).containsExactly("john's", "abc", "五");
    }
}
