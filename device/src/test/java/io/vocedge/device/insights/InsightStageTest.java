package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.pipeline.Transcript;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transcript whose analysis fails (a redactor bug, a pathological line) is dropped and counted, never stored raw,
 * and does not stop the next transcript: the speech stage retries what the sink throws, so a throw would be a poison
 * pill for every later segment.
 */
class InsightStageTest {
    private final InsightEngine engine = new InsightEngine(new Redactor(), Lexicon.loadDefault());
    private final List<UpRecord> stored = new ArrayList<>();

    private static Transcript transcript(String id, String text) {
        return new Transcript(id, 0, 1000, "en", text, List.of(), 0.9, null, null, "test");
    }

    @Test
    void aTranscriptThatCannotBeAnalysedIsDroppedAndTheNextOneStored() {
        InsightStage.Analyzer failingOnce = (text, lang, role) -> {
            if (text.contains("poison")) {
                throw new StackOverflowError();
            }
            return engine.analyze(text, lang, role);
        };
        InsightStage stage = new InsightStage(
                "dev-1",
                engine,
                failingOnce,
                r -> {
                    stored.add(r);
                    return stored.size();
                },
                () -> new RecordTime(Instant.parse("2026-12-05T06:00:00Z"), true, "boot", 0));

        stage.onTranscript(transcript("s1", "poison call me on five five five one two three four"));
        stage.onTranscript(transcript("s2", "call me on five five five one two three four"));

        assertThat(stage.unanalyzable()).isEqualTo(1);
        assertThat(stored).hasSize(1);
        Utterance u = (Utterance) stored.get(0);
        assertThat(u.text()).isEqualTo("call me on <phone>");
        assertThat(stored.toString()).doesNotContain("poison");
    }
}
