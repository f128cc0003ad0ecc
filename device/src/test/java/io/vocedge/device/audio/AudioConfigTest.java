package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AudioConfigTest {
    static AudioConfig parse(String json) throws Exception {
        return AudioConfig.from(new ObjectMapper().readTree(json));
    }

    @Test
    void emptyMeansDefaults() throws Exception {
        AudioConfig c = parse("{}");
        assertThat(c.sampleRate()).isEqualTo(16_000);
        assertThat(c.channels()).isEqualTo(1);
        assertThat(c.combineMode()).isEqualTo(AudioConfig.Combine.AUTO);
        assertThat(AudioConfig.from(null)).isEqualTo(AudioConfig.defaults());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse("{\"sample_rte\": 48000}"))
                .hasMessageContaining("audio.sample_rte: unknown key (did you mean 'sample_rate'?)");
    }

    @Test
    void beamformingNeedsOnePositionPerChannel() {
        assertThatThrownBy(() ->
                        parse("{\"channels\": 4, \"combine\": \"beamform\", \"mic_positions_m\": [[0,0],[0.03,0]]}"))
                .hasMessageContaining("mic_positions_m has 2 entries for 4 channels");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> parse(
                        "{\"sample_rate\": 1000, \"channels\": 9, \"combine\": \"loudest\", \"hangover_ms\": 10}"))
                .hasMessageContaining("audio.sample_rate: expected a whole number in 8000..192000, got 1000")
                .hasMessageContaining("audio.channels: expected a whole number in 1..8, got 9")
                .hasMessageContaining(
                        "audio.combine: expected one of auto, best, beamform, average, channel, got \"loudest\"")
                .hasMessageContaining("audio.hangover_ms: expected a whole number in 50..5000, got 10");
    }

    @Test
    void aWrongTypeSaysWhichField() {
        assertThatThrownBy(() -> parse("{\"channels\": \"four\"}"))
                .hasMessageContaining("audio.channels: expected a whole number in 1..8, got \"four\"");
    }
}
