package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoskJsonTest {
    private final VoskJson json = new VoskJson();

    // Shapes as printed by Vosk 0.3.45 (vosk-api/java/demo, test_words.py, test_speaker.py).
    private static final String FINAL = """
            {
              "result" : [{
                  "conf" : 1.000000,
                  "end" : 1.110000,
                  "start" : 0.870000,
                  "word" : "what"
                }, {
                  "conf" : 0.612345,
                  "end" : 1.530000,
                  "start" : 1.110000,
                  "word" : "zero"
                }],
              "text" : "what zero"
            }""";
    private static final String WITH_SPK = """
            {"result":[{"conf":0.9,"end":0.5,"start":0.1,"word":"你好"}],"text":"你好",
             "spk":[-0.9, 0.25, 1.5, 0.0],"spk_frames":148}""";

    @Test
    void parsesFinalResultWithWords() {
        VoskResult r = json.result(FINAL);
        assertThat(r.text()).isEqualTo("what zero");
        assertThat(r.result()).extracting(VoskResult.VoskWord::word).containsExactly("what", "zero");
        assertThat(r.result().get(1).conf()).isCloseTo(0.612345, within(1e-9));
        assertThat(r.result().get(0).start()).isCloseTo(0.87, within(1e-9));
        assertThat(r.spk()).isNull();
    }

    @Test
    void parsesSpeakerVectorAndFrames() {
        VoskResult r = json.result(WITH_SPK);
        assertThat(r.spk()).containsExactly(-0.9f, 0.25f, 1.5f, 0.0f);
        assertThat(r.spkFrames()).isEqualTo(148);
        assertThat(r.text()).isEqualTo("你好");
    }

    @Test
    void emptyResultHasNoWords() {
        VoskResult r = json.result("{\n  \"text\" : \"\"\n}");
        assertThat(r.result()).isEmpty();
        assertThat(r.text()).isEmpty();
    }

    @Test
    void parsesPartial() {
        assertThat(json.partial("{\n  \"partial\" : \"one two\"\n}").partial()).isEqualTo("one two");
        assertThat(json.partial("{\"partial\" : \"\", \"partial_result\": []}").partial())
                .isEmpty();
    }

    @Test
    void malformedJsonFailsWithSize() {
        assertThatThrownBy(() -> json.result("{\"result\": ["))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("12 chars");
    }

    @Test
    void mergeShiftsTimesToCaptureClockAndWeightsConfidenceByDuration() {
        VoskResult a = json.result(FINAL);
        VoskResult b = json.result(WITH_SPK);
        Recognition r = SegmentRecognizer.merge(List.of(a, b), 10_000);
        assertThat(r.text()).isEqualTo("what zero 你好");
        assertThat(r.words().getFirst().startMs()).isEqualTo(10_870);
        assertThat(r.words().getFirst().endMs()).isEqualTo(11_110);
        // durations 240, 420, 400 ms; confidences 1.0, 0.612345, 0.9
        double expected = (1.0 * 240 + 0.612345 * 420 + 0.9 * 400) / 1060;
        assertThat(r.confidence()).isCloseTo(expected, within(1e-9));
        assertThat(r.speakerVector()).hasSize(4);
    }

    @Test
    void segmentRecognizerStreamsAndClosesSession() {
        FakeRecognizerFactory f = new FakeRecognizerFactory(null, false);
        short[] pcm = new short[16_000 * 3 / 2];
        java.util.Arrays.fill(pcm, (short) 16_000);
        java.util.List<String> partials = new java.util.ArrayList<>();
        Recognition r = new SegmentRecognizer(f)
                .recognize(new io.vocedge.device.pipeline.SpeechSegment("s1", 5_000, 6_500, pcm, -6), partials::add);
        assertThat(r.words()).hasSize(3);
        assertThat(r.words())
                .extracting(io.vocedge.device.pipeline.Transcript.Word::startMs)
                .containsExactly(5_000L, 5_500L, 6_000L);
        assertThat(r.text()).isEqualTo("a160 a160 a160");
        assertThat(partials).containsExactly("x", "xx", "xxx");
        assertThat(f.sessionsClosed.get()).isEqualTo(f.sessionsOpened.get()).isEqualTo(1);
    }
}
