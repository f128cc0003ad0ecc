package io.vocedge.device.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.device.outbox.Outbox;
import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.device.pending.PendingAudioQueue;
import io.vocedge.device.pipeline.SpeechSegment;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Utterance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mute and "forget the last minutes" on the device's real files: pending audio queue and SQLite outbox. */
class ForgetTest {
    @TempDir
    Path dir;

    private static SpeechSegment segment(String id) {
        return new SpeechSegment(id, 0, 1000, new short[SpeechSegment.SAMPLE_RATE], -20);
    }

    private static Utterance utterance(int i) {
        return new Utterance(
                "dev-1",
                0,
                new RecordTime(Instant.now(), true, "boot", i),
                "c",
                "en",
                null,
                "text " + i,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "test");
    }

    private long segmentFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("pending"))) {
            return s.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }

    @Test
    void aMuteDeletesEveryPendingSegmentFromDisk() throws Exception {
        PendingAudioQueue q = new PendingAudioQueue(dir.resolve("pending"), 100_000_000, 3_600_000);
        q.appendSegment(segment("a"));
        q.appendMarker(io.vocedge.device.pending.PendingEntry.Kind.BOUNDARY, 5);
        q.appendSegment(segment("b"));
        assertThat(segmentFiles()).isEqualTo(3); // two segments and the marker, one file each
        assertThat(q.dropSegmentsSince(Long.MIN_VALUE)).isEqualTo(2);
        assertThat(segmentFiles()).isEqualTo(1);
        assertThat(q.stats().entries()).isEqualTo(1); // the conversation boundary marker stays
    }

    @Test
    void forgetDeletesPendingAudioAndUnsyncedRecordsOfTheWindowOnly() throws Exception {
        PendingAudioQueue q = new PendingAudioQueue(dir.resolve("pending"), 100_000_000, 3_600_000);
        q.appendSegment(segment("old"));
        q.appendSegment(segment("new"));
        // The "old" segment was written 20 minutes ago.
        try (Stream<Path> s = Files.list(dir.resolve("pending"))) {
            Path first = s.filter(p -> p.toString().endsWith(".seg"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            Files.setLastModifiedTime(first, FileTime.from(Instant.now().minus(Duration.ofMinutes(20))));
        }
        AtomicInteger inFlightDropped = new AtomicInteger();
        try (Outbox outbox = Outbox.open(OutboxConfig.defaults(dir.resolve("outbox.db")), Json.newMapper())) {
            for (int i = 0; i < 3; i++) {
                outbox.accept(utterance(i));
            }
            // Rows accepted 20 minutes ago stay: only the window goes.
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
                    var st = c.createStatement()) {
                st.executeUpdate("UPDATE outbox SET created_ms = "
                        + Instant.now().minus(Duration.ofMinutes(20)).toEpochMilli() + " WHERE seq = 1");
            }
            Forgetter f =
                    new Forgetter(q::dropSegmentsSince, outbox, inFlightDropped::incrementAndGet, Clock.systemUTC());
            Forgetter.Result r = f.forget(Duration.ofMinutes(5), "test");
            assertThat(r.pendingSegments()).isEqualTo(1);
            assertThat(r.unsyncedRecords()).isEqualTo(2);
            assertThat(outbox.depth()).isEqualTo(1);
            assertThat(outbox.readAfter(0, 10, 1_000_000))
                    .extracting(io.vocedge.device.outbox.OutboxRow::seq)
                    .containsExactly(1L);
            assertThat(segmentFiles()).isEqualTo(1);
            assertThat(inFlightDropped).hasValue(1);
            assertThat(r.detail())
                    .containsKeys("forget_from", "forget_to")
                    .containsEntry("deleted_unsynced_records", 2L);
            assertThat(Duration.between(Instant.parse((String) r.detail().get("forget_from")), Instant.parse((String)
                            r.detail().get("forget_to"))))
                    .isEqualTo(Duration.ofMinutes(5));
            assertThatThrownBy(() -> f.forget(Duration.ofDays(2), "test"))
                    .hasMessageContaining("minutes must be 1..1440");
        }
    }
}
