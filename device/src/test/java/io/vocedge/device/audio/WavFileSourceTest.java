package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WAV files of every supported layout (made by sox) decode to the same samples. */
class WavFileSourceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-bit {1}, {2} channels")
    @CsvSource({
        "16,signed-integer,1",
        "24,signed-integer,2",
        "32,signed-integer,8",
        "32,floating-point,4",
        "8,unsigned-integer,1"
    })
    void decodesWhatSoxWrites(int bits, String encoding, int channels) throws Exception {
        Path wav = dir.resolve("t.wav");
        AudioFixtures.run(
                "sox",
                "-n",
                "-r",
                "48000",
                "-c",
                String.valueOf(channels),
                "-b",
                String.valueOf(bits),
                "-e",
                encoding,
                wav.toString(),
                "synth",
                "0.5",
                "sine",
                "440",
                "vol",
                "0.5");
        try (WavFileSource src = WavFileSource.open(wav, false)) {
            assertThat(src.format().channels()).isEqualTo(channels);
            assertThat(src.format().sampleRate()).isEqualTo(48_000);
            float[] buf = new float[480 * channels];
            int frames = 0;
            double sum = 0;
            int n;
            while ((n = src.read(buf, 480)) > 0) {
                for (int i = 0; i < n; i++) {
                    sum += buf[i * channels + channels - 1] * buf[i * channels + channels - 1];
                }
                frames += n;
            }
            assertThat(frames).isEqualTo(24_000);
            double rms = Math.sqrt(sum / frames);
            assertThat(rms)
                    .as("a 0.5 sine has RMS 0.354")
                    .isCloseTo(0.5 / Math.sqrt(2), org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @org.junit.jupiter.api.Test
    void aFileThatIsNotAudioSaysSoAndHowToConvert() throws Exception {
        Path bad = Files.writeString(dir.resolve("notes.wav"), "this is not audio");
        assertThatThrownBy(() -> WavFileSource.open(bad, false))
                .hasMessageContaining("not a WAV file")
                .hasMessageContaining("sox");
        assertThatThrownBy(() -> WavFileSource.open(dir.resolve("missing.wav"), false))
                .hasMessageContaining("does not exist");
    }
}
