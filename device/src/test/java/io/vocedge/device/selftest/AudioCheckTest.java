package io.vocedge.device.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioCheckTest {
    private static final int RATE = 16_000;

    private static short[] sine(double amplitude) {
        short[] s = new short[RATE];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.max(
                    -32768,
                    Math.min(
                            32767,
                            Math.round(amplitude * Math.sin(2 * Math.PI * 440 * i / RATE)))); // an overdriven ADC clips
        }
        return s;
    }

    private static short[] noise(int amplitude) {
        Random r = new Random(7);
        short[] s = new short[RATE];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (r.nextInt(2 * amplitude + 1) - amplitude);
        }
        return s;
    }

    private static short[] constant(int v) {
        short[] s = new short[RATE];
        java.util.Arrays.fill(s, (short) v);
        return s;
    }

    private static List<CheckResult> run(short[]... channels) {
        AudioSpec spec = new AudioSpec("seeed", channels.length, RATE);
        return new AudioCheck(
                        spec,
                        (sp, len) -> new PcmCapture.Recording("seeed-4mic-voicecard", channels),
                        Duration.ofSeconds(1))
                .run();
    }

    @Test
    void liveDeadConstantAndClippingChannels() {
        List<CheckResult> r = run(sine(3000), new short[RATE], constant(-12), sine(60_000), noise(20));
        assertThat(r)
                .extracting(CheckResult::name)
                .containsExactly(
                        "audio_device",
                        "audio_channel_1",
                        "audio_channel_2",
                        "audio_channel_3",
                        "audio_channel_4",
                        "audio_channel_5");
        assertThat(r)
                .extracting(CheckResult::status)
                .containsExactly(
                        CheckResult.Status.PASS,
                        CheckResult.Status.PASS,
                        CheckResult.Status.FAIL,
                        CheckResult.Status.FAIL,
                        CheckResult.Status.FAIL,
                        CheckResult.Status.PASS);
        assertThat(r.get(1).message()).startsWith("live, level -23.8 dBFS");
        assertThat(r.get(2).message()).contains("dead: every sample is 0").contains("alsamixer");
        assertThat(r.get(3).message()).contains("dead: every sample is -12");
        assertThat(r.get(4).message()).contains("clipping").contains("lower the capture gain");
        assertThat(r.get(4).detail()).containsEntry("dead", false);
    }

    @Test
    void analysisNumbers() {
        var stats = ChannelAnalysis.analyze(new short[][] {sine(32767), constant(0)});
        assertThat(stats.get(0).rmsDbfs()).isEqualTo(-3.0);
        assertThat(stats.get(0).peak()).isEqualTo(32767);
        assertThat(stats.get(0).clipping()).isTrue(); // a full-scale sine sits above 99.5% of full scale often enough
        assertThat(stats.get(1).dead()).isTrue();
        assertThat(stats.get(1).rmsDbfs()).isEqualTo(-120.0);
    }

    @Test
    void missingDeviceOrWrongChannelCount() {
        AudioSpec spec = new AudioSpec("respeaker", 4, RATE);
        List<CheckResult> missing = new AudioCheck(
                        spec,
                        (sp, len) -> {
                            throw new PcmCapture.CaptureException(
                                    "no capture device matching audio.device 'respeaker'");
                        },
                        Duration.ofSeconds(1))
                .run();
        assertThat(missing)
                .extracting(CheckResult::status)
                .containsExactly(CheckResult.Status.FAIL, CheckResult.Status.SKIP);

        List<CheckResult> twoOfFour = new AudioCheck(
                        spec,
                        (sp, len) -> new PcmCapture.Recording("usb", new short[][] {sine(1000), sine(1000)}),
                        Duration.ofSeconds(1))
                .run();
        assertThat(twoOfFour.get(0).message()).contains("delivered 2 channel(s), 4 expected");
    }

    @Test
    void realJavaSoundNamesWhatItLookedForAndWhatExists() {
        AudioSpec spec = new AudioSpec("no-such-mic-xyz", 2, RATE);
        assertThatThrownBy(() -> new JavaSoundCapture().record(spec, Duration.ofMillis(200)))
                .isInstanceOf(PcmCapture.CaptureException.class)
                .hasMessageMatching(
                        "(?s).*(no capture device found.*arecord -l.*|no capture device matching audio.device 'no-such-mic-xyz'.*)");
    }
}
