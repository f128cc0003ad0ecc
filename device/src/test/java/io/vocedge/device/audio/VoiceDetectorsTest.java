package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VAD candidates behind {@code audio.vad}: built from config, Silero's model loaded from the jar. */
class VoiceDetectorsTest {
    @TempDir
    Path dir;

    static AudioConfig vad(String json) throws Exception {
        return AudioConfig.from(new ObjectMapper().readTree(json));
    }

    @Test
    void everyConfiguredVadIsBuiltAndAnUnknownOneIsRefusedByName() throws Exception {
        for (String v : AudioConfig.VADS) {
            try (VoiceDetector d = VoiceDetectors.create(vad("{\"vad\": \"" + v + "\"}"))) {
                assertThat(d.classify(new float[SpeechSegmenter.FRAME])).isEqualTo(VoiceDetector.SILENCE);
            }
        }
        assertThatThrownBy(() -> vad("{\"vad\": \"webrtc\"}")).hasMessageContaining("audio.vad");
        assertThatThrownBy(() -> vad("{\"vad_threshold\": 1.5}")).hasMessageContaining("audio.vad_threshold");
    }

    @Test
    void sileroHearsSpeechAndNotNoiseAndForgetsAcrossAGap() throws Exception {
        float[] speech =
                AudioFixtures.speech(dir, "I would like to speak to the manager about the delivery date.", 16_000);
        float[] noise = AudioFixtures.whiteNoise(16_000 * 3, 4);
        AudioFixtures.scale(noise, 0.01);
        try (SileroVad s = new SileroVad(SileroVad.MODEL, 0.5, new EnergyVad(6, 3))) {
            float maxNoise = 0;
            for (int i = 0; i + 160 <= noise.length; i += 160) {
                s.push(noise, i, 160);
                maxNoise = Math.max(maxNoise, s.probability());
            }
            float maxSpeech = 0;
            for (int i = 0; i + 160 <= speech.length; i += 160) {
                s.push(speech, i, 160);
                maxSpeech = Math.max(maxSpeech, s.probability());
            }
            assertThat(maxNoise).as("white noise").isLessThan(0.3f);
            assertThat(maxSpeech).as("espeak speech").isGreaterThan(0.8f);
            s.gap();
            assertThat(s.decision()).isEqualTo(VoiceDetector.SILENCE);
            assertThat(s.runs()).isEqualTo((noise.length / 160 * 160 + speech.length / 160 * 160) / SileroVad.WINDOW);
        }
    }

    @Test
    void sileroScoresThroughThePreallocatedRunExactlyAsThroughThePublicApi() throws Exception {
        float[] speech = AudioFixtures.speech(dir, "Can we book a test drive for Saturday morning?", 16_000);
        float[] noise = AudioFixtures.whiteNoise(speech.length, 5);
        AudioFixtures.scale(noise, 0.02);
        for (int i = 0; i < speech.length; i++) {
            speech[i] += noise[i];
        }
        try (SileroVad fast = new SileroVad(SileroVad.MODEL, 0.5, new EnergyVad(6, 3));
                SileroVad plain = new SileroVad(SileroVad.MODEL, 0.5, new EnergyVad(6, 3), false)) {
            assertThat(fast.allocationFree())
                    .as("ONNX Runtime's run entry point found (a new onnxruntime version may have moved it)")
                    .isTrue();
            assertThat(plain.allocationFree()).isFalse();
            float max = 0;
            for (int i = 0; i + 160 <= speech.length; i += 160) {
                float a = fast.push(speech, i, 160);
                float b = plain.push(speech, i, 160);
                assertThat(a).as("window ending at sample %d", i + 160).isEqualTo(b);
                max = Math.max(max, a);
            }
            assertThat(max).isGreaterThan(0.8f);
        }
    }
}
