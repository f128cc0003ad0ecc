package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.pipeline.SegmentListener;
import io.vocedge.device.pipeline.SpeechSegment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VAD and segmentation on synthesised speech in sox noise: boundaries against the truth, at several rates. */
class SegmentationTest {
    static final String[] LINES = {
        "Hello, I paid a deposit for the blue car last week.",
        "The salesman said it was in stock, but now you tell me it is not.",
        "I would like to speak to the manager about the delivery date."
    };
    static final double[] AT_SECONDS = {1.0, 6.0, 11.5};
    static final int TOLERANCE_MS = 150;

    @TempDir
    static Path dir;

    static final List<AudioFixtures.Placed> placed16k = new ArrayList<>();
    static float[] clean16k;

    @BeforeAll
    static void speech() throws Exception {
        for (int i = 0; i < LINES.length; i++) {
            placed16k.add(
                    AudioFixtures.place(AudioFixtures.speech(dir, LINES[i], 16_000), (int) (AT_SECONDS[i] * 16_000)));
        }
        clean16k = AudioFixtures.timeline(17 * 16_000, placed16k);
    }

    static final class Collector implements SegmentListener {
        final List<SpeechSegment> segments = new ArrayList<>();
        final List<Long> boundaries = new ArrayList<>();

        @Override
        public void onSegment(SpeechSegment s) {
            segments.add(s);
        }

        @Override
        public void onConversationBoundary(long atMs) {
            boundaries.add(atMs);
        }
    }

    static Collector run(AudioConfig cfg, PcmFormat f, float[] interleaved) {
        Collector c = new Collector();
        try (FrontEnd fe = new FrontEnd(cfg, f, c)) {
            int block = f.sampleRate() / 50; // 20 ms blocks, as a sound card might deliver
            int frames = interleaved.length / f.channels();
            float[] buf = new float[block * f.channels()];
            for (int pos = 0; pos < frames; pos += block) {
                int n = Math.min(block, frames - pos);
                System.arraycopy(interleaved, pos * f.channels(), buf, 0, n * f.channels());
                fe.process(buf, n);
            }
            fe.flush();
        }
        return c;
    }

    static void assertMatchesTruth(List<long[]> found, List<AudioFixtures.Placed> truth, int rate) {
        assertThat(found).as("one segment per utterance").hasSize(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            long ts = truth.get(i).truthStart() * 1000L / rate;
            long te = truth.get(i).truthEnd() * 1000L / rate;
            assertThat(found.get(i)[0])
                    .as("start of utterance %d (truth %d ms)", i, ts)
                    .isBetween(ts - TOLERANCE_MS, ts + TOLERANCE_MS);
            assertThat(found.get(i)[1])
                    .as("end of utterance %d (truth %d ms)", i, te)
                    .isBetween(te - TOLERANCE_MS, te + TOLERANCE_MS);
        }
    }

    static List<long[]> spans(Collector c) {
        return c.segments.stream().map(s -> new long[] {s.startMs(), s.endMs()}).toList();
    }

    @Test
    void speechInPinkNoiseAt10dbSnrIsCutWithin150msOfTheTruth() throws Exception {
        float[] noisy = AudioFixtures.mix(clean16k, placed16k, AudioFixtures.pinkNoise(dir, 16_000, 17), 10);
        Collector c = run(AudioConfig.defaults(), PcmFormat.signed16(16_000, 1), noisy);
        assertMatchesTruth(spans(c), placed16k, 16_000);
        for (SpeechSegment s : c.segments) {
            assertThat(Math.abs(s.samples().length - s.durationMs() * 16))
                    .as("samples match the times")
                    .isLessThanOrEqualTo(16);
        }
    }

    @Test
    void speechInWhiteNoiseAt10dbSnr() throws Exception {
        float[] noisy = AudioFixtures.mix(clean16k, placed16k, AudioFixtures.whiteNoise(16_000 * 17, 3), 10);
        assertMatchesTruth(spans(run(AudioConfig.defaults(), PcmFormat.signed16(16_000, 1), noisy)), placed16k, 16_000);
    }

