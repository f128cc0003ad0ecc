package io.vocedge.device.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.device.asr.EspeakFixture;
import io.vocedge.device.asr.RecognizerFactory;
import io.vocedge.device.asr.RecognizerSession;
import io.vocedge.device.asr.StaffEnroller;
import io.vocedge.device.asr.WavReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffEnrollerTest {
    /** Speaker-model double: the "x-vector" is a 4-band energy profile of the audio it heard, a real function of the voice. */
    static class EnergyProfileEngine implements RecognizerFactory {
        @Override
        public RecognizerSession open(float sampleRate) {
            return new RecognizerSession() {
                final double[] bands = new double[4];
                short prev;
                long n;

                @Override
                public boolean accept(short[] s, int len) {
                    for (int i = 0; i < len; i++) {
                        int d = Math.abs(s[i] - prev);
                        bands[Math.min(3, d / 512)] += 1;
                        prev = s[i];
                        n++;
                    }
                    return false;
                }

                @Override
                public String partialJson() {
                    return "{\"partial\":\"\"}";
                }

                @Override
                public String resultJson() {
                    return "{\"text\":\"\"}";
                }

                @Override
                public String finalJson() {
                    return String.format(
                            java.util.Locale.ROOT,
                            "{\"result\":[{\"conf\":1,\"start\":0,\"end\":%.2f,\"word\":\"x\"}],\"text\":\"x\",\"spk\":[%f,%f,%f,%f],\"spk_frames\":%d}",
                            n / 16000.0,
                            bands[0] / n,
                            bands[1] / n,
                            bands[2] / n,
                            bands[3] / n,
                            n / 160);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public RecognizerSession openGrammar(float sampleRate, List<String> phrases) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean supportsGrammar() {
            return false;
        }

        @Override
        public boolean hasSpeakerModel() {
            return true;
        }

        @Override
        public void close() {}
    }

    @Test
    void enrolsFromARealEspeakRecordingAndRecognisesTheSameVoice(@TempDir Path tmp) throws Exception {
        Path staffWav =
                EspeakFixture.speak(tmp, "en", "good morning, welcome to the store, how can I help you today", "staff");
        StaffEnrolment e =
                new StaffEnroller(new EnergyProfileEngine()).enrol(WavReader.read16kMono(staffWav), "double");
        assertThat(e.vector()).hasSize(4);
        Path again = EspeakFixture.speak(tmp, "en", "we have a discount on this model until sunday", "again");
        float[] sameVoice = new StaffEnroller(new EnergyProfileEngine())
                .enrol(WavReader.read16kMono(again), "double")
                .vector();
        assertThat(SpeakerVectors.cosine(e.vector(), sameVoice)).isGreaterThan(0.9);
    }

    @Test
    void refusesWithoutSpeakerModel() {
        RecognizerFactory noSpk = new EnergyProfileEngine() {
            @Override
            public boolean hasSpeakerModel() {
                return false;
            }
        };
        assertThatThrownBy(() -> new StaffEnroller(noSpk).enrol(new short[16000], "x"))
                .hasMessageContaining("asr.speaker_model");
    }
}
