package io.vocedge.gateway.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Per-device sequence coverage from the store joined with the outbox state the device last reported in its status.
 * Reads the contiguous seq ranges the store keeps per device as records are stored ({@code device_seq_ranges}, V52):
 * O(devices + gaps), whatever the number of records, so the read API and the Fleet page can poll it.
 */
public final class CoverageQuery {
    public static final int MAX_GAPS = 20;

    private final DataSource db;
    private final Dialect dialect;
    private final ObjectMapper json = new ObjectMapper();

    public CoverageQuery(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** Every registered device (optionally of one site) with its coverage, by site and name. */
    public List<DeviceCoverage> devices(String site) throws SQLException {
        String where = site == null ? "" : " WHERE site = ?";
        try (Connection c = db.getConnection()) {
            // O(ranges): the store keeps each device's stored seqs as contiguous ranges (device_seq_ranges, V52).
            Map<String, long[]> counts = new HashMap<>();
            Map<String, List<DeviceCoverage.Range>> gaps = new HashMap<>();
            Map<String, Long> firstGap = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT device_id, from_seq, to_seq FROM device_seq_ranges"
                    + (site == null ? "" : " WHERE device_id IN (SELECT device_id FROM devices WHERE site = ?)")
                    + " ORDER BY device_id, from_seq")) {
                bind(ps, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String device = rs.getString(1);
                        long from = rs.getLong(2);
                        long to = rs.getLong(3);
                        long[] n = counts.computeIfAbsent(device, d -> new long[] {0, 0});
                        if (from > n[1] + 1) {
                            firstGap.putIfAbsent(device, n[1] + 1);
                            List<DeviceCoverage.Range> list = gaps.computeIfAbsent(device, d -> new ArrayList<>());
                            if (list.size() < MAX_GAPS) {
                                list.add(new DeviceCoverage.Range(n[1] + 1, from - 1));
                            }
                        }
                        n[0] += to - from + 1;
                        n[1] = Math.max(n[1], to);
                    }
                }
            }
            Map<String, DeviceCoverage> out = new LinkedHashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT device_id, site, name, state, last_seen, online, status_at,"
                            + " outbox_depth, last_status FROM devices" + where + " ORDER BY site, name, device_id")) {
                bind(ps, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String device = rs.getString("device_id");
                        long[] n = counts.getOrDefault(device, new long[] {0, 0});
                        long depth = rs.getLong("outbox_depth");
                        Long outboxDepth = rs.wasNull() ? null : depth;
                        JsonNode outbox = outbox(rs.getString("last_status"));
                        out.put(
                                device,
                                new DeviceCoverage(
                                        device,
                                        rs.getString("site"),
                                        rs.getString("name"),
                                        rs.getString("state"),
                                        dialect.getTime(rs, "last_seen"),
                                        rs.getBoolean("online"),
                                        dialect.getTime(rs, "status_at"),
                                        n[0],
                                        n[1],
                                        firstGap.containsKey(device) ? firstGap.get(device) - 1 : n[1],
                                        gaps.getOrDefault(device, List.of()),
                                        n[1] - n[0],
                                        // Long.valueOf: a bare long here would make the ternary unbox a null depth (NPE
                                        // for devices without one)
                                        outbox != null && outbox.hasNonNull("depth")
                                                ? Long.valueOf(
                                                        outbox.get("depth").asLong())
                                                : outboxDepth,
                                        time(outbox, "oldest_unsent_at"),
                                        number(outbox, "last_seq"),
                                        number(outbox, "evicted")));
                    }
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return new ArrayList<>(out.values());
        }
    }

    private static void bind(PreparedStatement ps, String site) throws SQLException {
        if (site != null) {
            ps.setString(1, site);
        }
    }

    private JsonNode outbox(String lastStatus) {
        if (lastStatus == null) {
            return null;
        }
        try {
            JsonNode o = json.readTree(lastStatus).get("outbox");
            return o != null && o.isObject() ? o : null;
        } catch (java.io.IOException e) {
            return null; // validated before it was stored; an unreadable one just has no outbox state
        }
    }

    private static Long number(JsonNode outbox, String field) {
        return outbox != null && outbox.path(field).canConvertToLong()
                ? outbox.get(field).asLong()
                : null;
    }

    private static Instant time(JsonNode outbox, String field) {
        if (outbox == null || !outbox.path(field).isTextual()) {
            return null;
        }
        try {
            return Instant.parse(outbox.get(field).asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
