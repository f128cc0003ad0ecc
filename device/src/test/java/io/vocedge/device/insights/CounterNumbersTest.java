package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers at a shop counter (the twenty-ninth author's dev misses, device/corpus/pii-author29-NOTES.md): a toll-free
 * or local-rate line said aloud is the shop's and stays, even with a customer's mobile in the same line; an area code
 * said apart from its number goes with it; a masked card's visible tail goes; a weekday's abbreviation is no name.
 */
class CounterNumbersTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "call the hotline one eight hundred three six nine four four two two otherwise my mobile oh four one two"
                        + " three four five six seven eight|call the hotline one eight hundred three six nine four four two"
                        + " two otherwise my mobile <phone>",
                "the dealership number is one eight hundred two two seven four nine nine nine but you'll get me faster on"
                        + " oh four one two three four five six seven eight|the dealership number is one eight hundred two"
                        + " two seven four nine nine nine but you'll get me faster on <phone>",
                "call the store on one three hundred nine seven five seven one one we're open till six|call the store on"
                        + " one three hundred nine seven five seven one one we're open till six",
                "reach me on one eight hundred five five five oh one four two my desk|reach me on <phone> my desk",
                "区号 零 七 五 五 座机 八 八 六 六 二 三 四 五|区号 <phone> 座机 <phone>",
                "area code is oh two, then nine eight seven six five four three two|area code is <phone>",
                "Paid by Visa ****4417, balance due at collection: $2,340.|Paid by Visa ****<card>, balance due at"
                        + " collection: $2,340.",
                "Call me on 0412 345 678. Appointment confirmed for Tue 14 May, 11:15.|Call me on <phone>. Appointment"
                        + " confirmed for Tue 14 May, 11:15.",
                "区号 是 多少 来着|区号 是 多少 来着",
            })
    void counterNumbers(String input, String expected) {
        assertThat(redactor.redact(input).text()).isEqualTo(expected);
    }
}
