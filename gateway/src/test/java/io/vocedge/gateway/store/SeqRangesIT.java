package io.vocedge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.coverage.CoverageQuery;
import io.vocedge.gateway.coverage.DeviceCoverage;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-device seq ranges the store keeps as records are stored (V52) always equal the islands of the stored seqs:
 * records arriving out of order, in many transactions, with duplicates and gaps, and after a forget deletes some; and
 * coverage read from them (stored, max seq, contiguous-to, gaps) is what a scan of the records gives.
 */
class SeqRangesIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void rangesFollowOutOfOrderInsertsDuplicatesAndForgets(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            Random random = new Random(14);
            Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
            for (String device : List.of("d1", "d2")) {
                store.register(new DeviceEntry(
                        device, "s1", device, null, DeviceEntry.REGISTERED, t0, null, null, false, null, null));
            }
            List<String[]> sent = new ArrayList<>();
            for (int seq = 1; seq <= 400; seq++) {
                if (random.nextInt(10) != 0) { // about one seq in ten never arrives: gaps
                    sent.add(new String[] {"d1", Integer.toString(seq)});
                }
                if (seq <= 50 && seq != 1) {
                    sent.add(new String[] {"d2", Integer.toString(seq)});
                }
            }
            Collections.shuffle(sent, random);
            for (int i = 0; i < sent.size(); i += 1 + random.nextInt(40)) {
                StoreTransaction tx = new StoreTransaction();
                for (String[] r : sent.subList(i, Math.min(sent.size(), i + 40))) { // overlapping windows: duplicates
                    tx.add(record(r[0], Long.parseLong(r[1]), t0));
                }
                store.commit(tx);
            }
            assertThat(ranges(store)).isEqualTo(islands(store));

            // A forget deletes a window of d1's records: its ranges are rebuilt in the same transaction.
            StoreTransaction tx = new StoreTransaction();
            tx.add(new ForgetRequest("forget-1", "d1", "s1", t0.plusSeconds(100), t0.plusSeconds(160)));
            store.commit(tx);
            List<String> afterForget = ranges(store);
            assertThat(afterForget).isEqualTo(islands(store));

            DeviceCoverage d1 = new CoverageQuery(store.dataSource(), store.dialect())
                    .devices("s1").stream()
                            .filter(d -> d.deviceId().equals("d1"))
                            .findFirst()
                            .orElseThrow();
            TreeSet<Long> stored = seqs(store, "d1");
            assertThat(d1.stored()).isEqualTo(stored.size());
            assertThat(d1.maxSeq()).isEqualTo(stored.last());
            assertThat(d1.missing()).isEqualTo(stored.last() - stored.size());
            long contiguous = 0;
            while (stored.contains(contiguous + 1)) {
                contiguous++;
            }
            assertThat(d1.contiguousTo()).isEqualTo(contiguous);
            List<DeviceCoverage.Range> gaps = new ArrayList<>();
            for (long s = 1; s < stored.last(); s++) {
                if (!stored.contains(s)) {
                    long from = s;
                    while (!stored.contains(s + 1)) {
                        s++;
                    }
                    gaps.add(new DeviceCoverage.Range(from, s));
                }
            }
            assertThat(gaps).as("forget made a gap and random loss others").hasSizeGreaterThan(3);
            assertThat(d1.gaps()).isEqualTo(gaps.subList(0, Math.min(gaps.size(), CoverageQuery.MAX_GAPS)));
            DeviceCoverage d2 = new CoverageQuery(store.dataSource(), store.dialect())
                    .devices(null).stream()
                            .filter(d -> d.deviceId().equals("d2"))
                            .findFirst()
                            .orElseThrow();
            assertThat(d2.stored()).isEqualTo(49);
            assertThat(d2.contiguousTo()).isZero();
            assertThat(d2.gaps()).containsExactly(new DeviceCoverage.Range(1, 1));

            // A full rebuild (what the migration and the benchmark generator do) gives the same ranges.
            try (Connection c = store.dataSource().getConnection()) {
                SeqRanges.rebuild(c, null);
                c.commit();
            }
            assertThat(ranges(store)).isEqualTo(afterForget);
        }
    }

    /**
     * Issue 18 (V84): the in-place extension (one UPDATE for all devices on PostgreSQL) and the run-by-run merge for the
     * rest keep the ranges equal to the islands after every transaction: seqs mostly in order (the fast path), some held
     * back and sent later (gaps, then gap fills that join two ranges or extend one downwards), several devices per
     * transaction, each seq sent once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void rangesEqualIslandsAfterEveryTransactionOfRandomInterleavings(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            Random random = new Random(18);
            Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
            List<String> devices = List.of("a", "b", "c", "d", "e");
            for (String device : devices) {
                store.register(new DeviceEntry(
                        device, "s1", device, null, DeviceEntry.REGISTERED, t0, null, null, false, null, null));
            }
            // Per device: 1..300 in order, except that about one seq in six is held back and sent 1-60 positions later
            // (a late gap fill), and device "e" starts at 5 with 1-4 arriving last (a run joining the range above).
            List<List<Long>> queues = new ArrayList<>();
            for (String device : devices) {
                List<Long> q = new ArrayList<>();
                for (long seq = device.equals("e") ? 5 : 1; seq <= 300; seq++) {
                    q.add(seq);
                }
                for (int i = 0; i < q.size(); i++) {
                    if (random.nextInt(6) == 0) {
                        long held = q.remove(i);
                        q.add(Math.min(q.size(), i + 1 + random.nextInt(60)), held);
                    }
                }
                if (device.equals("e")) {
                    q.addAll(List.of(3L, 1L, 4L, 2L));
                }
                queues.add(q);
            }
            int[] next = new int[devices.size()];
            int transactions = 0;
            while (true) {
                StoreTransaction tx = new StoreTransaction();
                int records = 0;
                for (int d = 0; d < devices.size(); d++) {
                    // 0-12 seqs of this device in this transaction: sometimes none, sometimes one, sometimes several
                    // runs
                    int n = Math.min(queues.get(d).size() - next[d], random.nextInt(13));
                    for (int i = 0; i < n; i++) {
                        tx.add(record(devices.get(d), queues.get(d).get(next[d]++), t0));
                        records++;
                    }
                }
                if (records == 0 && allSent(queues, next)) {
                    break;
                }
                store.commit(tx);
                transactions++;
                assertThat(ranges(store))
                        .as("after transaction %d", transactions)
                        .isEqualTo(islands(store, devices));
            }
            assertThat(ranges(store)).containsExactly("a:1-300", "b:1-300", "c:1-300", "d:1-300", "e:1-300");
            assertThat(transactions).isGreaterThan(50);
        }
    }

    private static boolean allSent(List<List<Long>> queues, int[] next) {
        for (int d = 0; d < queues.size(); d++) {
            if (next[d] < queues.get(d).size()) {
                return false;
            }
        }
        return true;
    }

    private static StoredRecord record(String device, long seq, Instant t0) {
        Instant at = t0.plusSeconds(seq);
        return new StoredRecord(
                device,
                seq,
                "voc.utterance/1",
                "utterance",
                "s1",
                "c" + seq / 10,
                "customer",
                "en",
                "text",
                "neutral",
                0.0,
                "v1",
                at,
                true,
                "boot",
                seq,
                at,
                at,
                List.of(),
                "{\"seq\":" + seq + "}");
    }

    private static List<String> ranges(JdbcVocStore store) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT device_id, from_seq, to_seq FROM device_seq_ranges ORDER BY device_id, from_seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getLong(2) + "-" + rs.getLong(3));
            }
            c.commit();
        }
        return out;
    }

    /** The islands of the stored seqs, computed here from a plain read of the records. */
    private static List<String> islands(JdbcVocStore store) throws Exception {
        return islands(store, List.of("d1", "d2"));
    }

    private static List<String> islands(JdbcVocStore store, List<String> devices) throws Exception {
        List<String> out = new ArrayList<>();
        for (String device : devices) {
            Long from = null;
            long prev = -1;
            for (long s : seqs(store, device)) {
                if (from != null && s != prev + 1) {
                    out.add(device + ":" + from + "-" + prev);
                    from = null;
                }
                if (from == null) {
                    from = s;
                }
                prev = s;
            }
            if (from != null) {
                out.add(device + ":" + from + "-" + prev);
            }
        }
        return out;
    }

    private static TreeSet<Long> seqs(JdbcVocStore store, String device) throws Exception {
        TreeSet<Long> out = new TreeSet<>();
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM records WHERE device_id = ?")) {
            ps.setString(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            c.commit();
        }
        return out;
    }
}
