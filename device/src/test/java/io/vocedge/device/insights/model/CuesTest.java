package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.insights.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cue patterns skip a text that holds none of their literals ({@link Cues.Cue#any()}), and some test a match's first
 * character before their alternatives; neither may ever hide a match. Checked on every line of the training corpus and the dev set (redacted as on the device, and raw), and on
 * lines written to hit each cue at the edges of its literals.
 */
class CuesTest {
    @Test
    void theLiteralPrefilterAndFirstCharacterGuardsNeverHideAMatch() throws Exception {
        List<String[]> lines = new ArrayList<>();
        for (Example e : LabelledCorpus.read(Path.of("corpus/train")).examples()) {
            lines.add(new String[] {e.lang(), e.text()});
        }
        for (String l : Files.readAllLines(Path.of("src/test/resources/insights/devset.tsv"))) {
            String[] f = l.split("\t");
            if (!f[0].equals("id")) {
                lines.add(new String[] {f[1], f[f.length - 1]});
            }
        }
        String[][] edges = {
            {"en", "they called off the sale"},
            {"en", "since lunch nobody came"},
            {"en", "an hour and nothing"},
            {"en", "not here yet"},
            {"en", "third time this week"},
            {"en", "the tag said 19.99"},
            {"en", "same noise is back"},
            {"en", "no one followed up"},
            {"en", "nobody knew"},
            {"en", "not what i ordered"},
            {"en", "sent three friends your way"},
            {"en", "may i see it"},
            {"en", "can not complain"},
            {"en", "how come it costs more"},
            {"en", "oh great, another hour"},
            {"en", "get me the gm"},
            {"en", "i will file a report"},
            {"en", "i am suing"},
            {"en", "one star from me"},
            {"en", "the other guys have it"},
            {"en", "we're done here"},
            {"en", "i'll go to carvana"},
            {"zh", "等到现在"},
            {"zh", "从早上到现在"},
            {"zh", "第三次了"},
            {"zh", "说好的呢"},
            {"zh", "比标价贵"},
            {"zh", "修了两次还是响"},
            {"zh", "也没人通知我"},
            {"zh", "一问三不知"},
            {"zh", "不是我要的"},
            {"zh", "省了不少心"},
            {"zh", "劳驾让一下"},
            {"zh", "一点毛病都没有"},
            {"zh", "有没有搞错"},
            {"zh", "呵呵"},
            {"zh", "管事的出来"},
            {"zh", "要个说法"},
            {"zh", "打12315"},
            {"zh", "发小红书"},
            {"zh", "对面那家"},
            {"zh", "拉黑了"},
            {"zh", "去宜家"},
        };
        for (String[] e : edges) {
            lines.add(e);
        }
        Redactor redactor = new Redactor();
        int withCues = 0;
        for (String[] l : lines) {
            for (String text : new String[] {l[1], redactor.redact(l[1]).text()}) {
                NormalizedText t = NormalizedText.of(text, l[0]);
                List<Cues.Match> all = Cues.find(t, false);
                assertThat(Cues.find(t, true)).as(l[0] + ": " + text).isEqualTo(all);
                withCues += all.isEmpty() ? 0 : 1;
            }
        }
        assertThat(lines).hasSizeGreaterThan(5000);
        assertThat(withCues).isGreaterThan(lines.size() / 2);
    }
}
