package io.vocedge.gateway.alerts;

import io.vocedge.gateway.alerts.AlertsSettings.Person;
import io.vocedge.gateway.alerts.AlertsSettings.Roster;
import io.vocedge.gateway.alerts.AlertsSettings.Rule;
import io.vocedge.gateway.alerts.AlertsSettings.Severity;
import io.vocedge.gateway.alerts.AlertsSettings.Site;
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
import java.util.UUID;

/**
 * Writes a firing inside the caller's transaction: the alert (once per dedupe key), its case (opened, or joined
 * while one for the same conversation or device problem is not resolved), an audit entry, and one delivery row per
 * channel to notify. Routing: the rule's channels (all channels when the rule names neither channels nor a roster),
 * plus the channels of the roster's person on duty, who becomes the case's owner.
 */
public final class AlertWriter {
    private final AlertsSettings settings;
    private final AlertFeed feed;

    public AlertWriter(AlertsSettings settings) {
        this(settings, AlertFeed.none());
    }

    /** @param feed alert and case events for the forwarding outbox, appended in the same transaction */
    public AlertWriter(AlertsSettings settings, AlertFeed feed) {
        this.settings = settings;
        this.feed = feed;
    }

    /** What was written for one firing (null alert id: the dedupe key had fired already). */
    public record Written(String alertId, String caseId, boolean caseOpened, int deliveries, String ruleId) {}

