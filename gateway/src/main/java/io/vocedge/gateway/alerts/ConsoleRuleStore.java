package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Alert rules made in the console, in the gateway store ({@code alert_rules}): each change in one transaction with
 * its audit entry ({@code alert_rule_events}: who, what, the rule before and after) and a bump of
 * {@code alert_rules_version}, which every gateway sharing the store polls to reload its rules.
 */
public final class ConsoleRuleStore {
    private final DataSource pool;
    private final Dialect dialect;
    private final ObjectMapper json;

    public ConsoleRuleStore(DataSource pool, Dialect dialect, ObjectMapper json) {
        this.pool = pool;
        this.dialect = dialect;
        this.json = json;
    }

    /** A stored rule: {@code definition} holds the fields of an {@code alerts.rules} entry (id included). */
    public record StoredRule(
            String id,
            String name,
            ObjectNode definition,
            boolean enabled,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt) {}

    /** One audited change. */
    public record Event(Instant at, String actor, String action, String ruleId, String before, String after) {}

    /** Thrown when a change names a rule that is not (or no longer) there, or a create finds one already. */
    public static final class Conflict extends Exception {
        public Conflict(String message) {
            super(message);
        }
    }

    public long version() throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT version FROM alert_rules_version WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            long v = rs.next() ? rs.getLong(1) : 0;
            c.rollback();
            return v;
        }
    }

    public List<StoredRule> list() throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                return query(c, null);
            } finally {
                c.rollback();
            }
        }
    }

    public StoredRule get(String id) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                List<StoredRule> r = query(c, id);
                return r.isEmpty() ? null : r.get(0);
            } finally {
                c.rollback();
            }
        }
    }

    /** Creates ({@code create}) or replaces a rule; the id is the definition's. */
    public void save(String actor, boolean create, String name, ObjectNode definition, boolean enabled, Instant now)
            throws SQLException, Conflict {
        save(actor, create, name, definition, enabled, now, null);
    }

    /**
     * As {@link #save(String, boolean, String, ObjectNode, boolean, Instant)}; an update with {@code openedAt} (the
     * rule's {@code updated_at} when the editor opened it, epoch ms) is refused when someone changed it since.
     */
    public void save(
            String actor,
            boolean create,
            String name,
            ObjectNode definition,
            boolean enabled,
            Instant now,
            Long openedAt)
            throws SQLException, Conflict {
        String id = definition.path("id").asText();
        change(actor, id, now, create ? "create" : "update", (c, before) -> {
            Instant at = after(before, now);
            if (create && before != null) {
                throw new Conflict("a console rule with id '" + id + "' exists already: edit it instead");
            }
            if (!create && before == null) {
                throw new Conflict("no console rule with id '" + id + "' (deleted meanwhile?)");
            }
            if (!create && openedAt != null && before.updatedAt().toEpochMilli() != openedAt) {
                throw new Conflict("rule '" + id + "' was changed by " + before.updatedBy() + " at "
                        + before.updatedAt() + " after you opened it: open it again and redo your change");
            }
            String sql = create
                    ? "INSERT INTO alert_rules (name, definition, enabled, created_by, created_at, updated_by, updated_at, id)"
                            + " VALUES (?,?,?,?,?,?,?,?)"
                    : "UPDATE alert_rules SET name = ?, definition = ?, enabled = ?, created_by = ?, created_at = ?,"
                            + " updated_by = ?, updated_at = ? WHERE id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, name);
                ps.setString(2, json.writeValueAsString(definition));
                ps.setInt(3, enabled ? 1 : 0);
                ps.setString(4, before == null ? actor : before.createdBy());
                ps.setLong(5, (before == null ? now : before.createdAt()).toEpochMilli());
                ps.setString(6, actor);
                ps.setLong(7, at.toEpochMilli());
                ps.setString(8, id);
                ps.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException(e.getMessage(), e);
            }
            return new StoredRule(
                    id,
                    name,
                    definition,
                    enabled,
                    before == null ? actor : before.createdBy(),
                    before == null ? now : before.createdAt(),
                    actor,
                    at);
        });
    }

    public void setEnabled(String actor, String id, boolean enabled, Instant now) throws SQLException, Conflict {
        change(actor, id, now, enabled ? "enable" : "disable", (c, before) -> {
            if (before == null) {
                throw new Conflict("no console rule with id '" + id + "'");
            }
            Instant at = after(before, now);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE alert_rules SET enabled = ?, updated_by = ?, updated_at = ?" + " WHERE id = ?")) {
                ps.setInt(1, enabled ? 1 : 0);
                ps.setString(2, actor);
                ps.setLong(3, at.toEpochMilli());
                ps.setString(4, id);
                ps.executeUpdate();
            }
            return new StoredRule(
                    id, before.name(), before.definition(), enabled, before.createdBy(), before.createdAt(), actor, at);
        });
    }

    public void delete(String actor, String id, Instant now) throws SQLException, Conflict {
        change(actor, id, now, "delete", (c, before) -> {
            if (before == null) {
                throw new Conflict("no console rule with id '" + id + "'");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_rules WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest changes, newest first. */
    public List<Event> events(int limit) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT at, actor, action, rule_id, before_rule, after_rule"
                        + " FROM alert_rule_events ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(
                            Instant.ofEpochMilli(rs.getLong(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
            c.rollback();
            return out;
        }
    }

    private interface Change {
        StoredRule apply(Connection c, StoredRule before) throws SQLException, Conflict;
    }

    /** A rule's updated_at only moves forward (an editor's "opened at" check must see every change). */
    private static Instant after(StoredRule before, Instant now) {
        return before != null && !now.isAfter(before.updatedAt())
                ? before.updatedAt().plusMillis(1)
                : now;
    }

    private void change(String actor, String id, Instant now, String action, Change change)
            throws SQLException, Conflict {
        try (Connection c = pool.getConnection()) {
            try {
                // The version row first: concurrent changes (several gateways, one PostgreSQL) queue behind its lock.
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE alert_rules_version SET version = version + 1" + " WHERE id = 1")) {
                    ps.executeUpdate();
                }
                List<StoredRule> found = query(c, id);
                StoredRule before = found.isEmpty() ? null : found.get(0);
                StoredRule after = change.apply(c, before);
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO alert_rule_events (at, actor, action, rule_id,"
                                + " before_rule, after_rule) VALUES (?,?,?,?,?,?)")) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setString(2, actor);
                    ps.setString(3, action);
                    ps.setString(4, id);
                    ps.setString(5, snapshot(before));
                    ps.setString(6, snapshot(after));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | Conflict | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private String snapshot(StoredRule r) {
        if (r == null) {
            return null;
        }
        ObjectNode n = json.createObjectNode();
        n.put("name", r.name());
        n.put("enabled", r.enabled());
        n.set("rule", r.definition());
        return n.toString();
    }

    private List<StoredRule> query(Connection c, String id) throws SQLException {
        String sql =
                "SELECT id, name, definition, enabled, created_by, created_at, updated_by, updated_at FROM alert_rules"
                        + (id == null ? "" : " WHERE id = ?") + " ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setString(1, id);
            }
            List<StoredRule> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode def;
                    try {
                        def = json.readTree(rs.getString("definition"));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        def = json.createObjectNode().put("id", rs.getString("id"));
                    }
                    out.add(new StoredRule(
                            rs.getString("id"),
                            rs.getString("name"),
                            def instanceof ObjectNode o
                                    ? o
                                    : json.createObjectNode().put("id", rs.getString("id")),
                            rs.getInt("enabled") != 0,
                            rs.getString("created_by"),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            rs.getString("updated_by"),
                            Instant.ofEpochMilli(rs.getLong("updated_at"))));
                }
            }
            return out;
        }
    }
}
