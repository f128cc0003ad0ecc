package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.gateway.forward.ForwardEvent;
import io.vocedge.gateway.forward.ForwardOutbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Alerts and cases for the central platform: appends {@code alert} ({@code voc.alert/1}) and {@code case}
 * ({@code voc.case/1}) events to the forwarding outbox in the transaction that writes the alert or changes the case,
 * so they exist exactly when the change does. The ordering key is the device for device and conversation problems and
 * {@code site:<site>} for site-wide ones, so an alert and the case it opens or joins keep their order. Titles and
 * details never carry transcript text (see {@link Firing}). Without a forwarding sink this writes nothing.
 */
public final class AlertFeed {
    public static final String ALERT = "alert";
    public static final String CASE = "case";
    public static final String ALERT_SCHEMA = io.vocedge.protocol.SchemaId.ALERT.toString();
    public static final String CASE_SCHEMA = io.vocedge.protocol.SchemaId.CASE.toString();

    private final ForwardOutbox outbox;
    private final ObjectMapper json;
    private final String gatewayId;

    /** @param outbox null or disabled: nothing is appended */
    public AlertFeed(ForwardOutbox outbox, ObjectMapper json, String gatewayId) {
        this.outbox = outbox;
        this.json = json;
        this.gatewayId = gatewayId;
    }

    /** A feed that appends nothing (alerts without forwarding, tests). */
    public static AlertFeed none() {
        return new AlertFeed(null, new ObjectMapper(), "-");
    }

    private boolean on() {
        return outbox != null && outbox.enabled();
    }

    /** The ordering key of a case key ({@code conv:<device>:...}, {@code device:<id>:...}, {@code site:<site>:...}). */
    static String orderingKey(String caseKey, String site) {
        String[] p = caseKey.split(":", 3);
        if (p.length >= 2 && (p[0].equals("conv") || p[0].equals("device")) && !p[1].isEmpty()) {
            return p[1];
        }
        return "site:" + site;
    }

    /** The alert just written (its row exists in this transaction). Event id: stable per dedupe key. */
    void alertFired(Connection c, String alertId, Firing f, String caseId, Instant committedAt) throws SQLException {
        if (!on()) {
            return;
        }
        ObjectNode n = json.createObjectNode();
        n.put("schema", ALERT_SCHEMA);
        n.put("alert_id", alertId);
        n.put("rule", f.rule().id());
        n.put("rule_kind", f.rule().kind().wire());
        n.put("severity", f.rule().severity().name().toLowerCase(java.util.Locale.ROOT));
        n.put("site", f.site());
        n.put("device_id", f.deviceId());
        n.put("conversation_id", f.conversationId());
        if (f.recordSeq() == null) {
            n.putNull("record_seq");
        } else {
            n.put("record_seq", f.recordSeq());
        }
        n.put("title", AlertWriter.clip(f.title(), 500));
        n.put("detail", AlertWriter.clip(f.detail(), 500));
        n.put("lang", f.lang());
        n.put("fired_at", f.at().toString());
        n.put("committed_at", committedAt.toString());
        n.put("case_id", caseId);
        n.put("gateway_id", gatewayId);
        String key = f.deviceId() != null ? f.deviceId() : orderingKey(f.caseKey(), f.site());
        outbox.append(
                c,
                List.of(new ForwardEvent(
                        ALERT, key, ForwardEvent.nameId("alert:" + f.dedupeKey()), ALERT_SCHEMA, text(n))));
    }

    /**
     * A case changed in this transaction ({@code action}: opened, alert, acknowledged, resolved, escalated): the case
     * as it is now, plus the change. Event id: stable per case, action, time, actor and note.
     */
    void caseChanged(Connection c, String caseId, Instant at, String actor, String action, String note)
            throws SQLException {
        if (!on()) {
            return;
        }
        ObjectNode n = json.createObjectNode();
        n.put("schema", CASE_SCHEMA);
        String caseKey;
        String site;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT case_key, site, title, severity, state, owner, chain_step,"
                        + " alert_count, opened_at, acked_at, resolved_at, resolution FROM cases WHERE id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("case " + caseId + " changed but not found");
                }
                caseKey = rs.getString("case_key");
                site = rs.getString("site");
                n.put("case_id", caseId);
                n.put("site", site);
                n.put("title", rs.getString("title"));
                n.put("severity", rs.getString("severity"));
                n.put("state", rs.getString("state"));
                n.put("owner", rs.getString("owner"));
                n.put("escalation_step", rs.getInt("chain_step"));
                n.put("alert_count", rs.getInt("alert_count"));
                n.put("opened_at", millis(rs, "opened_at"));
                n.put("acked_at", millis(rs, "acked_at"));
                n.put("resolved_at", millis(rs, "resolved_at"));
                n.put("resolution", rs.getString("resolution"));
            }
        }
        String key = orderingKey(caseKey, site);
        n.put("device_id", key.startsWith("site:") ? null : key);
        ObjectNode change = n.putObject("change");
        change.put("action", action);
        change.put("actor", AlertWriter.clip(actor, 128));
        change.put("at", at.toString());
        change.put("note", AlertWriter.clip(note, 1000));
        n.put("gateway_id", gatewayId);
        String id = ForwardEvent.nameId(
                "case:" + caseId + ":" + action + ":" + at.toEpochMilli() + ":" + actor + ":" + note);
        outbox.append(c, List.of(new ForwardEvent(CASE, key, id, CASE_SCHEMA, text(n))));
    }

    private String text(ObjectNode n) throws SQLException {
        try {
            return json.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("cannot write the forwarded event: " + e.getOriginalMessage(), e);
        }
    }

    private static String millis(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v).toString();
    }
}