    public Written write(Connection c, Dialect d, Firing f, Instant now) throws SQLException {
        if (RuleEngine.exists(c, f.dedupeKey())) {
            return new Written(null, null, false, 0, f.rule().id());
        }
        String alertId = UUID.randomUUID().toString();
        String candidateCase = UUID.randomUUID().toString();
        try (PreparedStatement ps =
                c.prepareStatement(d.insertIgnore + " alerts (id, dedupe_key, rule_id, rule_kind, severity,"
                        + " site, device_id, conversation_id, record_seq, title, detail, lang, fired_at, committed_at, case_id)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" + d.onConflictIgnore("dedupe_key"))) {
            ps.setString(1, alertId);
            ps.setString(2, f.dedupeKey());
            ps.setString(3, f.rule().id());
            ps.setString(4, f.rule().kind().wire());
            ps.setString(5, f.rule().severity().name().toLowerCase(java.util.Locale.ROOT));
            ps.setString(6, f.site());
            ps.setString(7, f.deviceId());
            ps.setString(8, f.conversationId());
            if (f.recordSeq() == null) {
                ps.setNull(9, java.sql.Types.BIGINT);
            } else {
                ps.setLong(9, f.recordSeq());
            }
            ps.setString(10, clip(f.title(), 500));
            ps.setString(11, clip(f.detail(), 500));
            ps.setString(12, f.lang());
            ps.setLong(13, f.at().toEpochMilli());
            ps.setLong(14, now.toEpochMilli());
            ps.setString(15, candidateCase);
            if (ps.executeUpdate() == 0) {
                return new Written(null, null, false, 0, f.rule().id()); // another gateway wrote it first
            }
        }
        Site site = settings.site(f.site());
        Roster roster = routeRoster(f.rule(), f.site());
        CaseRow existing = openCase(c, f.caseKey());
        boolean opened = false;
        if (existing == null) {
            int first = roster == null ? 0 : onDuty(roster, site, now);
            try (PreparedStatement ps =
                    c.prepareStatement(d.insertIgnore + " cases (id, case_key, site, title, severity, state,"
                            + " owner, roster_id, chain_step, step_started_at, opened_at, alert_count) VALUES (?,?,?,?,?,'open',?,?,?,?,?,1)"
                            + (d == Dialect.POSTGRESQL
                                    ? " ON CONFLICT (case_key) WHERE state <> 'resolved' DO NOTHING"
                                    : ""))) {
                ps.setString(1, candidateCase);
                ps.setString(2, f.caseKey());
                ps.setString(3, f.site());
                ps.setString(4, clip(f.title(), 500));
                ps.setString(5, f.rule().severity().name().toLowerCase(java.util.Locale.ROOT));
                ps.setString(
                        6, roster == null ? null : roster.chain().get(first).name());
                ps.setString(7, roster == null ? null : roster.id());
                ps.setInt(8, first);
                ps.setLong(9, now.toEpochMilli());
                ps.setLong(10, now.toEpochMilli());
                opened = ps.executeUpdate() == 1;
            }
            if (opened) {
                existing = new CaseRow(candidateCase, first, null, roster == null ? null : roster.id());
                event(c, candidateCase, now, "system", "opened", f.rule().id() + ": " + f.title());
            } else {
                existing = openCase(c, f.caseKey()); // opened concurrently by another gateway
                if (existing == null) {
                    throw new SQLException("case " + f.caseKey() + " neither inserted nor found");
                }
            }
        }
        String caseId = existing.id();
        int step = existing.step();
        if (!opened) {
            roster = existing.rosterId() == null ? roster : settings.roster(existing.rosterId());
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET alert_count = alert_count + 1,"
                    + " severity = CASE WHEN ? = 'critical' THEN 'critical' ELSE severity END WHERE id = ?")) {
                ps.setString(1, f.rule().severity().name().toLowerCase(java.util.Locale.ROOT));
                ps.setString(2, caseId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET case_id = ? WHERE id = ?")) {
                ps.setString(1, caseId);
                ps.setString(2, alertId);
                ps.executeUpdate();
            }
            event(c, caseId, now, "system", "alert", f.rule().id() + ": " + f.title());
        }
        Map<String, String> targets = targets(f.rule(), roster, step);
        Instant due = holdUntil(f.rule(), site, now);
        int n = insertDeliveries(c, alertId, f.site(), targets, step, due, now);
        // For the central platform, in this transaction: the alert, then the case it opened or joined.
        feed.alertFired(c, alertId, f, caseId, now);
        feed.caseChanged(
                c, caseId, now, "system", opened ? "opened" : "alert", f.rule().id() + ": " + f.title());
        return new Written(alertId, caseId, opened, n, f.rule().id());
    }

    private Roster routeRoster(Rule rule, String site) {
        Roster r = settings.roster(rule.roster());
        return r != null && r.covers(site) ? r : null;
    }

    /** The first person in the chain whose hours cover now (the chain's head when none does). */
    static int onDuty(Roster roster, Site site, Instant now) {
        for (int i = 0; i < roster.chain().size(); i++) {
            if (roster.chain().get(i).hours().contains(now, site.zone())) {
                return i;
            }
        }
        return 0;
    }

    /** channel id -> recipient (person name, or null for the rule's own channels). */
    Map<String, String> targets(Rule rule, Roster roster, int step) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rule.channels().isEmpty() && roster == null) {
            settings.channels().forEach(ch -> out.put(ch.id(), null));
        }
        rule.channels().forEach(ch -> out.put(ch, null));
        if (roster != null && step < roster.chain().size()) {
            Person p = roster.chain().get(step);
            p.channels().forEach(ch -> out.put(ch, p.name()));
        }
        return out;
    }

    /** Quiet hours (the rule's, else the site's) hold info and warning notifications; critical ones go at once. */
    static Instant holdUntil(Rule rule, Site site, Instant now) {
        DailyWindow quiet = rule.quietHours() != null ? rule.quietHours() : site.quietHours();
        if (quiet == null || rule.severity() == Severity.CRITICAL) {
            return now;
        }
        return quiet.endAfter(now, site.zone());
    }

    static int insertDeliveries(
            Connection c, String alertId, String site, Map<String, String> targets, int step, Instant due, Instant now)
            throws SQLException {
        if (targets.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO alert_deliveries (alert_id, channel_id, step, recipient,"
                        + " site, state, attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,'pending',0,?,?)")) {
            for (Map.Entry<String, String> t : targets.entrySet()) {
                ps.setString(1, alertId);
                ps.setString(2, t.getKey());
                ps.setInt(3, step);
                ps.setString(4, t.getValue());
                ps.setString(5, site);
                ps.setLong(6, due.toEpochMilli());
                ps.setLong(7, now.toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return targets.size();
    }

    record CaseRow(String id, int step, String owner, String rosterId) {}

    static CaseRow openCase(Connection c, String caseKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, chain_step, owner, roster_id FROM cases WHERE case_key = ?" + " AND state <> 'resolved'")) {
            ps.setString(1, caseKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new CaseRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)) : null;
            }
        }
    }

    static void event(Connection c, String caseId, Instant at, String actor, String action, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO case_events (case_id, at, actor, action, note)" + " VALUES (?,?,?,?,?)")) {
            ps.setString(1, caseId);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, clip(actor, 128));
            ps.setString(4, action);
            ps.setString(5, clip(note, 1000));
            ps.executeUpdate();
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Writes several firings; returns those that became alerts. */
    public List<Written> writeAll(Connection c, Dialect d, List<Firing> firings, Instant now) throws SQLException {
        List<Written> out = new ArrayList<>();
        for (Firing f : firings) {
            Written w = write(c, d, f, now);
            if (w.alertId() != null) {
                out.add(w);
            }
        }
        return out;
    }
}
