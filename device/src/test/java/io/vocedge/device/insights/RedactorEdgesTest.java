package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every prefix and every suffix of every development case, cut at each character, redacts without an exception: a
 * rule that looks one token back or ahead must not fall off either end of a line. A cue at the very start ("是王经理吗")
 * once threw here; one bad line must never stop the insight stage.
 */
class RedactorEdgesTest {
    private final Redactor redactor = new Redactor();

    @Test
    void everyPrefixAndSuffixOfEveryDevCaseRedacts() throws IOException {
        List<String> lines = new ArrayList<>(List.of("是王经理吗", "是", "阿", "小王", "at", "its", "dr", "不是周佳宁", "总"));
        for (String file : RedactionInvarianceTest.DEV_FILES) {
            try (InputStream in = getClass().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                String[] rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int k = 1; k < rows.length; k++) {
                    String[] cols = rows[k].split("\t");
                    if (cols.length > 3) {
                        lines.add(cols[3]);
                    }
                }
            }
        }
        int pieces = 0;
        for (String line : lines) {
            for (int cut = 0; cut <= line.length(); cut++) {
                assertThat(redactor.redact(line.substring(cut)).text()).isNotNull();
                assertThat(redactor.redact(line.substring(0, cut)).text()).isNotNull();
                pieces += 2;
            }
        }
        assertThat(pieces).isGreaterThan(100_000);
    }
}
