package io.vocedge.gateway.alerts;

import io.vocedge.gateway.alerts.AlertsSettings.Person;
import io.vocedge.gateway.alerts.AlertsSettings.Roster;
import io.vocedge.gateway.alerts.AlertsSettings.Site;
import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Cases: acknowledge, resolve (with a note), escalation along the roster's chain when a case stays unacknowledged
 * for {@code ack_within} counted in the site's store hours, the audit trail, and the figures for the console
 * (time to acknowledge and to resolve per site). Every change is one transaction with its audit entry.
 */
public final class CaseService {
    private final DataSource pool;
    private final Dialect dialect;
    private final AlertsSettings settings;
    private final AlertFeed feed;

    public CaseService(DataSource pool, Dialect dialect, AlertsSettings settings) {
        this(pool, dialect, settings, AlertFeed.none());
    }

    /** @param feed case events for the forwarding outbox, appended in the transaction that changes the case */
    public CaseService(DataSource pool, Dialect dialect, AlertsSettings settings, AlertFeed feed) {
        this.pool = pool;
        this.dialect = dialect;
        this.settings = settings;
        this.feed = feed;
    }

    /** Outcome of an ack or resolve. */
    public enum Change {
        DONE,
        ALREADY,
        NOT_FOUND
    }

    public Change acknowledge(String caseId, String actor, Instant now) throws SQLException {
        return transition(caseId, actor, now, "acknowledged", null);
    }

    public Change resolve(String caseId, String actor, String note, Instant now) throws SQLException {
        return transition(caseId, actor, now, "resolved", note);
    }

