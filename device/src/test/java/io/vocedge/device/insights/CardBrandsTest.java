package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Card numbers of the shorter schemes: a Diners Club number has 14 digits (4-6-4), an old Visa 13. They were removed,
 * but as phones (7 to 14 digits), so a card's expiry after one stayed ("Diners Club 3852 0000 023237, exp 11/28"). Now a
 * Luhn-valid 13 or 14 digits starting 3 or 4 in a line about a card or an expiry is the card; without card talk it is a phone still.
 * A "code" said right after a card or its expiry is the card's security code. Public test numbers only.
 */
class CardBrandsTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the diners card 3056 930902 5904|the diners card <card>",
                "Diners Club 3852 0000 023237, exp 11/28|Diners Club <card>, exp <card>",
                "card number 4222 2222 22222 and the total is 89.50|card number <card> and the total is 89.50",
                "顾客：大来卡可以吗？3056 930902 5904。|顾客：大来卡可以吗？<card>。",
                "the long number is 4222 2222 22222 expiry 09/27|the long number is <card> expiry <card>",
                "Customer: 3056 930902 5904. Staff: and the expiry?|Customer: <card>. Staff: and the expiry?",
                // no card talk: a 14-digit number is someone's phone, removed as one
                "call me on 3056 930902 5904 after five|call me on <phone> after five",
                // card talk, but not Luhn-valid: a phone
                "the card is at home, ring 3056 930902 5905|the card is at home, ring <phone>",
            })
    void shortCardNumbersAreCards(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }

    /** "code" alone right after a removed card or its expiry is the card's security code; anywhere else it stays. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ok card is 4111 1111 1111 1111 and the code is 738|ok card is <card> and the code is <card>",
                "visa 4111 1111 1111 1111, 09/27, and the code is 738|visa <card>, <card>, and the code is <card>",
                "card 5555 5555 5555 4444 code: 4821, thanks|card <card> code: <card>, thanks",
                // another code after a card, or a code with no card before it
                "card 4111 1111 1111 1111. The door code is 4521 for the side entrance|card <card>. The door code is 4521 for the side entrance",
                "paid with card 4111 1111 1111 1111 and the promo code is 2024|paid with card <card> and the promo code is 2024",
                "the code is 738 on the voucher|the code is 738 on the voucher",
            })
    void aCodeRightAfterACardIsItsSecurityCode(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
