package io.vocedge.device.pending;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.pipeline.SpeechSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingAudioQueueTest {
    @TempDir
    Path dir;

    static SpeechSegment segment(String id, long startMs, int seconds) {
        short[] pcm = new short[seconds * SpeechSegment.SAMPLE_RATE];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (Math.sin(i / 7.0) * 8000 + id.hashCode() % 100);
        }
        return new SpeechSegment(id, startMs, startMs + seconds * 1000L, pcm, -18.5);
    }

    private List<String> drain(PendingAudioQueue q) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (var e = q.take(Duration.ZERO); e.isPresent(); e = q.take(Duration.ZERO)) {
            ids.add(
                    e.get().kind() == PendingEntry.Kind.SEGMENT
                            ? e.get().segment().segmentId()
                            : e.get().kind().name());
            q.complete(e.get());
        }
        return ids;
    }

    @Test
    void fifoWithMarkersAndExactAudioRoundTrip() throws Exception {
        PendingAudioQueue q = new PendingAudioQueue(dir, 10_000_000, 600_000);
        SpeechSegment a = segment("a", 0, 1);
        q.appendSegment(a);
        q.appendMarker(PendingEntry.Kind.BOUNDARY, 30_000);
        q.appendSegment(segment("b", 40_000, 2));
        q.appendMarker(PendingEntry.Kind.BUTTON, 45_000);
        assertThat(q.stats().backlogMs()).isEqualTo(3000);
        PendingEntry first = q.take(Duration.ZERO).orElseThrow();
        assertThat(first.segment().samples()).isEqualTo(a.samples());
        assertThat(first.segment().levelDbfs()).isEqualTo(-18.5);
        assertThat(first.segment().endMs()).isEqualTo(1000);
        q.complete(first);
        assertThat(drain(q)).containsExactly("BOUNDARY", "b", "BUTTON");
        assertThat(q.stats().backlogMs()).isZero();
        assertThat(q.stats().bytes()).isZero();
    }

    /**
     * File names are ASCII whatever the JVM's default locale: with Thai digits as the default numbering system a
     * locale-dependent format named the files "๐๐...๑.seg" (the forbidden-API check now refuses such formats).
     */
    @Test
    void fileNamesAreAsciiDigitsWhateverTheDefaultLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            PendingAudioQueue q = new PendingAudioQueue(dir, 10_000_000, 600_000);
            q.appendSegment(segment("a", 0, 1));
            q.appendMarker(PendingEntry.Kind.BOUNDARY, 30_000);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())
                                .filter(n -> n.endsWith(".seg"))
                                .toList())
                        .hasSize(2)
                        .allMatch(n -> n.matches("[0-9]{16}\\.seg"), "16 ASCII digits + .seg");
            }
            assertThat(drain(new PendingAudioQueue(dir, 10_000_000, 600_000))).containsExactly("a", "BOUNDARY");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void completeDeletesTheAudioFile() throws Exception {
        PendingAudioQueue q = new PendingAudioQueue(dir, 10_000_000, 600_000);
        q.appendSegment(segment("a", 0, 1));
        assertThat(files()).hasSize(1);
        PendingEntry e = q.take(Duration.ZERO).orElseThrow();
        assertThat(files()).hasSize(1); // still there while being transcribed
        q.complete(e);
        assertThat(files()).isEmpty();
    }

    @Test
    void survivesRestartInOrderAndDiscardsHalfWrittenFiles() throws Exception {
        PendingAudioQueue q = new PendingAudioQueue(dir, 10_000_000, 600_000);
        q.appendSegment(segment("a", 0, 1));
        q.appendSegment(segment("b", 2000, 1));
        q.take(Duration.ZERO).orElseThrow(); // taken but not completed: crash before the transcript reached the outbox
        Files.write(dir.resolve("0000000000000003.seg.tmp"), new byte[] {1, 2, 3}); // crash during an append
        Files.write(dir.resolve("0000000000000009.seg"), new byte[] {1, 2, 3}); // corrupt entry

        PendingAudioQueue reopened = new PendingAudioQueue(dir, 10_000_000, 600_000);
        assertThat(reopened.stats().entries()).isEqualTo(2);
        reopened.appendSegment(segment("c", 4000, 1));
        assertThat(drain(reopened)).containsExactly("a", "b", "c");
        assertThat(files()).isEmpty();
    }

    @Test
    void whenFullTheOldestAudioIsDroppedCountedAndNotTheOneInFlight() throws Exception {
        PendingAudioQueue q = new PendingAudioQueue(dir, 10_000_000, 5_000); // 5 s of audio
        q.appendSegment(segment("s1", 0, 2));
        PendingEntry inFlight = q.take(Duration.ZERO).orElseThrow();
        q.appendSegment(segment("s2", 3000, 2));
        q.appendMarker(PendingEntry.Kind.BOUNDARY, 9000);
        q.appendSegment(segment("s3", 6000, 2)); // 6 s > 5 s: drop s2 (s1 is being transcribed)
        QueueStats st = q.stats();
        assertThat(st.droppedSegments()).isEqualTo(1);
        assertThat(st.droppedMs()).isEqualTo(2000);
        assertThat(st.backlogMs()).isEqualTo(4000);
        q.complete(inFlight);
        assertThat(drain(q)).containsExactly("BOUNDARY", "s3");
    }

    @Test
    void byteBoundAlsoEvictsAndOversizedSegmentIsDropped() throws Exception {
        long oneSecondBytes = PendingAudioQueue.encode(
                        new PendingEntry(1, PendingEntry.Kind.SEGMENT, segment("x", 0, 1), 1000))
                .length;
        PendingAudioQueue q = new PendingAudioQueue(dir, oneSecondBytes * 2 + 10, 600_000);
        q.appendSegment(segment("a", 0, 1));
        q.appendSegment(segment("b", 1000, 1));
        q.appendSegment(segment("c", 2000, 1));
        q.appendSegment(segment("huge", 3000, 3));
        assertThat(q.stats().droppedSegments()).isEqualTo(2);
        assertThat(q.stats().bytes()).isLessThanOrEqualTo(oneSecondBytes * 2 + 10);
        assertThat(drain(q)).containsExactly("b", "c");
    }

    @Test
    void audioIsOwnerOnly() throws Exception {
        Path qdir = dir.resolve("pending");
        PendingAudioQueue q = new PendingAudioQueue(qdir, 10_000_000, 600_000);
        q.appendSegment(segment("a", 0, 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(qdir)))
                .isEqualTo("rwx------");
        try (Stream<Path> s = Files.list(qdir)) {
            s.forEach(f -> {
                try {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .isEqualTo("rw-------");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void takeWaitsForAnAppendFromAnotherThread() throws Exception {
        PendingAudioQueue q = new PendingAudioQueue(dir, 10_000_000, 600_000);
        Thread t = new Thread(
                () -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    q.appendSegment(segment("late", 0, 1));
                },
                "test-producer");
        t.start();
        assertThat(q.take(Duration.ofSeconds(10)))
                .get()
                .extracting(e -> e.segment().segmentId())
                .isEqualTo("late");
        t.join();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
