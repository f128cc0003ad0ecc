package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass scan answers exactly what {@code String.contains} over every literal of every group would. */
class LiteralScanTest {
    private static final String ALPHABET = "abc ab#等了又坏没";

    @Test
    void agreesWithContainsOnRandomLiteralsAndTexts() {
        Random random = new Random(20261204);
        for (int round = 0; round < 300; round++) {
            List<String[]> groups = new ArrayList<>();
            int groupCount = 1 + random.nextInt(64);
            for (int g = 0; g < groupCount; g++) {
                String[] literals = new String[1 + random.nextInt(4)];
                for (int i = 0; i < literals.length; i++) {
                    literals[i] = randomText(random, 1 + random.nextInt(5));
                }
                groups.add(literals);
            }
            LiteralScan scan = new LiteralScan(groups);
            for (int t = 0; t < 50; t++) {
                String text = randomText(random, random.nextInt(40));
                assertThat(scan.groupsIn(text)).as(text).isEqualTo(byContains(groups, text));
            }
        }
    }

    @Test
    void findsOverlappingAndNestedLiterals() {
        LiteralScan scan = new LiteralScan(List.of(
                new String[] {"she"}, new String[] {"he"}, new String[] {"hers"}, new String[] {"等了"}, new String[] {
                    "了又"
                }));
        assertThat(scan.groupsIn("ushers")).isEqualTo(0b111L);
        assertThat(scan.groupsIn("he")).isEqualTo(0b10L);
        assertThat(scan.groupsIn("等了又")).isEqualTo(0b11000L);
        assertThat(scan.groupsIn("")).isZero();
        assertThat(scan.groupsIn("xyz 等")).isZero();
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThatThrownBy(() -> new LiteralScan(Collections.nCopies(65, new String[] {"a"})))
                .hasMessageContaining("at most 64 groups");
        List<String[]> empty = List.<String[]>of(new String[] {""});
        assertThatThrownBy(() -> new LiteralScan(empty)).hasMessageContaining("empty literal");
    }

    private static long byContains(List<String[]> groups, String text) {
        long mask = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (String l : groups.get(g)) {
                if (text.contains(l)) {
                    mask |= 1L << g;
                }
            }
        }
        return mask;
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