    private Change transition(String caseId, String actor, Instant now, String to, String note) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                String state;
                try (PreparedStatement ps = c.prepareStatement("SELECT state FROM cases WHERE id = ?"
                        + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : ""))) {
                    ps.setString(1, caseId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return Change.NOT_FOUND;
                        }
                        state = rs.getString(1);
                    }
                }
                if (state.equals("resolved") || state.equals(to)) {
                    c.rollback();
                    return Change.ALREADY;
                }
                String sql = to.equals("acknowledged")
                        ? "UPDATE cases SET state = 'acknowledged', acked_at = ? WHERE id = ?"
                        : "UPDATE cases SET state = 'resolved', resolved_at = ?, resolution = ?,"
                                + " acked_at = COALESCE(acked_at, ?) WHERE id = ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, now.toEpochMilli());
                    if (to.equals("acknowledged")) {
                        ps.setString(2, caseId);
                    } else {
                        ps.setString(2, AlertWriter.clip(note, 2000));
                        ps.setLong(3, now.toEpochMilli());
                        ps.setString(4, caseId);
                    }
                    ps.executeUpdate();
                }
                AlertWriter.event(c, caseId, now, actor, to, note);
                feed.caseChanged(c, caseId, now, actor, to, note);
                c.commit();
                return Change.DONE;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Escalates open cases whose current person did not acknowledge within the roster's {@code ack_within} of store
     * hours: the next person in the chain becomes owner and is notified (a new delivery of the case's newest alert,
     * marked with the step). Runs inside the caller's transaction.
     *
     * @return cases escalated
     */
    public int escalate(Connection c, Instant now) throws SQLException {
        List<Object[]> due = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id, site, roster_id, chain_step, step_started_at FROM cases"
                        + " WHERE state = 'open' AND roster_id IS NOT NULL")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5)
                    });
                }
            }
        }
        int n = 0;
        for (Object[] row : due) {
            Roster roster = settings.roster((String) row[2]);
            int step = (Integer) row[3];
            if (roster == null || step + 1 >= roster.chain().size()) {
                continue;
            }
            Site site = settings.site((String) row[1]);
            Duration waited = site.storeHours().overlap(Instant.ofEpochMilli((Long) row[4]), now, site.zone());
            if (waited.compareTo(roster.ackWithin()) < 0) {
                continue;
            }
            String caseId = (String) row[0];
            Person next = roster.chain().get(step + 1);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE cases SET chain_step = ?, owner = ?, step_started_at = ?"
                            + " WHERE id = ? AND chain_step = ? AND state = 'open'")) {
                ps.setInt(1, step + 1);
                ps.setString(2, next.name());
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, caseId);
                ps.setInt(5, step);
                if (ps.executeUpdate() == 0) {
                    continue;
                }
            }
            String alertId = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM alerts WHERE case_id = ? ORDER BY fired_at DESC, id" + " LIMIT 1")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        alertId = rs.getString(1);
                    }
                }
            }
            if (alertId != null) {
                Map<String, String> targets = new LinkedHashMap<>();
                next.channels().forEach(ch -> targets.put(ch, next.name()));
                AlertWriter.insertDeliveries(c, alertId, (String) row[1], targets, step + 1, now, now);
            }
            String why = "not acknowledged within " + io.vocedge.common.config.ConfigNode.format(roster.ackWithin())
                    + " of store hours; now " + next.name();
            AlertWriter.event(c, caseId, now, "system", "escalated", why);
            feed.caseChanged(c, caseId, now, "system", "escalated", why);
            n++;
        }
        return n;
    }

    /** A case as listed. */
    public record CaseView(
            String id,
            String site,
            String title,
            String severity,
            String state,
            String owner,
            int step,
            Instant openedAt,
            Instant ackedAt,
            Instant resolvedAt,
            String resolution,
            int alertCount) {}

    public List<CaseView> list(String site, String state, int limit) throws SQLException {
        return listForSites(site == null ? null : java.util.Set.of(site), state, limit);
    }

    /** Cases of these sites ({@code null}: every site), newest first. */
    public List<CaseView> listForSites(java.util.Set<String> sites, String state, int limit) throws SQLException {
        StringBuilder sql =
                new StringBuilder("SELECT id, site, title, severity, state, owner, chain_step, opened_at, acked_at,"
                        + " resolved_at, resolution, alert_count FROM cases WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (sites != null) {
            sql.append(
                    sites.isEmpty()
                            ? " AND 1 = 0"
                            : " AND site IN (" + String.join(",", java.util.Collections.nCopies(sites.size(), "?"))
                                    + ")");
            args.addAll(new java.util.TreeSet<>(sites));
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        sql.append(" ORDER BY opened_at DESC LIMIT ").append(Math.max(1, Math.min(limit, 1000)));
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<CaseView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            c.commit();
            return out;
        }
    }

    public CaseView get(String id) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, site, title, severity,"
                                + " state, owner, chain_step, opened_at, acked_at, resolved_at, resolution, alert_count FROM cases WHERE id = ?")) {
            ps.setString(1, id);
            CaseView v = null;
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    v = view(rs);
                }
            }
            c.commit();
            return v;
        }
    }

    private static CaseView view(ResultSet rs) throws SQLException {
        return new CaseView(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                time(rs, 8),
                time(rs, 9),
                time(rs, 10),
                rs.getString(11),
                rs.getInt(12));
    }

    private static Instant time(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** An alert of a case with its deliveries' states ({@code channel: state}). */
    public record AlertView(
            String id,
            String ruleId,
            String title,
            String detail,
            String deviceId,
            String conversationId,
            Instant firedAt,
            List<String> deliveries) {}

    public List<AlertView> alerts(String caseId) throws SQLException {
        Map<String, AlertView> out = new LinkedHashMap<>();
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT a.id, a.rule_id, a.title,"
                        + " a.detail, a.device_id, a.conversation_id, a.fired_at, d.channel_id, d.state, d.step, d.attempts"
                        + " FROM alerts a LEFT JOIN alert_deliveries d ON d.alert_id = a.id WHERE a.case_id = ?"
                        + " ORDER BY a.fired_at, a.id, d.step, d.channel_id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AlertView v = out.computeIfAbsent(rs.getString(1), id -> {
                        try {
                            return new AlertView(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    Instant.ofEpochMilli(rs.getLong(7)),
                                    new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (rs.getString(8) != null) {
                        v.deliveries()
                                .add(rs.getString(8) + (rs.getInt(10) > 0 ? " (step " + rs.getInt(10) + ")" : "") + ": "
                                        + rs.getString(9)
                                        + (rs.getInt(11) > 1 ? ", " + rs.getInt(11) + " attempts" : ""));
                    }
                }
            }
            c.commit();
        }
        return List.copyOf(out.values());
    }

    /** One audit entry. */
    public record Event(Instant at, String actor, String action, String note) {}

    public List<Event> events(String caseId) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT at, actor, action, note" + " FROM case_events WHERE case_id = ? ORDER BY at, id")) {
            ps.setString(1, caseId);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(
                            Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            c.commit();
            return out;
        }
    }

    /** Time to acknowledge / resolve per site over cases opened since {@code since} (medians and means, seconds). */
    public record SiteTimes(
            String site,
            int cases,
            int acknowledged,
            int resolved,
            Double medianAckSeconds,
            Double medianResolveSeconds) {}

    public List<SiteTimes> times(Instant since) throws SQLException {
        return times(since, null);
    }

    /** Per site of {@code sites} ({@code null}: every site). */
    public List<SiteTimes> times(Instant since, java.util.Set<String> sites) throws SQLException {
        Map<String, List<long[]>> bySite = new LinkedHashMap<>();
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT site, opened_at, acked_at,"
                        + " resolved_at FROM cases WHERE opened_at >= ? ORDER BY site")) {
            ps.setLong(1, since.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (sites != null && !sites.contains(rs.getString(1))) {
                        continue;
                    }
                    long opened = rs.getLong(2);
                    long acked = rs.getLong(3);
                    long ackedV = rs.wasNull() ? -1 : acked - opened;
                    long resolved = rs.getLong(4);
                    long resolvedV = rs.wasNull() ? -1 : resolved - opened;
                    bySite.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new long[] {ackedV, resolvedV});
                }
            }
            c.commit();
        }
        List<SiteTimes> out = new ArrayList<>();
        bySite.forEach((site, rows) -> {
            long[] acks = rows.stream()
                    .mapToLong(r -> r[0])
                    .filter(v -> v >= 0)
                    .sorted()
                    .toArray();
            long[] res = rows.stream()
                    .mapToLong(r -> r[1])
                    .filter(v -> v >= 0)
                    .sorted()
                    .toArray();
            out.add(new SiteTimes(site, rows.size(), acks.length, res.length, median(acks), median(res)));
        });
        return out;
    }

    private static Double median(long[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        long m = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return m / 1000.0;
    }
}
