package io.vocedge.device.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.pipeline.RecordSink;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.Telemetry;
import io.vocedge.protocol.TopicHit;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final RecordTime time = new RecordTime(Instant.parse("2026-11-22T10:00:00Z"), true, "b", 1);

    private Outbox open(long maxBytes) throws Exception {
        return Outbox.open(
                new OutboxConfig(dir.resolve("outbox.db"), maxBytes, true, 1024, Duration.ofSeconds(5), 256), json);
    }

    private Utterance utterance(String text, boolean valuable) {
        return new Utterance(
                "dev-1",
                0,
                time,
                "c",
                "en",
                null,
                text,
                null,
                null,
                null,
                null,
                valuable ? List.of(new TopicHit("delivery", List.of(), null)) : List.of(),
                valuable ? new Sentiment(SentimentLabel.NEGATIVE, -0.5) : null,
                null,
                null,
                null);
    }

    private Telemetry telemetry() {
        return new Telemetry("dev-1", 0, time, Map.of("cpu_temp_c", 50.0));
    }

    private ConversationSummary summary() {
        return new ConversationSummary(
                "dev-1", 0, time, "c", null, null, 1000, "silence", 3, null, null, null, null, null, null, null, null);
    }

    private List<Long> seqs(Outbox o) throws Exception {
        return o.readAfter(0, 10_000, Integer.MAX_VALUE).stream()
                .map(OutboxRow::seq)
                .toList();
    }

    @Test
    void sequenceNumbersStrictlyIncreaseAcrossRestartsEvenWhenEverythingWasAcked() throws Exception {
        try (Outbox o = open(1 << 20)) {
            assertThat(o.accept(utterance("a", true))).isEqualTo(1);
            assertThat(o.accept(utterance("b", true))).isEqualTo(2);
            o.delete(List.of(new Ack.SeqRange(1, 2)), List.of());
            assertThat(o.depth()).isZero();
        }
        try (Outbox o = open(1 << 20)) {
            assertThat(o.accept(utterance("c", true))).isEqualTo(3);
            OutboxRow row = o.readAfter(0, 10, 1 << 20).get(0);
            UpRecord stored = json.readValue(row.json(), UpRecord.class);
            assertThat(stored.seq()).isEqualTo(3);
            assertThat(((Utterance) stored).text()).isEqualTo("c");
        }
    }

    @Test
    void concurrentProducersGetUniqueGaplessSequenceNumbersGroupCommitted() throws Exception {
        try (Outbox o = open(64 << 20)) {
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                futures.add(o.submit(utterance("u" + i, true)));
            }
            List<Long> got =
                    futures.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(got).hasSize(2000).doesNotHaveDuplicates();
            assertThat(got.get(0)).isEqualTo(1);
            assertThat(got.get(1999)).isEqualTo(2000);
            assertThat(seqs(o)).containsExactlyElementsOf(got);
            assertThat(o.stats().depth()).isEqualTo(2000);
        }
    }

    @Test
    void deleteRemovesOnlyAckedAndRejectedRecordsAndKeepsCountsRight() throws Exception {
        try (Outbox o = open(1 << 20)) {
            for (int i = 0; i < 10; i++) {
                o.accept(utterance("u" + i, true));
            }
            long before = o.stats().bytes();
            int removed = o.delete(List.of(new Ack.SeqRange(2, 4), new Ack.SeqRange(8, 20)), List.of(6L));
            assertThat(removed).isEqualTo(7);
            assertThat(seqs(o)).containsExactly(1L, 5L, 7L);
            assertThat(o.stats().depth()).isEqualTo(3);
            assertThat(o.stats().bytes()).isLessThan(before).isPositive();
            assertThat(o.delete(List.of(new Ack.SeqRange(2, 4)), List.of())).isZero();
        }
    }

    @Test
    void fullOutboxEvictsTelemetryFirstThenOldLowValueThenUtterancesAndSummariesLast() throws Exception {
        String pad = "x".repeat(2000);
        try (Outbox o = open(64 * 1024)) {
            long summarySeq = o.accept(summary());
            long telemetrySeq = o.accept(telemetry());
            List<Long> lowValue = new ArrayList<>();
            List<Long> valuable = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                lowValue.add(o.accept(utterance("low " + i + pad, false)));
                valuable.add(o.accept(utterance("high " + i + pad, true)));
            }
            assertThat(o.stats().evictedTotal()).isZero();
            // 30 more valuable utterances overflow the 64 KiB bound.
            for (int i = 0; i < 30; i++) {
                valuable.add(o.accept(utterance("more " + i + pad, true)));
            }
            OutboxStats stats = o.stats();
            List<Long> left = seqs(o);
            assertThat(stats.bytes()).isLessThanOrEqualTo(64 * 1024);
            assertThat(left).contains(summarySeq).doesNotContain(telemetrySeq);
            assertThat(left).doesNotContainAnyElementsOf(lowValue);
            assertThat(stats.evictedByPriority())
                    .containsEntry("telemetry", 1L)
                    .containsEntry("low_value_utterance", 10L);
            // Among utterances of equal value, the oldest went first: what is left is the newest run.
            List<Long> keptValuable = left.stream().filter(valuable::contains).toList();
            assertThat(keptValuable)
                    .isEqualTo(valuable.subList(valuable.size() - keptValuable.size(), valuable.size()));
            assertThat(stats.evictedByPriority().get("utterance")).isPositive();
        }
        try (Outbox o = open(64 * 1024)) {
            assertThat(o.stats().evictedByPriority().get("telemetry")).isEqualTo(1L);
        }
    }

    @Test
    void incomingLowValueRecordIsDroppedWhenEverythingStoredIsWorthMore() throws Exception {
        String pad = "y".repeat(3000);
        try (Outbox o = open(64 * 1024)) {
            List<Long> summaries = new ArrayList<>();
            while (o.stats().bytes() < 60 * 1024) {
                ConversationSummary big = new ConversationSummary(
                        "dev-1",
                        0,
                        time,
                        "c-" + pad,
                        null,
                        null,
                        1,
                        "silence",
                        1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
                summaries.add(o.accept(big));
            }
            for (int i = 0; i < 100; i++) {
                o.accept(telemetry());
            }
            assertThat(seqs(o)).containsAll(summaries);
            assertThat(o.stats().bytes()).isLessThanOrEqualTo(64 * 1024);
            assertThat(o.stats().evictedByPriority().get("telemetry")).isPositive();
            assertThat(o.stats().evictedByPriority().get("conversation_summary"))
                    .isZero();
        }
    }

    @Test
    void recordLargerThanTheBoundIsRejectedWithAReason() throws Exception {
        try (Outbox o = open(64 * 1024)) {
            assertThatThrownBy(() -> o.accept(utterance("z".repeat(40_000), true)))
                    .isInstanceOf(RecordSink.RecordRejectedException.class)
                    .hasMessageContaining("larger than a quarter of outbox.max_bytes");
            assertThat(o.stats().rejected()).isEqualTo(1);
            // A refused record takes no sequence number: no gap for the gateway to puzzle over.
            assertThat(o.accept(utterance("fine", true))).isEqualTo(1);
        }
    }

    @Test
    void corruptFileIsQuarantinedAndSequenceContinuesAboveEverythingHandedOut() throws Exception {
        try (Outbox o = open(1 << 20)) {
            for (int i = 0; i < 5; i++) {
                o.accept(utterance("u" + i, true));
            }
        }
        Path file = dir.resolve("outbox.db");
        Files.write(
                file,
                "this is not a database at all, the SD card ate it".repeat(200).getBytes());
        Files.deleteIfExists(dir.resolve("outbox.db-wal"));
        Files.deleteIfExists(dir.resolve("outbox.db-shm"));
        try (Outbox o = open(1 << 20)) {
            assertThat(o.quarantinedFile()).contains("outbox.db.corrupt-");
            assertThat(Path.of(o.quarantinedFile())).exists();
            assertThat(o.depth()).isZero();
            assertThat(o.accept(utterance("after", true))).isGreaterThan(5);
        }
    }
}
