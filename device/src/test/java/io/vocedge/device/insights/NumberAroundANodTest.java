package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A phone given in two turns with the other speaker's nod between: the first group stayed when a full stop closed it
 * ("It's 212. Staff: Yes? Customer: 555 0147.") or when the whole was a seven-digit local number ("555... Staff: Go on.
 * Customer: 0147."). Both go once a phone was asked for or named; a group before a nod with no phone talk stays.
 */
class NumberAroundANodTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Staff: What's the best number to reach you? Customer: It's 212. Staff: Yes? Customer: 555 0147.|Staff: What's the best number to reach you? Customer: It's <phone>. Staff: Yes? Customer: <phone>.",
                "Staff: And your phone? Customer: 555... Staff: Go on. Customer: 0147.|Staff: And your phone? Customer: <phone>... Staff: Go on. Customer: <phone>.",
                "店员：您电话多少？顾客：138。店员：嗯。顾客：1234 5678。|店员：您电话多少？顾客：<phone>。店员：嗯。顾客：<phone>。",
                // no phone asked for or named before the group: a room, a count, a price stay
                "Staff: Which room? Customer: It's 212. Staff: OK. Customer: 555 0147 is my cell.|Staff: Which room? Customer: It's 212. Staff: OK. Customer: <phone> is my cell.",
                "Staff: How many miles? Customer: 450. Staff: OK. Customer: and my number is 555 0147|Staff: How many miles? Customer: 450. Staff: OK. Customer: and my number is <phone>",
                // seven digits in pieces with no phone talk: kept, as before
                "Staff: Order? Customer: 555... Staff: Go on. Customer: 0147.|Staff: Order? Customer: 555... Staff: Go on. Customer: 0147.",
            })
    void theGroupBeforeTheNodGoesWithTheRest(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
