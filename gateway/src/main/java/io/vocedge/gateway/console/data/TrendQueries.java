package io.vocedge.gateway.console.data;

import io.vocedge.gateway.console.auth.SiteScope;
import io.vocedge.gateway.console.data.TrendReport.SitePeriod;
import io.vocedge.gateway.console.data.Views.TrendRow;
import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads the daily roll-ups the console's indexer keeps ({@code trend_topic_day}, {@code trend_conversation_day}; one
 * row per day, site and topic), summed per day or ISO week in SQL. The caller's {@link SiteScope} and the requested
 * sites are both in the WHERE clause: a site manager's trends, API answers and CSV files hold only their own sites.
 * Cost grows with days x sites x topics, never with the number of records.
 */
public final class TrendQueries {
    private final DataSource db;
    private final Dialect dialect;

    public TrendQueries(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    public TrendReport report(SiteScope scope, TrendRequest req) throws SQLException {
        SiteScope effective = req.sites().isEmpty()
                ? scope
                : SiteScope.only(
                        Set.copyOf(req.sites().stream().filter(scope::allows).toList()));
        String period = req.weekly() ? weekStart() : "day";
        try (Connection c = db.getConnection()) {
            List<TrendRow> topics = new ArrayList<>();
            List<Object> params =
                    new ArrayList<>(List.of(req.since().toString(), req.until().toString()));
            String sql = "SELECT " + period
                    + " AS period, site, topic_id, SUM(mentions), SUM(negative) FROM trend_topic_day"
                    + " WHERE day >= ? AND day <= ? AND " + effective.sql("site", params)
                    + (req.topic() != null ? " AND topic_id = ?" : "") + " GROUP BY " + period + ", site, topic_id"
                    + " ORDER BY 1, 2, 3";
            if (req.topic() != null) {
                params.add(req.topic());
            }
            try (PreparedStatement ps = prepare(c, sql, params);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    topics.add(new TrendRow(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            List<SitePeriod> conversations = new ArrayList<>();
            params = new ArrayList<>(List.of(req.since().toString(), req.until().toString()));
            sql = "SELECT " + period
                    + " AS period, site, SUM(conversations), SUM(greeting), SUM(thanks), SUM(no_profanity),"
                    + " SUM(attention), SUM(score_sum), SUM(score_n) FROM trend_conversation_day WHERE day >= ? AND day <= ? AND "
                    + effective.sql("site", params) + " GROUP BY " + period + ", site ORDER BY 1, 2";
            try (PreparedStatement ps = prepare(c, sql, params);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    conversations.add(new SitePeriod(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getDouble(8),
                            rs.getLong(9)));
                }
            }
            c.commit();
            return new TrendReport(req, topics, conversations);
        }
    }

    /** The Monday of the ISO week of {@code day} (a 'YYYY-MM-DD' text column), as 'YYYY-MM-DD'. */
    private String weekStart() {
        if (dialect == Dialect.POSTGRESQL) {
            return "to_char(date_trunc('week', CAST(day AS date)), 'YYYY-MM-DD')";
        }
        return "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')";
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, (String) params.get(i));
        }
        return ps;
    }
}
