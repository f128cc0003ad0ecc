package io.vocedge.gateway.deadletter;

import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads {@code dead_letters} by reason code, time and id, oldest first (SQLite and PostgreSQL). */
public final class DeadLetterQuery {
    private final DataSource db;
    private final Dialect dialect;

    public DeadLetterQuery(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /**
     * @param reasonCode null = any
     * @param since null = any time
     * @param id null = any
     * @param pendingOnly only rows not redriven yet
     */
    public List<DeadLetterRow> find(String reasonCode, Instant since, Long id, boolean pendingOnly, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT id, received_at, gateway_id, topic, device_id, seq, reason_code, reason,"
                        + " payload, payload_encoding, payload_bytes, redriven_at, redrive_outcome FROM dead_letters WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (reasonCode != null) {
            sql.append(" AND reason_code = ?");
            args.add(reasonCode);
        }
        if (since != null) {
            sql.append(" AND received_at >= ?");
            args.add(since);
        }
        if (id != null) {
            sql.append(" AND id = ?");
            args.add(id);
        }
        if (pendingOnly) {
            sql.append(" AND redriven_at IS NULL");
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(limit);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant t) {
                    dialect.setTime(ps, i + 1, t);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, (String) a);
                }
            }
            List<DeadLetterRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    Long seqOrNull = rs.wasNull() ? null : seq;
                    out.add(new DeadLetterRow(
                            rs.getLong("id"),
                            dialect.getTime(rs, "received_at"),
                            rs.getString("gateway_id"),
                            rs.getString("topic"),
                            rs.getString("device_id"),
                            seqOrNull,
                            rs.getString("reason_code"),
                            rs.getString("reason"),
                            rs.getString("payload"),
                            rs.getString("payload_encoding"),
                            rs.getInt("payload_bytes"),
                            dialect.getTime(rs, "redriven_at"),
                            rs.getString("redrive_outcome")));
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return out;
        }
    }
}
