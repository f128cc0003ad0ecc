package io.vocedge.gateway.forward;

import io.vocedge.gateway.store.Dialect;
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
 * <p>An event whose id is already in the outbox is ignored (the same status re-sent, an alert evaluated twice). The
 * database checks that only for kinds other than stored records: a record's event exists once because the record is
 * inserted once (a copy of a record is a duplicate in {@code records} and appends nothing).
 */
public final class ForwardOutbox {
    /**
     * The predicate of the outbox's partial unique index on event ids (V81): only kinds that are not stored records can
     * be appended twice. PostgreSQL infers the index for ON CONFLICT only when the statement repeats it.
     */
    static final String UNIQUE_ID_PREDICATE = "kind NOT IN ("
            + String.join(
                    ", ",
                    ForwardEvent.RECORD_KINDS.stream().map(k -> "'" + k + "'").toList()) + ")";

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

    /**
     * Appends events in the caller's transaction; per device key they keep the order of the list. Returns the rows of
     * the events that are certainly in the outbox once the transaction commits - those of stored records, which are
     * never dropped as duplicates - per key in dseq order, for {@link CommittedEvents} (the others are left out: the
     * store may drop a status or alert already appended, leaving its dseq unused).
     */
    public List<OutboxRow> append(Connection c, List<ForwardEvent> events) throws SQLException {
        if (!enabled || events.isEmpty()) {
            return List.of();
        }
        Map<String, List<ForwardEvent>> byKey = new TreeMap<>();
        for (ForwardEvent e : events) {
            byKey.computeIfAbsent(e.deviceKey(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Long> last = dialect == Dialect.POSTGRESQL ? reservePostgresql(c, byKey) : reserve(c, byKey);
        // Microseconds, as PostgreSQL keeps them: a row held in memory carries exactly the time the store has.
        java.time.Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Map<ForwardEvent, Integer> sizes = new java.util.IdentityHashMap<>();
        for (ForwardEvent e : events) {
            sizes.put(e, utf8Length(e.json()));
        }
        if (dialect == Dialect.POSTGRESQL) {
            insertPostgresql(c, byKey, last, at, sizes);
        } else {
            insertBatch(c, byKey, last, at, sizes);
        }
        onAppend.run();
        List<OutboxRow> certain = new ArrayList<>(events.size());
        for (Map.Entry<String, List<ForwardEvent>> k : byKey.entrySet()) {
            long dseq = last.get(k.getKey()) - k.getValue().size();
            for (ForwardEvent e : k.getValue()) {
                dseq++;
                if (ForwardEvent.RECORD_KINDS.contains(e.kind())) {
                    certain.add(new OutboxRow(
                            e.deviceKey(),
                            dseq,
                            e.eventId(),
                            e.kind(),
                            e.schemaId(),
                            at,
                            gatewayId,
                            e.json(),
                            sizes.get(e)));
                }
            }
        }
        return certain;
    }

    /** UTF-8 length of a string without encoding it (the payloads are ~600 bytes each, one per record). */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                if (ch < 0x800) {
                    bytes++;
                } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair's 2 chars
                    i++;
                } else if (!Character.isSurrogate(ch)) {
                    bytes += 2; // 3 bytes
                } // a lone surrogate: String.getBytes writes '?', 1 byte
            }
        }
        return bytes;
    }

    private void insertBatch(
            Connection c,
            Map<String, List<ForwardEvent>> byKey,
            Map<String, Long> last,
            java.time.Instant at,
            Map<ForwardEvent, Integer> sizes)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(dialect.insertIgnore + " forward_outbox (device_key, dseq, event_id,"
                        + " kind, schema_id, created_at, gateway_id, payload, bytes) VALUES (?,?,?,?,?,?,?,?,?)"
                        + dialect.onConflictIgnore("event_id", UNIQUE_ID_PREDICATE))) {
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
                    ps.setInt(9, sizes.get(e));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * PostgreSQL: all rows as ONE statement over parallel arrays ({@code unnest}), as the console's postings: a JDBC
     * batch costs the server one executor round per row, inside the ingest transaction.
     */
    private void insertPostgresql(
            Connection c,
            Map<String, List<ForwardEvent>> byKey,
            Map<String, Long> last,
            java.time.Instant at,
            Map<ForwardEvent, Integer> sizes)
            throws SQLException {
        int n = byKey.values().stream().mapToInt(List::size).sum();
        String[] key = new String[n];
        Long[] dseqs = new Long[n];
        String[] id = new String[n];
        String[] kind = new String[n];
        String[] schema = new String[n];
        String[] payload = new String[n];
        Integer[] bytes = new Integer[n];
        int i = 0;
        for (Map.Entry<String, List<ForwardEvent>> k : byKey.entrySet()) {
            long dseq = last.get(k.getKey()) - k.getValue().size();
            for (ForwardEvent e : k.getValue()) {
                key[i] = e.deviceKey();
                dseqs[i] = ++dseq;
                id[i] = e.eventId();
                kind[i] = e.kind();
                schema[i] = e.schemaId();
                payload[i] = e.json();
                bytes[i] = sizes.get(e);
                i++;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO forward_outbox (device_key, dseq, event_id, kind,"
                + " schema_id, created_at, gateway_id, payload, bytes) SELECT k, d, e, t, s, ?, ?, p, b FROM unnest("
                + "CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
                + " CAST(? AS text[]), CAST(? AS int[])) AS u(k, d, e, t, s, p, b)"
                + dialect.onConflictIgnore("event_id", UNIQUE_ID_PREDICATE))) {
            dialect.setTime(ps, 1, at);
            ps.setString(2, gatewayId);
            ps.setArray(3, c.createArrayOf("text", key));
            ps.setArray(4, c.createArrayOf("int8", dseqs));
            ps.setArray(5, c.createArrayOf("text", id));
            ps.setArray(6, c.createArrayOf("text", kind));
            ps.setArray(7, c.createArrayOf("text", schema));
            ps.setArray(8, c.createArrayOf("text", payload));
            ps.setArray(9, c.createArrayOf("int4", bytes));
            ps.executeUpdate();
        }
    }

    /**
     * PostgreSQL: lock the keys' sequence rows in sorted order and advance them, in two statements whatever the number
     * of keys; a key seen for the first time gets its row first (rare: once per device).
     */
    private Map<String, Long> reservePostgresql(Connection c, Map<String, List<ForwardEvent>> byKey)
            throws SQLException {
        String[] keys = byKey.keySet().toArray(String[]::new);
        Integer[] counts = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            counts[i] = byKey.get(keys[i]).size();
        }
        Map<String, Long> last = lockAndAdvance(c, keys, counts);
        if (last.size() != keys.length) {
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO forward_device (device_key, last_dseq)"
                            + " SELECT k, 0 FROM unnest(CAST(? AS text[])) AS u(k) ORDER BY k ON CONFLICT (device_key) DO NOTHING")) {
                ins.setArray(1, c.createArrayOf("text", keys));
                ins.executeUpdate();
            }
            List<String> missing = new ArrayList<>();
            List<Integer> missingCounts = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                if (!last.containsKey(keys[i])) {
                    missing.add(keys[i]);
                    missingCounts.add(counts[i]);
                }
            }
            last.putAll(lockAndAdvance(c, missing.toArray(String[]::new), missingCounts.toArray(Integer[]::new)));
        }
        if (last.size() != keys.length) {
            throw new SQLException(
                    "forward_device rows missing for " + byKey.keySet() + " (found " + last.keySet() + ")");
        }
        return last;
    }

    /** Row locks in sorted key order (no deadlock between appenders), then one UPDATE; returns the new last dseq. */
    private static Map<String, Long> lockAndAdvance(Connection c, String[] keys, Integer[] counts) throws SQLException {
        Map<String, Long> last = new LinkedHashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("WITH locked AS MATERIALIZED (SELECT device_key FROM forward_device"
                        + " WHERE device_key = ANY(?) ORDER BY device_key FOR UPDATE)"
                        + " UPDATE forward_device d SET last_dseq = d.last_dseq + u.n FROM locked"
                        + " JOIN unnest(CAST(? AS text[]), CAST(? AS int[])) AS u(k, n) ON u.k = locked.device_key"
                        + " WHERE d.device_key = locked.device_key RETURNING d.device_key, d.last_dseq")) {
            ps.setArray(1, c.createArrayOf("text", keys));
            ps.setArray(2, c.createArrayOf("text", keys));
            ps.setArray(3, c.createArrayOf("int4", counts));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return last;
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
        String keys = dialect == Dialect.POSTGRESQL
                ? "device_key = ANY(?)"
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
            throw new SQLException(
                    "forward_device rows missing for " + byKey.keySet() + " (found " + last.keySet() + ")");
        }
        try (PreparedStatement up =
                c.prepareStatement("UPDATE forward_device SET last_dseq = ? WHERE device_key = ?")) {
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
