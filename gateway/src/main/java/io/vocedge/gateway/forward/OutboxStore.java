package io.vocedge.gateway.forward;

import io.vocedge.gateway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The forwarders' side of the outbox: claiming device keys, reading their pending events, marking them sent, lag
 * figures, replay ranges and pruning. Works on SQLite and PostgreSQL; on PostgreSQL several gateways share one
 * outbox, each claiming device keys with {@code FOR UPDATE SKIP LOCKED}, so a key is published by one gateway at a
 * time and in its order.
 */
public final class OutboxStore {
    private final DataSource pool;
    private final Dialect dialect;

    public OutboxStore(DataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Creates the sink's cursor for device keys that have none yet (a new device, or a new sink). */
    public void ensureCursors(String sink) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(dialect.insertIgnore + " forward_cursor (sink, device_key, sent_dseq)"
                                + " SELECT ?, d.device_key, 0 FROM forward_device d WHERE NOT EXISTS (SELECT 1 FROM forward_cursor c"
                                + " WHERE c.sink = ? AND c.device_key = d.device_key)"
                                + dialect.onConflictIgnore("sink, device_key"))) {
            ps.setString(1, sink);
            ps.setString(2, sink);
            ps.executeUpdate();
            c.commit();
        }
    }

    /**
     * Claims up to {@code maxKeys} device keys with pending events (least recently served first) and reads up to
     * {@code maxEvents} / {@code maxBytes} of their events, each key's as a prefix in dseq order. On PostgreSQL the claim
     * holds a transaction with the keys' cursor row locks until {@link Claim#markSent} or {@link Claim#close} (other
     * gateways skip those keys). On SQLite (one gateway, one forwarder per sink, ONE pooled connection shared with
     * ingest) the claim gives its connection back at once, so a slow or hanging sink never holds up ingest; its
     * {@link Claim#markSent} then moves each cursor only from the value it read.
     */
    public Claim claim(String sink, int maxKeys, int maxEvents, long maxBytes) throws SQLException {
        return claim(sink, maxKeys, maxEvents, maxBytes, null);
    }

    /**
     * As {@link #claim(String, int, int, long)}; a claimed key whose pending events {@code held} has in memory (all of
     * them, {@link CommittedEvents#take}) is not read back from the outbox. Keys, locks, limits, the cut and the cursor
     * marks are exactly those of a claim that read every key from the outbox.
     */
    Claim claim(String sink, int maxKeys, int maxEvents, long maxBytes, CommittedEvents held) throws SQLException {
        Connection c = pool.getConnection();
        try {
            Map<String, long[]> keys = new LinkedHashMap<>(); // key -> {sent_dseq, last_dseq}
            String order = dialect == Dialect.POSTGRESQL
                    ? " ORDER BY c.sent_at NULLS FIRST, c.device_key LIMIT ? FOR UPDATE OF c SKIP LOCKED"
                    : " ORDER BY c.sent_at IS NOT NULL, c.sent_at, c.device_key LIMIT ?";
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT c.device_key, c.sent_dseq, d.last_dseq FROM forward_cursor c"
                            + " JOIN forward_device d ON d.device_key = c.device_key WHERE c.sink = ? AND d.last_dseq > c.sent_dseq"
                            + order)) {
                ps.setString(1, sink);
                ps.setInt(2, maxKeys);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
            List<OutboxRow> rows = new ArrayList<>();
            Map<String, Long> mark = new LinkedHashMap<>();
            int fromMemory = 0;
            if (!keys.isEmpty()) {
                fromMemory = readPending(c, keys, maxEvents, maxBytes, rows, mark, held);
            }
            if (dialect == Dialect.SQLITE) {
                Map<String, Long> from = new LinkedHashMap<>();
                keys.forEach((k, v) -> from.put(k, v[0]));
                c.commit();
                c.close();
                return new Claim(null, sink, rows, mark, from, fromMemory);
            }
            return new Claim(c, sink, rows, mark, null, fromMemory);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            c.close();
            throw e;
        }
    }

    /** Returns how many of the rows came from {@code held} rather than the outbox. */
    private int readPending(
            Connection c,
            Map<String, long[]> keys,
            int maxEvents,
            long maxBytes,
            List<OutboxRow> rows,
            Map<String, Long> mark,
            CommittedEvents held)
            throws SQLException {
        // Each key's events above its cursor, sorted by key then dseq: cutting the list anywhere leaves a prefix per
        // key. Keys held in memory are merged in at their place in that order; the others are read, at most
        // maxEvents + 1 rows (the store's list is cut at the same place or later than the merged one, so every key
        // before the cut is complete).
        List<String> keyList = new ArrayList<>(keys.keySet());
        List<String> sorted = new ArrayList<>(keyList);
        Collections.sort(sorted);
        Map<String, List<OutboxRow>> inMemory = new java.util.HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (String k : keyList) {
            List<OutboxRow> h = held == null ? null : held.take(k, keys.get(k)[0], keys.get(k)[1]);
            if (h != null) {
                inMemory.put(k, h);
            } else {
                toRead.add(k);
            }
        }
        List<OutboxRow> pending;
        if (inMemory.isEmpty()) {
            pending = readRows(c, toRead, keys, maxEvents + 1);
        } else {
            Map<String, List<OutboxRow>> read = new java.util.HashMap<>();
            if (!toRead.isEmpty()) {
                for (OutboxRow r : readRows(c, toRead, keys, maxEvents + 1)) {
                    read.computeIfAbsent(r.deviceKey(), x -> new ArrayList<>()).add(r);
                }
            }
            pending = new ArrayList<>();
            for (String k : sorted) {
                List<OutboxRow> r = inMemory.containsKey(k) ? inMemory.get(k) : read.get(k);
                if (r != null) {
                    pending.addAll(r);
                }
            }
        }
        Map<String, Long> published = new LinkedHashMap<>();
        String cutKey = null;
        int fromMemory = 0;
        long bytes = 0;
        for (OutboxRow row : pending) {
            if (rows.size() >= maxEvents || (!rows.isEmpty() && bytes + row.bytes() > maxBytes)) {
                cutKey = row.deviceKey();
                break;
            }
            rows.add(row);
            bytes += row.bytes();
            published.put(row.deviceKey(), row.dseq());
            if (inMemory.containsKey(row.deviceKey())) {
                fromMemory++;
            }
        }
        boolean cut = false;
        for (String k : sorted) {
            if (k.equals(cutKey)) {
                cut = true;
            }
            Long sent = published.get(k);
            if (!cut) {
                // All of this key's events up to the claimed last_dseq were read (events ignored as duplicates leave
                // gaps): the cursor may move to last_dseq even past a gap.
                mark.put(k, Math.max(keys.get(k)[1], sent == null ? 0 : sent));
            } else if (sent != null) {
                mark.put(k, sent);
            }
        }
        return fromMemory;
    }

    private List<OutboxRow> readRows(Connection c, List<String> keyList, Map<String, long[]> keys, int limit)
            throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        if (keyList.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = pendingStatement(c, keyList, keys, limit);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /**
     * The pending rows of the claimed keys. On PostgreSQL one statement whose text never changes, the keys and cursors
     * as two arrays walked through the primary key (LATERAL): the server prepares it once per connection. The earlier
     * "(key = ? AND dseq > ?) OR ..." text differed with every claim's key count, so each claim paid a fresh parse and
     * plan of up to 256 branches (bench/forward.sh: PostgreSQL CPU per forwarded record, issue 18). SQLite plans
     * in-process, where that costs little.
     */
    private PreparedStatement pendingStatement(Connection c, List<String> keyList, Map<String, long[]> keys, int limit)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            Long[] after = new Long[keyList.size()];
            for (int i = 0; i < after.length; i++) {
                after[i] = keys.get(keyList.get(i))[0];
            }
            PreparedStatement ps = c.prepareStatement(SELECT_ROW
                    + " FROM unnest(CAST(? AS text[]), CAST(? AS bigint[])) AS k(device_key, after_dseq)"
                    + " CROSS JOIN LATERAL (SELECT * FROM forward_outbox x WHERE x.device_key = k.device_key"
                    + " AND x.dseq > k.after_dseq ORDER BY x.dseq LIMIT ?) o ORDER BY o.device_key, o.dseq LIMIT ?");
            ps.setArray(1, c.createArrayOf("text", keyList.toArray()));
            ps.setArray(2, c.createArrayOf("int8", after));
            ps.setInt(3, limit);
            ps.setInt(4, limit);
            return ps;
        }
        StringBuilder sql = new StringBuilder(SELECT_ROW + " FROM forward_outbox o WHERE ");
        for (int i = 0; i < keyList.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(o.device_key = ? AND o.dseq > ?)");
        }
        sql.append(" ORDER BY o.device_key, o.dseq LIMIT ?");
        PreparedStatement ps = c.prepareStatement(sql.toString());
        int i = 1;
        for (String k : keyList) {
            ps.setString(i++, k);
            ps.setLong(i++, keys.get(k)[0]);
        }
        ps.setInt(i, limit);
        return ps;
    }

    static final String SELECT_ROW =
            "SELECT o.device_key, o.dseq, o.event_id, o.kind, o.schema_id, o.created_at, o.gateway_id,"
                    + " o.payload, o.bytes";

    private OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(
                rs.getString("device_key"),
                rs.getLong("dseq"),
                rs.getString("event_id"),
                rs.getString("kind"),
                rs.getString("schema_id"),
                dialect.getTime(rs, "created_at"),
                rs.getString("gateway_id"),
                rs.getString("payload"),
                rs.getInt("bytes"));
    }

    /** Pending events and device keys claimed by one forwarder; close without {@link #markSent} to give them back. */
    public final class Claim implements AutoCloseable {
        private final Connection held;
        private final String sink;
        private final List<OutboxRow> rows;
        private final Map<String, Long> mark;
        /** Detached claims (SQLite): the cursor values read, which markSent moves from (null: held claim). */
        private final Map<String, Long> from;

        private final int fromMemory;
        private boolean done;

        Claim(
                Connection held,
                String sink,
                List<OutboxRow> rows,
                Map<String, Long> mark,
                Map<String, Long> from,
                int fromMemory) {
            this.held = held;
            this.sink = sink;
            this.rows = List.copyOf(rows);
            this.mark = java.util.Collections.unmodifiableMap(mark);
            this.from = from;
            this.fromMemory = fromMemory;
        }

        public List<OutboxRow> rows() {
            return rows;
        }

        /** How many of {@link #rows} were held in memory ({@link CommittedEvents}) instead of read from the outbox. */
        public int fromMemory() {
            return fromMemory;
        }

        /** The cursor each claimed key moves to on {@link #markSent}. */
        public Map<String, Long> marks() {
            return mark;
        }

        /** True when there is nothing to publish and no cursor to move. */
        public boolean isEmpty() {
            return rows.isEmpty() && mark.isEmpty();
        }

        /** Moves the cursors past the published events and commits (releasing the claim). */
        public void markSent(Instant at) throws SQLException {
            if (held == null) {
                if (!mark.isEmpty()) {
                    try (Connection c = pool.getConnection()) {
                        try {
                            update(c, at);
                            c.commit();
                        } catch (SQLException | RuntimeException e) {
                            rollbackQuietly(c);
                            throw e;
                        }
                    }
                }
            } else {
                update(held, at);
                held.commit();
            }
            done = true;
        }

        private void update(Connection c, Instant at) throws SQLException {
            if (mark.isEmpty()) {
                return;
            }
            if (dialect == Dialect.POSTGRESQL && from == null) {
                // One statement of fixed text for every key of the claim (held, so the rows are already ours).
                Long[] seq = mark.values().toArray(new Long[0]);
                try (PreparedStatement ps = c.prepareStatement("UPDATE forward_cursor c SET sent_dseq = m.sent_dseq,"
                        + " sent_at = ? FROM unnest(CAST(? AS text[]), CAST(? AS bigint[])) AS m(device_key, sent_dseq)"
                        + " WHERE c.sink = ? AND c.device_key = m.device_key")) {
                    dialect.setTime(ps, 1, at);
                    ps.setArray(2, c.createArrayOf("text", mark.keySet().toArray()));
                    ps.setArray(3, c.createArrayOf("int8", seq));
                    ps.setString(4, sink);
                    ps.executeUpdate();
                }
                return;
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE forward_cursor SET sent_dseq = ?, sent_at = ? WHERE sink = ?"
                            + " AND device_key = ?" + (from == null ? "" : " AND sent_dseq = ?"))) {
                for (Map.Entry<String, Long> m : mark.entrySet()) {
                    ps.setLong(1, m.getValue());
                    dialect.setTime(ps, 2, at);
                    ps.setString(3, sink);
                    ps.setString(4, m.getKey());
                    if (from != null) {
                        ps.setLong(5, from.get(m.getKey()));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            if (held == null) {
                return;
            }
            try {
                if (!done) {
                    rollbackQuietly(held);
                }
            } finally {
                held.close();
            }
        }
    }

    /** Lag of one sink: events not yet published, their bytes, and the oldest one's commit time (null: none). */
    public record Lag(long events, long bytes, Instant oldest) {}

    /**
     * Reads only the pending events: per device, from its sequence row to its rows above its cursor through the
     * primary key, so the cost follows the backlog, not the forwarded events the outbox keeps for
     * {@code forward.retention} (the first version scanned all of those every 2 s: 0.5 s at 500,000 rows, growing with
     * days of history). Keys that have no cursor for the sink yet count all their events. Without statistics both
     * planners chose a scan of the whole outbox, so the statement says how to join: a LATERAL subquery on PostgreSQL,
     * a CROSS JOIN on SQLite. JIT is off for it on PostgreSQL: compiling the plan took 0.2 s for a query that runs in 20 ms.
     */
    public Lag lag(String sink) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT COALESCE(SUM(p.n), 0), COALESCE(SUM(p.b), 0), MIN(p.oldest) AS oldest FROM forward_device d"
                        + " LEFT JOIN forward_cursor c ON c.sink = ? AND c.device_key = d.device_key CROSS JOIN LATERAL"
                        + " (SELECT COUNT(*) AS n, SUM(o.bytes) AS b, MIN(o.created_at) AS oldest FROM forward_outbox o"
                        + " WHERE o.device_key = d.device_key AND o.dseq > COALESCE(c.sent_dseq, 0)) p"
                        + " WHERE d.last_dseq > COALESCE(c.sent_dseq, 0)"
                // SQLite: CROSS JOIN keeps the written order (devices outside, the outbox's primary key inside).
                : "SELECT COUNT(*), COALESCE(SUM(o.bytes), 0), MIN(o.created_at) AS oldest FROM forward_device d"
                        + " LEFT JOIN forward_cursor c ON c.sink = ? AND c.device_key = d.device_key"
                        + " CROSS JOIN forward_outbox o WHERE o.device_key = d.device_key"
                        + " AND o.dseq > COALESCE(c.sent_dseq, 0) AND d.last_dseq > COALESCE(c.sent_dseq, 0)";
        try (Connection c = pool.getConnection()) {
            if (dialect == Dialect.POSTGRESQL) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL jit = off");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, sink);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Lag lag = new Lag(rs.getLong(1), rs.getLong(2), dialect.getTime(rs, "oldest"));
                    c.commit();
                    return lag;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** What the outbox holds: events, their bytes, device keys, and the oldest and newest commit times (null: empty). */
    public record Totals(long events, long bytes, long deviceKeys, Instant oldest, Instant newest) {}

    public Totals totals() throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(bytes), 0), COUNT(DISTINCT device_key),"
                                + " MIN(created_at) AS oldest, MAX(created_at) AS newest FROM forward_outbox");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Totals t = new Totals(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    dialect.getTime(rs, "oldest"),
                    dialect.getTime(rs, "newest"));
            c.commit();
            return t;
        }
    }

    /** When the sink last moved a cursor (null: never). */
    public Instant lastSent(String sink) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT MAX(sent_at) AS last_sent FROM forward_cursor WHERE sink = ?")) {
            ps.setString(1, sink);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant at = dialect.getTime(rs, "last_sent");
                c.commit();
                return at;
            }
        }
    }

    /** The sinks that have cursors (configured now or earlier). */
    public List<String> sinks() throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sink FROM forward_cursor ORDER BY sink");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            c.commit();
            return out;
        }
    }

    /**
     * Events committed in {@code [since, until)}, optionally of one kind, in commit order per device key; paged by
     * {@code (device_key, dseq)} after {@code afterKey}/{@code afterDseq} (null: from the start).
     */
    public List<OutboxRow> range(Instant since, Instant until, String kind, String afterKey, long afterDseq, int limit)
            throws SQLException {
        String sql = SELECT_ROW + " FROM forward_outbox o WHERE o.created_at >= ? AND o.created_at < ?"
                + (kind == null ? "" : " AND o.kind = ?")
                + (afterKey == null ? "" : " AND (o.device_key > ? OR (o.device_key = ? AND o.dseq > ?))")
                + " ORDER BY o.device_key, o.dseq LIMIT ?";
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            dialect.setTime(ps, i++, since);
            dialect.setTime(ps, i++, until);
            if (kind != null) {
                ps.setString(i++, kind);
            }
            if (afterKey != null) {
                ps.setString(i++, afterKey);
                ps.setString(i++, afterKey);
                ps.setLong(i++, afterDseq);
            }
            ps.setInt(i, limit);
            List<OutboxRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            c.commit();
            return out;
        }
    }

    /**
     * Deletes events committed before {@code before} that every sink with a cursor has published (never an
     * unforwarded one); at most {@code limit} per call. Returns how many went.
     */
    public int prune(Instant before, int limit) throws SQLException {
        String doomed =
                "SELECT o.device_key, o.dseq FROM forward_outbox o WHERE o.created_at < ? AND NOT EXISTS (SELECT 1"
                        + " FROM forward_cursor c WHERE c.device_key = o.device_key AND c.sent_dseq < o.dseq) LIMIT ?";
        String sql = dialect == Dialect.POSTGRESQL
                ? "DELETE FROM forward_outbox WHERE (device_key, dseq) IN (" + doomed + ")"
                : "DELETE FROM forward_outbox WHERE rowid IN (SELECT o.rowid FROM forward_outbox o WHERE o.created_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM forward_cursor c WHERE c.device_key = o.device_key AND c.sent_dseq < o.dseq) LIMIT ?)";
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            dialect.setTime(ps, 1, before);
            ps.setInt(2, limit);
            int n = ps.executeUpdate();
            c.commit();
            return n;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; the pool discards a broken one
        }
    }
}
