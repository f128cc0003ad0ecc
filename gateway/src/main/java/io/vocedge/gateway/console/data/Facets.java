package io.vocedge.gateway.console.data;

import io.vocedge.gateway.console.auth.SiteScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The choices offered by the console's filter forms: the sites the caller may see (registered devices and sites with
 * rolled-up days) and the topics seen at those sites. Read from the small registry and roll-up tables, never from
 * {@code records}, so it stays cheap however many records there are.
 */
public final class Facets {
    private final DataSource db;

    public Facets(DataSource db) {
        this.db = db;
    }

    public List<String> sites(SiteScope scope) throws SQLException {
        List<Object> params = new ArrayList<>();
        String a = scope.sql("site", params);
        String b = scope.sql("site", params);
        return strings(
                "SELECT DISTINCT site FROM devices WHERE " + a
                        + " UNION SELECT DISTINCT site FROM trend_conversation_day" + " WHERE " + b,
                params);
    }

    public List<String> topics(SiteScope scope) throws SQLException {
        List<Object> params = new ArrayList<>();
        return strings("SELECT DISTINCT topic_id FROM trend_topic_day WHERE " + scope.sql("site", params), params);
    }

    private List<String> strings(String sql, List<Object> params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, (String) params.get(i));
            }
            TreeSet<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            c.commit();
            return List.copyOf(out);
        }
    }
}
