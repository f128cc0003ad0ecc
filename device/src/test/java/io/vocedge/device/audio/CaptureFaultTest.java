package io.vocedge.device.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.pipeline.SpeechSegment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The capture loop against sources that fail the way real devices do: one that throws (USB unplugged), one
 * that stops delivering (a stalled stream), an opener that fails while the device is absent; and privacy mute.
 * These are fakes at the microphone edge (there is no sound card here); the front-end behind them is real.
 */
class CaptureFaultTest {
    static final int RATE = 16_000;

    /** Bursts of a voiced signal (0.8 s on, 1.2 s off) over low noise, paced at 10x real time. */
    static class BurstSource implements FrameSource {
        final AtomicLong framesOut;
        final int failAfterFrames;
        final boolean stallInsteadOfThrow;
        final CountDownLatch closed = new CountDownLatch(1);
        final java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);

        BurstSource(AtomicLong framesOut, int failAfterFrames, boolean stallInsteadOfThrow) {
            this.framesOut = framesOut;
            this.failAfterFrames = failAfterFrames;
            this.stallInsteadOfThrow = stallInsteadOfThrow;
        }

        long served;

        @Override
        public PcmFormat format() {
            return PcmFormat.signed16(RATE, 1);
        }

        @Override
        public int read(float[] dst, int maxFrames) throws IOException {
            if (closed.getCount() == 0) {
                throw new IOException("closed");
            }
            if (failAfterFrames >= 0 && served >= failAfterFrames) {
                if (!stallInsteadOfThrow) {
                    throw new IOException("device unplugged (ALSA: No such device)");
                }
                try {
                    closed.await(); // a stalled stream: read blocks until someone closes the line
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("line closed");
            }
            long base = framesOut.get();
            for (int i = 0; i < maxFrames; i++) {
                long n = base + i;
                double t = n / (double) RATE;
                boolean voiced = t % 2.0 < 0.8;
                double v = voiced ? 0.2 * Math.sin(2 * Math.PI * 220 * t) + 0.1 * Math.sin(2 * Math.PI * 660 * t) : 0;
                dst[i] = (float) (v + rnd.nextGaussian() * 0.002);
            }
            framesOut.addAndGet(maxFrames);
            served += maxFrames;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            return maxFrames;
        }

        @Override
        public long overrunFrames() {
            return 0;
        }

        @Override
        public String describe() {
            return "test-burst";
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    static SourceOpener opener(java.util.function.IntFunction<FrameSource> byAttempt, AtomicInteger attempts) {
        return new SourceOpener() {
            @Override
            public FrameSource open() throws IOException {
                FrameSource s = byAttempt.apply(attempts.getAndIncrement());
                if (s == null) {
                    throw new IOException("no capture device matches audio.device 'ReSpeaker'");
                }
                return s;
            }

            @Override
            public boolean live() {
                return true;
            }

            @Override
            public String describe() {
                return "mic:test";
            }
        };
    }

    /**
     * {@code vad: spectral}: these tests are about capture faults (reopen, stall, absent device, mute), and their
     * source speaks in synthetic voiced bursts, which the default {@code hybrid} VAD rightly does not take for speech
     * (Silero). The default VAD's segments of real speech are tested in {@code SpeechInNoiseTest}.
     */
    static AudioConfig cfg() throws Exception {
        return AudioConfig.from(new ObjectMapper()
                .readTree("{\"stall_timeout_ms\": 300, \"reopen_initial_ms\": 50, \"reopen_max_ms\": 200,"
                        + " \"min_speech_ms\": 100, \"vad\": \"spectral\"}"));
    }

    static final class Segments implements io.vocedge.device.pipeline.SegmentListener {
        final List<SpeechSegment> concurrent = new CopyOnWriteArrayList<>();

        @Override
        public void onSegment(SpeechSegment s) {
            concurrent.add(s);
        }

        @Override
        public void onConversationBoundary(long atMs) {}
    }

    @Test
    void aSourceThatThrowsIsReopenedAndSegmentsContinue() throws Exception {
        AtomicLong frames = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        Segments seg = new Segments();
        AudioInput in = new AudioInput(
                cfg(), opener(a -> new BurstSource(frames, a == 0 ? RATE * 3 : -1, false), attempts), () -> false, seg);
        in.start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> in.capture().reopens() == 1 && seg.concurrent.size() >= 4);
            assertThat(in.capture().faults()).isEqualTo(1);
            assertThat(in.status()).containsEntry("audio_state", "running");
            assertThat((String) in.status().get("audio_last_fault")).contains("unplugged");
            assertTimesIncrease(seg.concurrent);
        } finally {
            in.close();
        }
    }

