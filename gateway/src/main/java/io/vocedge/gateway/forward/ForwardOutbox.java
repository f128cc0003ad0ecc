package io.vocedge.gateway.forward;

import io.vocedge.gateway.store.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends events to the forwarding outbox inside the caller's transaction (a {@code CommitParticipant}): the event
 * exists exactly when the data it describes does. Call it from a participant with the connection you were given;
 * never commit that connection yourself.
 *
 * <p>Order: each device key has one sequence ({@code dseq}) for all kinds. Appending locks the key's row in
 * {@code forward_device} until the transaction ends, so two transactions appending for one key commit in dseq order,
 * and a forwarder that publishes a key's events in dseq order publishes them in commit order. Keys are locked in
 * sorted order within one call (no deadlock between two appends); appending twice in one transaction is fine.
 *
 * <p>When no sink is configured the outbox is disabled and {@link #append} writes nothing (no cost on ingest); events
 * of that time are never forwarded (replay covers only what the outbox holds).
 *
 * <p>An event whose id is already in the outbox is ignored (the same status re-sent, an alert evaluated twice).
 */
public final class ForwardOutbox {
    private final Dialect dialect;
    private final String gatewayId;
    private final boolean enabled;
    private final Clock clock;
    private final Runnable onAppend;

    /**
     * @param onAppend told after each append with events (not after the commit: a forwarder woken early finds the
     *     rows a moment later on its next poll)
     */
    public ForwardOutbox(Dialect dialect, String gatewayId, boolean enabled, Clock clock, Runnable onAppend) {
        this.dialect = dialect;
        this.gatewayId = gatewayId;
        this.enabled = enabled;
        this.clock = clock;
        this.onAppend = onAppend;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Appends one event in the caller's transaction. */
    public void append(Connection c, String kind, String deviceKey, String eventId, String schemaId, String json)
            throws SQLException {
        append(c, List.of(new ForwardEvent(kind, deviceKey, eventId, schemaId, json)));
    }

    /** Appends events in the caller's transaction; per device key they keep the order of the list. */
    public void append(Connection c, List<ForwardEvent> events) throws SQLException {
        if (!enabled || events.isEmpty()) {
            return;
        }
        Map<String, List<ForwardEvent>> byKey = new TreeMap<>();
        for (ForwardEvent e : events) {
            byKey.computeIfAbsent(e.deviceKey(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Long> last = reserve(c, byKey);
        java.time.Instant at = clock.instant();
        try (PreparedStatement ps = c.prepareStatement(dialect.insertIgnore + " forward_outbox (device_key, dseq, event_id,"
                + " kind, schema_id, created_at, gateway_id, payload, bytes) VALUES (?,?,?,?,?,?,?,?,?)"
                + dialect.onConflictIgnore("event_id"))) {
            for (Map.Entry<String, List<ForwardEvent>> k : byKey.entrySet()) {
                long dseq = last.get(k.getKey()) - k.getValue().size();
                for (ForwardEvent e : k.getValue()) {
                    ps.setString(1, e.deviceKey());
                    ps.setLong(2, ++dseq);
                    ps.setString(3, e.eventId());
                    ps.setString(4, e.kind());
                    ps.setString(5, e.schemaId());
                    dialect.setTime(ps, 6, at);
                    ps.setString(7, gatewayId);
                    ps.setString(8, e.json());
                    ps.setInt(9, e.json().getBytes(StandardCharsets.UTF_8).length);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        onAppend.run();
    }

    /** Locks each key's sequence row (sorted order) and advances it; returns the new last dseq per key. */
    private Map<String, Long> reserve(Connection c, Map<String, List<ForwardEvent>> byKey) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(dialect.insertIgnore + " forward_device (device_key, last_dseq)"
                + " VALUES (?, 0)" + dialect.onConflictIgnore("device_key"))) {
            for (String key : byKey.keySet()) {
                ins.setString(1, key);
                ins.addBatch();
            }
            ins.executeBatch();
        }
        Map<String, Long> last = new LinkedHashMap<>();
        // Row locks in sorted order (PostgreSQL sorts before it locks): concurrent appenders queue per key and never
        // deadlock each other. SQLite has one writer at a time, which orders them the same way.
        String keys = dialect == Dialect.POSTGRESQL ? "device_key = ANY(?)"
                : "device_key IN (" + String.join(",", java.util.Collections.nCopies(byKey.size(), "?")) + ")";
        try (PreparedStatement sel = c.prepareStatement("SELECT device_key, last_dseq FROM forward_device WHERE " + keys
                + " ORDER BY device_key" + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : ""))) {
            if (dialect == Dialect.POSTGRESQL) {
                sel.setArray(1, c.createArrayOf("text", byKey.keySet().toArray()));
            } else {
                int i = 1;
                for (String key : byKey.keySet()) {
                    sel.setString(i++, key);
                }
            }
            try (ResultSet rs = sel.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    last.put(key, rs.getLong(2) + byKey.get(key).size());
                }
            }
        }
        if (last.size() != byKey.size()) {
            throw new SQLException("forward_device rows missing for " + byKey.keySet() + " (found " + last.keySet() + ")");
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE forward_device SET last_dseq = ? WHERE device_key = ?")) {
            for (Map.Entry<String, Long> k : last.entrySet()) {
                up.setLong(1, k.getValue());
                up.setString(2, k.getKey());
                up.addBatch();
            }
            up.executeBatch();
        }
        return last;
    }
}
