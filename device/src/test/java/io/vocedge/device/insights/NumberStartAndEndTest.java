package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A phone or card number given by its start and its end: the start after "starts with" used to stay ("my cell starts
 * with 555 and ends with 0147" kept 555; "... and the rest is 0147" kept both). Both parts go after a phone or card
 * word; without one, or without an end, nothing does.
 */
class NumberStartAndEndTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my cell starts with 555 and ends with 0147|my cell starts with <phone> and ends with <phone>",
                "my number starts with 555 and the rest is 0147|my number starts with <phone> and the rest is <phone>",
                "the card starts with 4111 and ends with 1111|the card starts with <card> and ends with <card>",
                // said digit by digit, the parts and the words between were already one number
                "my number starts with five five five and ends in oh one four seven|my number starts with <phone>",
                // no phone or card word, no end, a single digit: kept
                "the price starts with 29 and ends with 99|the price starts with 29 and ends with 99",
                "my number starts with 07, I think|my number starts with 07, I think",
                "the sale starts with 20 percent off and ends with 50 percent off|the sale starts with 20 percent off and ends with 50 percent off",
            })
    void bothPartsGo(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
