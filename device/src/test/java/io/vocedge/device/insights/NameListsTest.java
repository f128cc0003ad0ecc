package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The vendored name lists load from the jar and join the typed ones; words and months never count as names alone. */
class NameListsTest {
    private final Redactor redactor = new Redactor();

    @Test
    void vendoredNamesJoinTheTypedLists() {
        assertThat(NameLists.FIRST).contains("dana", "bethany", "aaron").hasSizeGreaterThan(3000);
        assertThat(NameLists.SURNAMES).contains("abernathy", "clarke", "okafor").hasSizeGreaterThan(1000);
        // the generator left out names that are lower-case English words
        assertThat(NameLists.vendored("first-names-en.txt")).doesNotContain("amber", "bill", "chase", "the", "and");
    }

    @Test
    void aMissingListIsALoudFailureNotAnEmptySet() {
        assertThatThrownBy(() -> NameLists.vendored("no-such-list.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-list.txt");
    }

    @Test
    void namesFromTheVendoredListsAreRemovedAfterACue() {
        assertThat(redactor.redact("my colleague dana knows them inside out").text())
                .isEqualTo("my colleague <name> knows them inside out");
        assertThat(redactor.redact("i'm looking for someone called mel she helped me")
                        .text())
                .isEqualTo("i'm looking for someone called <name> she helped me");
    }

    @Test
    void monthsAssistantsAndPlacesStay() {
        for (String keep : new String[] {
            "sent my laptop for repair in july it's september",
            "she said it works with alexa it doesn't",
            "the service desk is next to ted baker on the second floor",
            "welcome to harvey's let me know if you need a hand",
        }) {
            assertThat(redactor.redact(keep).text()).as(keep).isEqualTo(keep);
        }
    }
}