    @Test
    void a48kHzStereoWavThroughTheCliGivesTheSameBoundaries() throws Exception {
        List<AudioFixtures.Placed> placed = new ArrayList<>();
        for (int i = 0; i < LINES.length; i++) {
            placed.add(
                    AudioFixtures.place(AudioFixtures.speech(dir, LINES[i], 48_000), (int) (AT_SECONDS[i] * 48_000)));
        }
        float[] clean = AudioFixtures.timeline(17 * 48_000, placed);
        float[] left = AudioFixtures.mix(clean, placed, AudioFixtures.pinkNoise(dir, 48_000, 17), 10);
        float[] right = AudioFixtures.mix(clean, placed, AudioFixtures.whiteNoise(17 * 48_000, 9), 10);
        AudioFixtures.scale(left, 0.5);
        AudioFixtures.scale(right, 0.5);
        Path wav = AudioFixtures.writeWav(dir.resolve("stereo48k.wav"), 48_000, left, right);
        Path out = dir.resolve("segments");
        StringWriter stdout = new StringWriter();
        var cli = io.vocedge.device.cli.DeviceMainAccess.commandLine();
        cli.setOut(new PrintWriter(stdout));
        int code = cli.execute("audio", "segment", "--in", wav.toString(), "--out-dir", out.toString());
        assertThat(code).isZero();
        List<long[]> found = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String line : stdout.toString().strip().split("\n")) {
            JsonNode n = m.readTree(line);
            found.add(new long[] {n.get("start_ms").asLong(), n.get("end_ms").asLong()});
            Path seg = Path.of(n.get("file").asText());
            assertThat(seg).exists();
            var f = javax.sound.sampled.AudioSystem.getAudioFileFormat(seg.toFile())
                    .getFormat();
            assertThat(f.getSampleRate()).isEqualTo(16_000f);
            assertThat(f.getChannels()).isEqualTo(1);
            assertThat(Files.size(seg))
                    .isCloseTo(
                            44 + (n.get("end_ms").asLong() - n.get("start_ms").asLong()) * 32,
                            org.assertj.core.data.Offset.offset(100L));
        }
        assertMatchesTruth(found, placed, 48_000);
    }

    @Test
    void pureNoiseGivesNoSegment() throws Exception {
        assertThat(run(
                                AudioConfig.defaults(),
                                PcmFormat.signed16(16_000, 1),
                                scaled(AudioFixtures.pinkNoise(dir, 16_000, 20), 0.05))
                        .segments)
                .isEmpty();
        assertThat(run(
                                AudioConfig.defaults(),
                                PcmFormat.signed16(16_000, 1),
                                scaled(AudioFixtures.whiteNoise(16_000 * 20, 5), 0.05))
                        .segments)
                .isEmpty();
        assertThat(run(AudioConfig.defaults(), PcmFormat.signed16(16_000, 1), new float[16_000 * 5]).segments)
                .as("digital silence")
                .isEmpty();
    }

    @Test
    void longSpeechIsSplitAtAPauseAndNothingIsLost() throws Exception {
        List<AudioFixtures.Placed> placed = new ArrayList<>();
        int at = 16_000;
        for (int i = 0; i < 9; i++) {
            float[] s = AudioFixtures.speech(dir, LINES[i % 3], 16_000);
            AudioFixtures.Placed p = AudioFixtures.place(s, at);
            placed.add(p);
            at = p.truthEnd() + 16_000 / 4; // 250 ms pauses: below the hang-over, so one long stretch of speech
        }
        float[] clean = AudioFixtures.timeline(at + 32_000, placed);
        float[] noisy = AudioFixtures.mix(clean, placed, AudioFixtures.pinkNoise(dir, 16_000, 40), 15);
        AudioConfig cfg = withMaxSegment(8000);
        Collector c = run(cfg, PcmFormat.signed16(16_000, 1), noisy);
        assertThat(c.segments.size()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < c.segments.size(); i++) {
            assertThat(c.segments.get(i).durationMs()).isLessThanOrEqualTo(8000);
            if (i > 0) {
                assertThat(c.segments.get(i).startMs())
                        .as("split segments are contiguous")
                        .isEqualTo(c.segments.get(i - 1).endMs());
            }
        }
        long truthStart = placed.get(0).truthStart() / 16;
        long truthEnd = placed.get(placed.size() - 1).truthEnd() / 16;
        assertThat(c.segments.get(0).startMs()).isBetween(truthStart - TOLERANCE_MS, truthStart + TOLERANCE_MS);
        assertThat(c.segments.get(c.segments.size() - 1).endMs())
                .isBetween(truthEnd - TOLERANCE_MS, truthEnd + TOLERANCE_MS);
    }

    @Test
    void aLongSilenceEndsTheConversationOnce() throws Exception {
        List<AudioFixtures.Placed> placed = List.of(
                AudioFixtures.place(AudioFixtures.speech(dir, LINES[0], 16_000), 16_000),
                AudioFixtures.place(AudioFixtures.speech(dir, LINES[1], 16_000), 16_000 * 14));
        float[] clean = AudioFixtures.timeline(16_000 * 20, placed);
        float[] noisy = AudioFixtures.mix(clean, placed, AudioFixtures.pinkNoise(dir, 16_000, 20), 15);
        AudioConfig cfg = AudioConfig.from(new ObjectMapper().readTree("{\"conversation_gap_ms\": 5000}"));
        Collector c = run(cfg, PcmFormat.signed16(16_000, 1), noisy);
        assertThat(c.segments).hasSize(2);
        assertThat(c.boundaries)
                .as("one boundary in the gap, one at the end of the input")
                .hasSize(2);
        assertThat(c.boundaries.get(0))
                .isEqualTo(c.segments.get(0).endMs() + 5000)
                .isLessThan(c.segments.get(1).startMs());
    }

    @Test
    void gapsCloseTheOpenSegmentAndMoveTheClockOn() throws Exception {
        float[] s = AudioFixtures.speech(dir, LINES[1], 16_000);
        float[] noisy = AudioFixtures.mix(
                AudioFixtures.timeline(16_000 * 6, List.of(AudioFixtures.place(s, 16_000))),
                List.of(AudioFixtures.place(s, 16_000)),
                AudioFixtures.pinkNoise(dir, 16_000, 6),
                15);
        Collector c = new Collector();
        FrontEnd fe = new FrontEnd(AudioConfig.defaults(), PcmFormat.signed16(16_000, 1), c);
        fe.process(noisy, 16_000 * 2); // speech starts at 1 s and is still going at 2 s
        fe.gap(16_000 * 10L); // e.g. muted for 10 s
        float[] rest = java.util.Arrays.copyOfRange(noisy, 16_000 * 2, noisy.length);
        fe.process(rest, rest.length);
        fe.flush();
        assertThat(c.segments).isNotEmpty();
        assertThat(c.segments.get(0).endMs()).as("cut where the audio stopped").isLessThanOrEqualTo(2000);
        for (SpeechSegment seg : c.segments.subList(1, c.segments.size())) {
            assertThat(seg.startMs()).as("after the gap, times include it").isGreaterThanOrEqualTo(12_000);
        }
        assertThat(fe.clockMs()).isEqualTo(16_000L);
    }

    static AudioConfig withMaxSegment(int ms) throws Exception {
        return AudioConfig.from(new ObjectMapper().readTree("{\"max_segment_ms\": " + ms + "}"));
    }

    static float[] scaled(float[] x, double g) {
        AudioFixtures.scale(x, g);
        return x;
    }
}
