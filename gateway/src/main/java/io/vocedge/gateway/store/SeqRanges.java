package io.vocedge.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps {@code device_seq_ranges} (V52): each device's stored seqs as contiguous ranges, updated inside the store
 * transaction that inserts the records, so coverage reads O(ranges) rows instead of every record. Records are only
 * ever new here (duplicates are not passed in), so a run of new seqs never overlaps a stored range: it is merged with
 * the range ending just below it and the one starting just above it.
 */
public final class SeqRanges {
    private SeqRanges() {}

    /** Adds the seqs of newly inserted records. */
    public static void add(Connection c, List<StoredRecord> inserted) throws SQLException {
        if (inserted.isEmpty()) {
            return;
        }
        Map<String, List<Long>> byDevice = new TreeMap<>();
        for (StoredRecord r : inserted) {
            byDevice.computeIfAbsent(r.deviceId(), d -> new ArrayList<>()).add(r.seq());
        }
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
                    merge(c, e.getKey(), from, to);
                    from = s;
                    to = s;
                }
            }
            merge(c, e.getKey(), from, to);
        }
    }

    private static void merge(Connection c, String device, long from, long to) throws SQLException {
        long lo = from;
        long hi = to;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT from_seq FROM device_seq_ranges WHERE device_id = ? AND to_seq = ?")) {
            ps.setString(1, device);
            ps.setLong(2, from - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lo = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT to_seq FROM device_seq_ranges WHERE device_id = ? AND from_seq = ?")) {
            ps.setString(1, device);
            ps.setLong(2, to + 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hi = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM device_seq_ranges WHERE device_id = ? AND (from_seq = ? OR from_seq = ?)")) {
            ps.setString(1, device);
            ps.setLong(2, lo);
            ps.setLong(3, to + 1);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO device_seq_ranges (device_id, from_seq, to_seq) VALUES (?,?,?)")) {
            ps.setString(1, device);
            ps.setLong(2, lo);
            ps.setLong(3, hi);
            ps.executeUpdate();
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
