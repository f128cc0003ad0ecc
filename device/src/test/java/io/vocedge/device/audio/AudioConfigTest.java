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
        assertThatThrownBy(() -> parse("{\"sample_rte\": 48000}")).hasMessageContaining("audio.sample_rte")
                .hasMessageContaining("sample_rate");
    }

    @Test
    void beamformingNeedsOnePositionPerChannel() {
        assertThatThrownBy(() -> parse("{\"channels\": 4, \"combine\": \"beamform\", \"mic_positions_m\": [[0,0],[0.03,0]]}"))
                .hasMessageContaining("mic_positions_m has 2 entries for 4 channels");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> parse("{\"sample_rate\": 1000, \"channels\": 9, \"combine\": \"loudest\", \"hangover_ms\": 10}"))
                .hasMessageContaining("audio.sample_rate 1000").hasMessageContaining("audio.channels 9")
                .hasMessageContaining("audio.combine 'loudest'").hasMessageContaining("audio.hangover_ms 10");
    }

    @Test
    void aWrongTypeSaysWhichField() {
        assertThatThrownBy(() -> parse("{\"channels\": \"four\"}")).hasMessageContaining("audio section");
    }
}
