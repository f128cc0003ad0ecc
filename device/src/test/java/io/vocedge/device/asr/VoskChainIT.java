package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.device.pipeline.SpeechSegment;
import io.vocedge.device.pipeline.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole ASR chain on real speech and a real Vosk model: espeak-ng speech -> pending queue -> Vosk ->
 * roles -> conversation -> sink. Needs a model: {@code VOC_TEST_VOSK_MODEL=/path/to/vosk-model-small-en-us-0.15}
 * (optionally {@code VOC_TEST_VOSK_LANG=zh} with vosk-model-small-cn-0.22). Skipped otherwise.
 */
class VoskChainIT {
    @Test
    void transcribesSynthesisedSpeechThroughTheWholeStage(@TempDir Path tmp) throws Exception {
        String modelEnv = System.getenv("VOC_TEST_VOSK_MODEL");
        Assumptions.assumeTrue(
                modelEnv != null && !modelEnv.isBlank(),
                "VOC_TEST_VOSK_MODEL is not set: no Vosk model on this machine, so the real-model chain test is skipped "
                        + "(see device/docs/asr.md to fetch vosk-model-small-en-us-0.15)");
        String lang = System.getenv().getOrDefault("VOC_TEST_VOSK_LANG", "en");
        Path model = Path.of(modelEnv);
        assertThat(new ModelValidator().validateModel(model))
                .as("model directory problems")
                .isEmpty();

        String text = lang.equals("zh") ? "你好 我想 退款" : "hello I would like a refund for this phone";
        short[] pcm = WavReader.read16kMono(EspeakFixture.speak(tmp, lang, text, "utt"));
        Path yaml = Files.writeString(
                tmp.resolve("d.yaml"),
                "asr:\n  model: " + model + "\n  lang: " + lang + "\n  pending_dir: " + tmp.resolve("pending")
                        + "\n  silence_gap_seconds: 5\n  max_conversation_seconds: 60\n");
        RecordingSink sink = new RecordingSink();
        try (AsrStage stage = AsrStage.create(
                io.vocedge.device.config.DeviceConfig.load(yaml, io.vocedge.device.config.DeviceConfig.Overrides.TOOL)
                        .asr()
                        .orElseThrow(),
                sink)) {
            stage.start();
            long len = pcm.length / 16L;
            stage.onSegment(new SpeechSegment("u1", 1_000, 1_000 + len, pcm, WavReader.levelDbfs(pcm)));
            stage.onSegment(new SpeechSegment("u2", 2_000 + len, 2_000 + 2 * len, pcm, WavReader.levelDbfs(pcm)));
            stage.endConversation(3_000 + 2 * len);
            await().atMost(Duration.ofMinutes(2)).until(() -> sink.ends.size() == 1);
            Transcript t = sink.transcripts.getFirst();
            assertThat(sink.transcripts).hasSize(2);
            assertThat(t.words()).isNotEmpty();
            assertThat(t.words()).allSatisfy(w -> assertThat(w.startMs()).isBetween(1_000L, 1_000L + len));
            assertThat(t.confidence()).isBetween(0.0, 1.0);
            if (lang.equals("en")) {
                assertThat(t.text()).containsAnyOf("refund", "hello", "phone");
            }
            assertThat(sink.ends.getFirst().reason()).isEqualTo("button");
            assertThat(stage.status().realTimeFactor()).isPositive();
            System.out.printf(
                    "vosk chain: text='%s' conf=%.2f rtf=%.3f%n",
                    t.text(), t.confidence(), stage.status().realTimeFactor());
        }
        try (var files = Files.list(tmp.resolve("pending"))) {
            assertThat(files).as("audio deleted once transcribed").isEmpty();
        }
    }
}
