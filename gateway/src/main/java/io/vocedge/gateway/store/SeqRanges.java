package io.vocedge.gateway.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps {@code device_seq_ranges} (V52, V84): each device's stored seqs as contiguous ranges, updated inside the store
 * transaction that inserts the records, so coverage reads O(ranges) rows instead of every record. Records are only
 * ever new here (duplicates are not passed in), so a run of new seqs never overlaps a stored range: it is merged with
 * the range ending just below it and the one starting just above it.
 *
 * <p>The common case, a device's new seqs extending its newest range, is one UPDATE of {@code to_seq} for every device
 * of the transaction on PostgreSQL: no indexed column changes (V84 dropped the (device_id, to_seq) index and left room
 * on each page), so it is a HOT update and leaves no dead index entries for later statements to wade through. The
 * rest (a device's first range, gaps, a run joining two ranges; everything on SQLite, which runs in-process) goes
 * through {@link #merge} run by run.
 */
public final class SeqRanges {
    /** A maximal run of consecutive new seqs of one device. */
    record Run(String device, long from, long to) {}

    /**
     * Extends the range ending at {@code lo - 1} to {@code hi} when no range starts at {@code hi + 1}. The range below is
     * found through the primary key (the greatest from_seq below lo). {@code r.to_seq = m.lo - 1} is repeated on the
     * target so a concurrent change of that row is re-checked (READ COMMITTED) instead of overwritten.
     */
    private static final String EXTEND_PG = "UPDATE device_seq_ranges r SET to_seq = m.hi FROM (SELECT u.device,"
            + " u.lo, u.hi, p.from_seq FROM unnest(?::text[], ?::bigint[], ?::bigint[]) u(device, lo, hi)"
            + " CROSS JOIN LATERAL (SELECT x.from_seq, x.to_seq FROM device_seq_ranges x WHERE x.device_id = u.device"
            + " AND x.from_seq < u.lo ORDER BY x.from_seq DESC LIMIT 1) p WHERE p.to_seq = u.lo - 1 AND NOT EXISTS"
            + " (SELECT 1 FROM device_seq_ranges y WHERE y.device_id = u.device AND y.from_seq = u.hi + 1)) m"
            + " WHERE r.device_id = m.device AND r.from_seq = m.from_seq AND r.to_seq = m.lo - 1"
            + " RETURNING r.device_id, r.to_seq";

    private SeqRanges() {}

    /** Adds the seqs of newly inserted records. */
    public static void add(Connection c, Dialect dialect, List<StoredRecord> inserted) throws SQLException {
        if (inserted.isEmpty()) {
            return;
        }
        List<Run> runs = runs(inserted);
        List<Run> rest = dialect == Dialect.POSTGRESQL ? extendInPlace(c, runs) : runs;
        if (rest.isEmpty()) {
            return;
        }
        try (Merger m = new Merger(c)) {
            for (Run r : rest) {
                m.merge(r);
            }
        }
    }

    /** The maximal runs of consecutive seqs per device, by device then seq. */
    static List<Run> runs(List<StoredRecord> inserted) {
        Map<String, List<Long>> byDevice = new TreeMap<>();
        for (StoredRecord r : inserted) {
            byDevice.computeIfAbsent(r.deviceId(), d -> new ArrayList<>()).add(r.seq());
        }
        List<Run> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : byDevice.entrySet()) {
            List<Long> seqs = e.getValue();
            seqs.sort(null);
            long from = seqs.get(0);
            long to = from;
            for (int i = 1; i < seqs.size(); i++) {
                long s = seqs.get(i);
                if (s == to + 1) {
                    to = s;
                } else if (s != to) {
                    out.add(new Run(e.getKey(), from, to));
                    from = s;
                    to = s;
                }
            }
            out.add(new Run(e.getKey(), from, to));
        }
        return out;
    }

    /**
     * PostgreSQL: one statement extends every range a run continues with nothing just above it; returns the runs it did
     * not handle. Runs of one batch are disjoint and never adjacent, so each targets a different row and none creates
     * the "range starting at hi + 1" another one checks.
     */
    private static List<Run> extendInPlace(Connection c, List<Run> runs) throws SQLException {
        String[] devices = new String[runs.size()];
        Long[] lo = new Long[runs.size()];
        Long[] hi = new Long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            devices[i] = runs.get(i).device();
            lo[i] = runs.get(i).from();
            hi[i] = runs.get(i).to();
        }
        Set<Run> handled = new HashSet<>();
        Array a1 = c.createArrayOf("text", devices);
        Array a2 = c.createArrayOf("bigint", lo);
        Array a3 = c.createArrayOf("bigint", hi);
        try (PreparedStatement ps = c.prepareStatement(EXTEND_PG)) {
            ps.setArray(1, a1);
            ps.setArray(2, a2);
            ps.setArray(3, a3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handled.add(new Run(rs.getString(1), 0, rs.getLong(2)));
                }
            }
        } finally {
            a1.free();
            a2.free();
            a3.free();
        }
        if (handled.isEmpty()) {
            return runs;
        }
        List<Run> rest = new ArrayList<>();
        for (Run r : runs) {
            if (!handled.contains(new Run(r.device(), 0, r.to()))) {
                rest.add(r);
            }
        }
        return rest;
    }

    /** Merges runs one at a time (statements prepared once per transaction), on the table as it is now. */
    private static final class Merger implements AutoCloseable {
        private final PreparedStatement below;
        private final PreparedStatement above;
        private final PreparedStatement delete;
        private final PreparedStatement extend;
        private final PreparedStatement insert;

        Merger(Connection c) throws SQLException {
            // The range ending just below a run, through the primary key (no index on to_seq since V84).
            below = c.prepareStatement("SELECT from_seq, to_seq FROM device_seq_ranges WHERE device_id = ?"
                    + " AND from_seq < ? ORDER BY from_seq DESC LIMIT 1");
            above = c.prepareStatement("SELECT to_seq FROM device_seq_ranges WHERE device_id = ? AND from_seq = ?");
            delete = c.prepareStatement("DELETE FROM device_seq_ranges WHERE device_id = ? AND from_seq = ?");
            extend = c.prepareStatement("UPDATE device_seq_ranges SET to_seq = ? WHERE device_id = ? AND from_seq = ?");
            insert = c.prepareStatement("INSERT INTO device_seq_ranges (device_id, from_seq, to_seq) VALUES (?,?,?)");
        }

        void merge(Run run) throws SQLException {
            Long lo = null;
            below.setString(1, run.device());
            below.setLong(2, run.from());
            try (ResultSet rs = below.executeQuery()) {
                if (rs.next() && rs.getLong(2) == run.from() - 1) {
                    lo = rs.getLong(1);
                }
            }
            long hi = run.to();
            above.setString(1, run.device());
            above.setLong(2, run.to() + 1);
            boolean joinsAbove = false;
            try (ResultSet rs = above.executeQuery()) {
                if (rs.next()) {
                    hi = rs.getLong(1);
                    joinsAbove = true;
                }
            }
            if (joinsAbove) {
                delete.setString(1, run.device());
                delete.setLong(2, run.to() + 1);
                delete.executeUpdate();
            }
            if (lo != null) { // keep the row below, only its to_seq changes (a HOT update on PostgreSQL)
                extend.setLong(1, hi);
                extend.setString(2, run.device());
                extend.setLong(3, lo);
                extend.executeUpdate();
            } else {
                insert.setString(1, run.device());
                insert.setLong(2, run.from());
                insert.setLong(3, hi);
                insert.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            try (below;
                    above;
                    delete;
                    extend;
                    insert) {
                // closes all five, even if one throws
            }
        }
    }

    /** Rebuilds one device's ranges from its records (after records were deleted); null rebuilds every device. */
    public static void rebuild(Connection c, String device) throws SQLException {
        String where = device == null ? "" : " WHERE device_id = ?";
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM device_seq_ranges" + where)) {
            if (device != null) {
                ps.setString(1, device);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_seq_ranges (device_id, from_seq, to_seq)"
                + " SELECT device_id, MIN(seq), MAX(seq) FROM (SELECT device_id, seq, seq - ROW_NUMBER() OVER"
                + " (PARTITION BY device_id ORDER BY seq) AS run FROM records" + where
                + ") r GROUP BY device_id, run")) {
            if (device != null) {
                ps.setString(1, device);
            }
            ps.executeUpdate();
        }
    }
}
