package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbox on both stores: written with the records, one order per device for all kinds, claims, marks, lag. */
class ForwardOutboxIT {
    @TempDir
    Path dir;

    static StoredRecord record(String device, long seq, String kind) {
        Instant now = Instant.now();
        return new StoredRecord(
                device,
                seq,
                "voc." + kind + "/1",
                kind,
                "s1",
                "c1",
                "customer",
                "en",
                "hello",
                "neutral",
                0.0,
                "1",
                now,
                true,
                "boot",
                seq,
                now,
                now,
                List.of(),
                "{\"device\":\"" + device + "\",\"seq\":" + seq + "}");
    }

    private static ForwardOutbox outbox(JdbcVocStore store) {
        ForwardOutbox outbox = new ForwardOutbox(store.dialect(), "gw-test", true, Clock.systemUTC(), () -> {});
        store.addParticipant(new OutboxParticipant(outbox, () -> {}));
        return outbox;
    }

    private static List<OutboxRow> drain(OutboxStore os, String sink) throws SQLException {
        os.ensureCursors(sink);
        List<OutboxRow> all = new ArrayList<>();
        while (true) {
            try (OutboxStore.Claim claim = os.claim(sink, 3, 4, 1 << 20)) {
                if (claim.isEmpty()) {
                    return all;
                }
                all.addAll(claim.rows());
                claim.markSent(Instant.now());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void recordsAndStatusesGoInWithTheCommitInOneOrderPerDevice(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            outbox(store);
            StoreTransaction tx = new StoreTransaction();
            // The summary (seq 3) arrives in the same batch before the utterances: it still goes after them.
            tx.add(record("d1", 3, "conversation"));
            tx.add(record("d1", 1, "utterance"));
            tx.add(record("d1", 2, "utterance"));
            tx.add(record("d2", 1, "telemetry"));
            String status = "{\"schema\":\"voc.status/1\",\"state\":\"online\"}";
            tx.add(new StatusUpdate("d1", "s1", true, "1.0", 0L, Instant.now(), status));
            store.commit(tx);
            StoreTransaction again = new StoreTransaction();
            again.add(record("d1", 3, "conversation")); // a duplicate record: no second event
            again.add(new StatusUpdate("d1", "s1", true, "1.0", 0L, Instant.now(), status)); // the same status again
            again.add(record("d1", 4, "utterance"));
            store.commit(again);

            OutboxStore os = new OutboxStore(store.dataSource(), store.dialect());
            os.ensureCursors("kafka");
            assertThat(os.lag("kafka").events()).isEqualTo(6);
            assertThat(os.lag("kafka").oldest()).isNotNull();
            List<OutboxRow> rows = drain(os, "kafka");
            List<String> d1 = rows.stream()
                    .filter(r -> r.deviceKey().equals("d1"))
                    .map(r -> r.kind() + ":" + r.dseq())
                    .toList();
            assertThat(d1).containsExactly("utterance:1", "utterance:2", "conversation:3", "status:4", "utterance:5");
            assertThat(rows)
                    .extracting(OutboxRow::eventId)
                    .doesNotHaveDuplicates()
                    .contains(ForwardEvent.recordEventId("d1", 3), ForwardEvent.recordEventId("d2", 1));
            assertThat(rows.stream()
                            .filter(r -> r.kind().equals("conversation"))
                            .findFirst()
                            .orElseThrow()
                            .payload())
                    .isEqualTo(record("d1", 3, "conversation").payloadJson());
            assertThat(os.lag("kafka").events()).isZero();
            assertThat(os.lag("kafka").oldest()).isNull();
            // A second sink starts from the beginning, independently.
            assertThat(drain(os, "http")).hasSize(6);
            // Nothing forwarded twice to the first sink after the cursor moved past the duplicate's gap.
            assertThat(drain(os, "kafka")).isEmpty();
            // Replay reads the range with the original ids; pruning keeps nothing unforwarded and nothing recent.
            assertThat(os.range(Instant.EPOCH, Instant.now().plusSeconds(1), "utterance", null, 0, 100))
                    .hasSize(3);
            assertThat(os.prune(Instant.now().minusSeconds(3600), 100)).isZero();
            assertThat(os.prune(Instant.now().plusSeconds(1), 100)).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRolledBackTransactionLeavesNoEvent(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            outbox(store);
            store.addParticipant((c, d, ch) -> {
                if (ch.insertedRecords().stream().anyMatch(r -> r.seq() == 2)) {
                    throw new SQLException("later participant failed");
                }
            });
            StoreTransaction ok = new StoreTransaction();
            ok.add(record("d1", 1, "utterance"));
            store.commit(ok);
            StoreTransaction bad = new StoreTransaction();
            bad.add(record("d1", 2, "utterance"));
            assertThatThrownBy(() -> store.commit(bad)).hasMessageContaining("later participant failed");
            StoreTransaction next = new StoreTransaction();
            next.add(record("d1", 3, "utterance"));
            store.commit(next);
            List<OutboxRow> rows = drain(new OutboxStore(store.dataSource(), store.dialect()), "kafka");
            assertThat(rows)
                    .extracting(OutboxRow::eventId)
                    .containsExactly(ForwardEvent.recordEventId("d1", 1), ForwardEvent.recordEventId("d1", 3));
            assertThat(rows).extracting(OutboxRow::dseq).containsExactly(1L, 2L); // the rollback took its dseq back
        }
    }

    /**
     * The set-based append (PostgreSQL) and the partial unique index on event ids (V81): a key seen for the first time
     * beside known keys gets its sequence row in the same append; an event of a kind that can come twice (an alert,
     * a case change) is kept once, also when both copies are in one append; a stored record's event needs no index.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void newKeysBesideKnownOnesAndEventsThatComeTwice(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            ForwardOutbox outbox = outbox(store);
            StoreTransaction first = new StoreTransaction();
            first.add(record("known", 1, "utterance"));
            store.commit(first);
            String alert = ForwardEvent.nameId("alert:rule-1:known");
            try (java.sql.Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                outbox.append(
                        c,
                        List.of(
                                new ForwardEvent("alert", "known", alert, "voc.alert/1", "{\"n\":1}"),
                                new ForwardEvent(
                                        "utterance",
                                        "zz-new",
                                        ForwardEvent.recordEventId("zz-new", 1),
                                        "voc.utterance/1",
                                        "{}"),
                                new ForwardEvent("alert", "known", alert, "voc.alert/1", "{\"n\":1}"),
                                new ForwardEvent(
                                        "utterance",
                                        "a-new",
                                        ForwardEvent.recordEventId("a-new", 1),
                                        "voc.utterance/1",
                                        "{}")));
                c.commit();
                outbox.append(c, List.of(new ForwardEvent("alert", "known", alert, "voc.alert/1", "{\"n\":1}")));
                c.commit();
            }
            List<OutboxRow> rows = drain(new OutboxStore(store.dataSource(), store.dialect()), "kafka");
            assertThat(rows)
                    .extracting(r -> r.deviceKey() + ":" + r.kind() + ":" + r.dseq())
                    .containsExactlyInAnyOrder(
                            "known:utterance:1", "known:alert:2", "zz-new:utterance:1", "a-new:utterance:1");
            assertThat(rows).extracting(OutboxRow::eventId).doesNotHaveDuplicates();
        }
    }

    /** Many writers on one device (as several gateways sharing the subscription): dseq order is commit order. */
    @Test
    void concurrentAppendersOnPostgresqlCommitInDseqOrderAndTwoClaimersNeverShareADevice() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create();
                JdbcVocStore store = TestStores.open("postgresql", dir, pg, 8)) {
            outbox(store);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        StoreTransaction tx = new StoreTransaction();
                        // Devices in different orders per writer: the outbox locks them sorted, so no deadlock.
                        List<String> devices = new ArrayList<>(List.of("a", "b", "c"));
                        Collections.rotate(devices, writer);
                        for (String d : devices) {
                            tx.add(record(d, writer * 1000L + i, "utterance"));
                        }
                        store.commit(tx);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            OutboxStore os = new OutboxStore(store.dataSource(), store.dialect());
            os.ensureCursors("kafka");
            try (OutboxStore.Claim first = os.claim("kafka", 2, 1000, 1 << 24);
                    OutboxStore.Claim second = os.claim("kafka", 2, 1000, 1 << 24)) {
                List<String> a = first.rows().stream()
                        .map(OutboxRow::deviceKey)
                        .distinct()
                        .toList();
                List<String> b = second.rows().stream()
                        .map(OutboxRow::deviceKey)
                        .distinct()
                        .toList();
                assertThat(a).hasSize(2);
                assertThat(b).hasSize(1).doesNotContainAnyElementsOf(a);
                first.markSent(Instant.now());
                second.markSent(Instant.now());
            }
            List<OutboxRow> rest = drain(os, "kafka");
            assertThat(rest).isEmpty();
            for (String d : List.of("a", "b", "c")) {
                List<OutboxRow> rows =
                        os.range(Instant.EPOCH, Instant.now().plusSeconds(1), null, null, 0, 10_000).stream()
                                .filter(r -> r.deviceKey().equals(d))
                                .toList();
                assertThat(rows).hasSize(240);
                assertThat(rows).extracting(OutboxRow::dseq).isSorted().doesNotHaveDuplicates();
                assertThat(rows.get(rows.size() - 1).dseq()).isEqualTo(240);
            }
        }
    }
}
