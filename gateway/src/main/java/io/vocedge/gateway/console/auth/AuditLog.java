package io.vocedge.gateway.console.auth;

import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.tinylog.Logger;

/**
 * Who read or did what, when: every read of transcript text (conversation page, search, record export, API), sign-ins
 * and remote commands. Written to {@code console_audit} before the answer is sent: if the audit row cannot be written
 * the read fails (no unaudited transcript reads). Also one INFO line per entry (no transcript text).
 */
public final class AuditLog {
    private final DataSource db;
    private final Dialect dialect;

    public AuditLog(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    public void record(String actor, String action, String target, String site, String detail) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO console_audit (at, actor, action, target, site, detail)"
                                + " VALUES (?,?,?,?,?,?)")) {
            dialect.setTime(ps, 1, Instant.now());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, cut(target));
            ps.setString(5, site);
            ps.setString(6, cut(detail));
            ps.executeUpdate();
            c.commit();
        }
        Logger.info("event=console_audit actor={} action={} target={} site={}", actor, action, cut(target), site);
    }

    /** The newest entries, newest first (admin view and tests). */
    public List<Map<String, Object>> recent(int limit) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT at, actor, action, target, site, detail FROM console_audit"
                                + " ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", String.valueOf(dialect.getTime(rs, "at")));
                    m.put("actor", rs.getString("actor"));
                    m.put("action", rs.getString("action"));
                    m.put("target", rs.getString("target"));
                    m.put("site", rs.getString("site"));
                    m.put("detail", rs.getString("detail"));
                    out.add(m);
                }
            }
            c.commit();
            return out;
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