    @Test
    void aStalledSourceIsDetectedClosedAndReopened() throws Exception {
        AtomicLong frames = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        Segments seg = new Segments();
        AudioInput in = new AudioInput(
                cfg(), opener(a -> new BurstSource(frames, a == 0 ? RATE * 2 : -1, true), attempts), () -> false, seg);
        in.start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> in.capture().reopens() == 1 && seg.concurrent.size() >= 3);
            assertThat(in.capture().stalls()).isEqualTo(1);
            assertThat(in.capture().faults()).isEqualTo(1);
            java.util.Map<String, Double> m = new java.util.HashMap<>();
            in.collect(m);
            assertThat(m).containsEntry("audio_stalls_total", 1.0).containsEntry("audio_reopens_total", 1.0);
            // The time the stream stood still is on the capture clock: the clock ran past the frames delivered.
            assertTimesIncrease(seg.concurrent);
        } finally {
            in.close();
        }
    }

    @Test
    void anAbsentDeviceIsRetriedWithBackoffUntilItAppears() throws Exception {
        AtomicLong frames = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        Segments seg = new Segments();
        AudioInput in = new AudioInput(
                cfg(), opener(a -> a < 3 ? null : new BurstSource(frames, -1, false), attempts), () -> false, seg);
        in.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !seg.concurrent.isEmpty());
            assertThat(in.capture().faults()).isEqualTo(3);
            assertThat(in.capture().reopens()).isEqualTo(1);
            assertThat(seg.concurrent.get(0).startMs())
                    .as("the wait counts on the capture clock")
                    .isGreaterThan(50);
        } finally {
            in.close();
        }
    }

    @Test
    void mutedAudioNeverReachesTheFrontEndAndTheClockRunsOn() throws Exception {
        AtomicLong frames = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        Segments seg = new Segments();
        // Muted from 4 s to 10 s of the source's own frames: exactly what a button press would do mid-stream.
        BooleanSupplier muted = () -> frames.get() >= 4L * RATE && frames.get() < 10L * RATE;
        AudioInput in = new AudioInput(cfg(), opener(a -> new BurstSource(frames, -1, false), attempts), muted, seg);
        in.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> seg.concurrent.stream().anyMatch(s -> s.startMs() > 12_000));
            assertThat(in.capture().framesMuted()).isEqualTo(6L * RATE);
            for (SpeechSegment s : seg.concurrent) {
                assertThat(s.endMs() <= 4000 || s.startMs() >= 10_000)
                        .as("segment %d-%d ms lies outside the muted 4000-10000 ms", s.startMs(), s.endMs())
                        .isTrue();
            }
            assertThat(seg.concurrent).anyMatch(s -> s.endMs() <= 4000).anyMatch(s -> s.startMs() >= 10_000);
            // Voiced bursts start every 2 s: after the mute they line up with the source's time again.
            SpeechSegment after = seg.concurrent.stream()
                    .filter(s -> s.startMs() >= 10_000)
                    .findFirst()
                    .orElseThrow();
            assertThat(after.startMs() % 2000)
                    .isIn(List.of(
                            1900L, 1910L, 1920L, 1930L, 1940L, 1950L, 1960L, 1970L, 1980L, 1990L, 0L, 10L, 20L, 30L,
                            40L, 50L));
        } finally {
            in.close();
        }
    }

    private static void assertTimesIncrease(List<SpeechSegment> segments) {
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).startMs())
                    .isGreaterThanOrEqualTo(segments.get(i - 1).endMs());
        }
    }
}
