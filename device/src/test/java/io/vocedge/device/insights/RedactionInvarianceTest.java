package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Metamorphic checks on the development cases: how a line is framed must not change what is redacted. For every dev
 * case the redactor gets entirely right, the same case with a filler before it, a closing phrase after it, or (English)
 * written as a sentence (capital letter, full stop) must be entirely right too. Chinese written without spaces is
 * harder (a name's end is not marked) and is held to a floor at the figure it reached when the written-name rule
 * landed; the figure is printed.
 *
 * <p>Found this way and fixed (2026-12-05): "嗯 那个" before a line hid every Chinese name after it (那个 read as
 * "that thing": 这 款 车 叫 汉); "... at gmail." with a full stop lost the address.
 */
class RedactionInvarianceTest {
    /** Every development case file (the held-out ones are never read line by line). */
    static final List<String> DEV_FILES = List.of(
            "/insights/pii-dev.tsv",
            "/insights/pii-hard-dev.tsv",
            "/insights/pii-author3-dev.tsv",
            "/insights/pii-author4-dev.tsv",
            "/insights/pii-author5-dev.tsv",
            "/insights/pii-author6-dev.tsv",
            "/insights/pii-author7-dev.tsv",
            "/insights/pii-author8-dev.tsv",
            "/insights/pii-author9-dev.tsv",
            "/insights/pii-author10-dev.tsv",
            "/insights/pii-author11-dev.tsv",
            "/insights/pii-author12-dev.tsv",
            "/insights/pii-author13-dev.tsv",
            "/insights/pii-author14-dev.tsv",
            "/insights/pii-author15-dev.tsv",
            "/insights/pii-author16-dev.tsv",
            "/insights/pii-author17-dev.tsv",
            "/insights/pii-author18-dev.tsv",
            "/insights/pii-author19-dev.tsv",
            "/insights/pii-author20-dev.tsv",
            "/insights/pii-author21-dev.tsv",
            "/insights/pii-author22-dev.tsv",
            "/insights/pii-author23-dev.tsv",
            "/insights/pii-author24-dev.tsv",
            "/insights/pii-author25-dev.tsv",
            "/insights/pii-author26-dev.tsv",
            "/insights/pii-author27-dev.tsv",
            "/insights/pii-author28-dev.tsv",
            "/insights/pii-lookalikes-dev.tsv");

    /**
     * Written Chinese: right on at least this share of the cases right in their spaced form (0.955 when set, 0.961 after
     * the written-subject rule; 0.968 on the files before the tenth and eleventh authors', 0.969 after the fifth
     * session's names round; 0.944 (1,067/1,130) with those two authors' dev cases added, whose names written without
     * spaces are harder; 0.939 (1,117/1,189) with the twelfth author's too, still 0.939 or more on those files after the
     * 2026-12-06 notes-and-relations round; 0.937 with the thirteenth author's dev cases added).
     */
    private static final double WRITTEN_CHINESE_FLOOR = 0.937;

    private static final Pattern HAN_SPACE = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

    private final Redactor redactor = new Redactor();

    @Test
    void aFillerBeforeOrAClosingPhraseAfterChangesNothing() throws Exception {
        List<String> broken = new ArrayList<>();
        for (RedactionScore.Case c : rightCases()) {
            boolean zh = c.lang().equals("zh");
            check(c, "before", t -> (zh ? "嗯 那个 " : "um so yeah ") + t, UnaryOperator.identity(), broken);
            check(c, "after", t -> t + (zh ? " 好 的 谢谢" : " okay thanks"), UnaryOperator.identity(), broken);
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void englishWrittenAsASentenceChangesNothing() throws Exception {
        List<String> broken = new ArrayList<>();
        for (RedactionScore.Case c : rightCases()) {
            if (c.lang().equals("en") && !c.text().isEmpty()) {
                check(c, "sentence", RedactionInvarianceTest::asSentence, RedactionInvarianceTest::capitalised, broken);
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void chineseWrittenWithoutSpacesStaysAboveItsFloor() throws Exception {
        int tried = 0;
        List<String> broken = new ArrayList<>();
        for (RedactionScore.Case c : rightCases()) {
            if (c.lang().equals("zh") && HAN_SPACE.matcher(c.text()).find()) {
                tried++;
                UnaryOperator<String> written = t -> HAN_SPACE.matcher(t).replaceAll("");
                check(c, "written", written, written, broken);
            }
        }
        double rate = 1 - (double) broken.size() / tried;
        System.out.printf(Locale.ROOT, "written Chinese: %d of %d right (%.3f)%n", tried - broken.size(), tried, rate);
        assertThat(tried).isGreaterThan(500);
        assertThat(rate).as(String.join("\n", broken)).isGreaterThanOrEqualTo(WRITTEN_CHINESE_FLOOR);
    }

    /**
     * The case with its text transformed by {@code text} and each span by {@code span} (or left as it was when that
     * form is the one in the new text); left out when a span is in neither form.
     */
    private void check(
            RedactionScore.Case c,
            String how,
            UnaryOperator<String> text,
            UnaryOperator<String> span,
            List<String> broken) {
        String t = text.apply(c.text());
        List<String> remove = c.remove().stream().map(s -> spanIn(s, t, span)).toList();
        List<String> keep = c.keep().stream().map(s -> spanIn(s, t, span)).toList();
        if (remove.contains(null) || keep.contains(null)) {
            return;
        }
        RedactionScore.Case v = new RedactionScore.Case(c.id() + "-" + how, c.lang(), c.kind(), t, remove, keep);
        if (!allRight(v)) {
            broken.add(v.id() + " -> " + redactor.redact(t).text());
        }
    }

    private static String spanIn(String s, String text, UnaryOperator<String> span) {
        String changed = span.apply(s);
        return text.contains(changed) ? changed : text.contains(s) ? s : null;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String asSentence(String t) {
        String s = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }

    private List<RedactionScore.Case> rightCases() throws Exception {
        List<RedactionScore.Case> out = new ArrayList<>();
        for (String file : DEV_FILES) {
            for (RedactionScore.Case c : RedactionScore.read(resource(file))) {
                if (allRight(c)) {
                    out.add(c);
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(2000);
        return out;
    }

    private boolean allRight(RedactionScore.Case c) {
        RedactionScore.Figures f = RedactionScore.score(redactor, List.of(c));
        return f.casesAllRight() == 1;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RedactionInvarianceTest.class.getResource(name).toURI());
    }
}
