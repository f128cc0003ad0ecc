package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events handed to the forwarder in memory after their commit (issue 18, CPU per forwarded event): every claim served
 * partly or wholly from memory publishes exactly the rows, in the order, and moves exactly the cursors that the same
 * claim reading the outbox does - across statuses (gaps in what memory holds), a rolled-back transaction, the byte
 * and event limits of a batch, and events the outbox has but memory never saw.
 */
class CommittedEventsIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void claimsFromMemoryEqualClaimsFromTheOutbox(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            ForwardOutbox outbox = new ForwardOutbox(store.dialect(), "gw-test", true, Clock.systemUTC(), () -> {});
            CommittedEvents held = new CommittedEvents(10_000, 1 << 20);
            store.addParticipant(new OutboxParticipant(outbox, () -> {}, held::offer));
            store.addParticipant((c, d, ch) -> {
                if (ch.insertedRecords().stream().anyMatch(r -> r.seq() == 1000)) {
                    throw new SQLException("later participant failed");
                }
            });
            // Events memory never sees (as a restart, or another gateway): the first transaction's, appended before.
            StoreTransaction before = new StoreTransaction();
            before.add(ForwardOutboxIT.record("d0", 1, "utterance"));
            before.add(ForwardOutboxIT.record("d1", 1, "utterance"));
            store.commit(before);
            held.sent(java.util.Map.of("d0", 1L, "d1", 1L)); // forget them: as if this process had just started
            long seq = 2;
            for (int tx = 0; tx < 12; tx++) {
                StoreTransaction t = new StoreTransaction();
                for (int d = 0; d < 5; d++) {
                    for (int i = 0; i < 2; i++) {
                        t.add(ForwardOutboxIT.record(
                                "d" + d, seq + i, i == 1 && tx % 4 == 3 ? "conversation" : "utterance"));
                    }
                }
                if (tx % 5 == 2) {
                    t.add(new StatusUpdate(
                            "d2",
                            "s1",
                            true,
                            "1.0",
                            0L,
                            Instant.now(),
                            "{\"schema\":\"voc.status/1\",\"n\":" + tx + "}"));
                }
                seq += 2;
                store.commit(t);
            }
            StoreTransaction bad = new StoreTransaction();
            bad.add(ForwardOutboxIT.record("d3", 1000, "utterance"));
            assertThatThrownBy(() -> store.commit(bad)).hasMessageContaining("later participant failed");
            assertThat(held.events()).isGreaterThan(0);

            OutboxStore os = new OutboxStore(store.dataSource(), store.dialect());
            os.ensureCursors("kafka");
            List<OutboxRow> all = new ArrayList<>();
            int fromMemory = 0;
            int claims = 0;
            while (true) {
                List<OutboxRow> fromOutbox;
                java.util.Map<String, Long> outboxMarks;
                // Small limits (3 keys, 7 events, 2 rows' bytes...) so claims cut keys in every possible place.
                int maxEvents = 7 + claims % 5;
                long maxBytes = 40L * (2 + claims % 7);
                try (OutboxStore.Claim c = os.claim("kafka", 3, maxEvents, maxBytes)) {
                    fromOutbox = c.rows();
                    outboxMarks = c.marks();
                    assertThat(c.fromMemory()).isZero();
                } // not marked: given back
                try (OutboxStore.Claim c = os.claim("kafka", 3, maxEvents, maxBytes, held)) {
                    if (c.isEmpty()) {
                        assertThat(fromOutbox).isEmpty();
                        break;
                    }
                    assertThat(c.rows()).containsExactlyElementsOf(fromOutbox);
                    assertThat(c.marks()).isEqualTo(outboxMarks);
                    fromMemory += c.fromMemory();
                    all.addAll(c.rows());
                    c.markSent(Instant.now());
                    held.sent(c.marks());
                }
                claims++;
            }
            assertThat(fromMemory).as("events served from memory").isGreaterThan(all.size() / 2);
            assertThat(fromMemory).as("events read back").isLessThan(all.size());
            assertThat(all).extracting(OutboxRow::eventId).doesNotHaveDuplicates();
            assertThat(all).hasSize(2 + 12 * 10 + 2); // two statuses; no event of the rolled-back transaction
            assertThat(held.events()).isZero();
        }
    }
}
