package io.vocedge.device.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.device.pipeline.RecordSink;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.RecordPriority;
import io.vocedge.protocol.UpRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteConfig;
import org.tinylog.Logger;

/**
 * The device's durable outbox: a SQLite file in WAL mode. A record is accepted only once its transaction
 * committed; it stays until the gateway's application ack names its seq. One writer thread group-commits
 * whatever producers queued (many records per fsync when busy, one when quiet), assigns strictly increasing
 * sequence numbers that survive restarts, and enforces the byte bound with the eviction order of
 * {@link RecordPriority}.
 *
 * <p>Overflow policies: a full writer queue blocks {@link #accept} for {@code acceptTimeout}, then rejects
 * (counted); a full byte bound evicts stored records, lowest priority and oldest first (counted per
 * priority), or drops the incoming record if everything stored is worth more.
 */
public final class Outbox implements RecordSink, AutoCloseable {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS outbox (
              seq INTEGER PRIMARY KEY,
              priority INTEGER NOT NULL,
              created_ms INTEGER NOT NULL,
              bytes INTEGER NOT NULL,
              body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_eviction ON outbox(priority, seq);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """;

    private final OutboxConfig config;
    private final ObjectMapper json;
    private final BlockingQueue<Pending> queue;
    /** One connection for writer and sync alike, guarded by {@code db}: SQLite serialises writes anyway. */
    private final Connection conn;

    private final Object db = new Object();
    private final SeqReservation reservation;
    private final Thread writer;
    private final List<Runnable> insertListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<RecordPriority, AtomicLong> evicted = new EnumMap<>(RecordPriority.class);
    private final String quarantinedFile;
    private volatile long nextSeq;
    private volatile boolean running = true;
    private volatile String lastError;

    private record Pending(UpRecord record, CompletableFuture<Long> done) {}

    private Outbox(
            OutboxConfig config, ObjectMapper json, Connection conn, SeqReservation reservation, String quarantinedFile)
            throws SQLException {
        this.config = config;
        this.json = json;
        this.conn = conn;
        this.reservation = reservation;
        this.quarantinedFile = quarantinedFile;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        for (RecordPriority p : RecordPriority.values()) {
            evicted.put(p, new AtomicLong(meta("evicted." + p.name(), 0)));
        }
        long storedNext = meta("next_seq", 1);
        try (Statement s = conn.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT COUNT(*), COALESCE(SUM(bytes),0), COALESCE(MAX(seq),0) FROM outbox")) {
            rs.next();
            depth.set(rs.getLong(1));
            bytes.set(rs.getLong(2));
            storedNext = Math.max(storedNext, rs.getLong(3) + 1);
        } finally {
            conn.commit();
        }
        // After a quarantine the fresh file knows nothing: continue above every seq ever reserved.
        this.nextSeq = Math.max(storedNext, quarantinedFile != null ? reservation.reservedUpTo() + 1 : 1);
        this.writer = Thread.ofPlatform().name("outbox-writer").daemon(true).unstarted(this::writeLoop);
    }

    /**
     * Opens (or creates) the outbox. A file SQLite cannot read is moved aside as {@code *.corrupt-<time>} and
     * a fresh one started; the incident is logged at ERROR and visible in {@link #quarantinedFile()}.
     */
    public static Outbox open(OutboxConfig config, ObjectMapper json) throws IOException {
        Path file = config.file();
        if (!Files.isDirectory(file.toAbsolutePath().getParent())) {
            OwnerOnly.directory(file.toAbsolutePath().getParent());
        }
        SeqReservation reservation = new SeqReservation(file.resolveSibling(file.getFileName() + ".seq"));
        String quarantined = null;
        Connection w;
        try {
            w = openChecked(config);
        } catch (SQLException corrupt) {
            quarantined = quarantine(file, corrupt);
            try {
                w = openChecked(config);
            } catch (SQLException again) {
                throw new IOException("cannot create a fresh outbox at " + file + ": " + again.getMessage(), again);
            }
        }
        try {
            Outbox outbox = new Outbox(config, json, w, reservation, quarantined);
            outbox.writer.start();
            Logger.info(
                    "event=outbox_open file={} depth={} bytes={} next_seq={} power_loss_safe={}",
                    file,
                    outbox.depth.get(),
                    outbox.bytes.get(),
                    outbox.nextSeq,
                    config.powerLossSafe());
            return outbox;
        } catch (SQLException e) {
            closeQuietly(w);
            throw new IOException("cannot open outbox " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection openChecked(OutboxConfig config) throws SQLException {
        Connection c = connect(config);
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                if (!rs.next() || !"ok".equalsIgnoreCase(rs.getString(1))) {
                    throw new SQLException("quick_check failed: " + (rs.isClosed() ? "?" : rs.getString(1)));
                }
            }
            c.setAutoCommit(false);
            for (String ddl : SCHEMA.split(";")) {
                if (!ddl.isBlank()) {
                    s.executeUpdate(ddl);
                }
            }
            c.commit();
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static Connection connect(OutboxConfig config) throws SQLException {
        SQLiteConfig sc = new SQLiteConfig();
        sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sc.setSynchronous(
                config.powerLossSafe() ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        sc.setBusyTimeout(10_000);
        Path file = config.file().toAbsolutePath();
        try {
            // Created 0600 before SQLite opens it (SQLite gives -wal and -shm the database file's mode); an outbox
            // from an older agent under a wide umask is tightened, companions included.
            OwnerOnly.file(file);
            for (String suffix : List.of("-wal", "-shm")) {
                OwnerOnly.restrict(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new SQLException("cannot make " + file + " owner-only: " + e.getMessage(), e);
        }
        Connection c = sc.createConnection("jdbc:sqlite:" + file);
        c.setAutoCommit(false);
        return c;
    }

    private static String quarantine(Path file, SQLException cause) throws IOException {
        String stamp = Instant.now().toString().replace(':', '-');
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        Files.move(file, aside);
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        Logger.error(
                "event=outbox_quarantined file={} moved_to={} reason=\"{}\" action=\"started a fresh outbox; "
                        + "records in the old file were not synced - copy it off the device for recovery\"",
                file,
                aside,
                cause.getMessage());
        return aside.toString();
    }

    /** Called (on the writer thread) after each commit that added records; the sync engine wakes on it. */
    public void addInsertListener(Runnable listener) {
        insertListeners.add(listener);
    }

    @Override
    public long accept(UpRecord record) throws RecordRejectedException {
        try {
            return submit(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordRejectedException("interrupted while waiting for the outbox commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RecordRejectedException(cause.getMessage(), cause);
        }
    }

    /** Queues a record; the future completes with its seq once committed, or fails with the reason. */
    public CompletableFuture<Long> submit(UpRecord record) {
        var pending = new Pending(record, new CompletableFuture<>());
        if (!running) {
            pending.done.completeExceptionally(new IllegalStateException("outbox is closed"));
            return pending.done;
        }
        try {
            if (!queue.offer(pending, config.acceptTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                rejected.incrementAndGet();
                Logger.warn(
                        "event=outbox_reject reason=queue_full capacity={} waited_ms={}",
                        config.queueCapacity(),
                        config.acceptTimeout().toMillis());
                pending.done.completeExceptionally(new IllegalStateException("outbox writer queue full for "
                        + config.acceptTimeout().toMillis() + " ms: the disk is stalled or too slow"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.done.completeExceptionally(e);
        }
        return pending.done;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(config.maxRecordsPerCommit());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxRecordsPerCommit() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Logger.error(e, "event=outbox_writer_error");
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private record Prepared(Pending pending, long seq, String body, int size, int priority) {}

    private void write(List<Pending> batch) {
        long firstSeq = nextSeq;
        long seq = firstSeq;
        List<Prepared> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            try {
                String body = json.writeValueAsString(p.record.withSeq(seq));
                int size = body.getBytes(StandardCharsets.UTF_8).length;
                if (size > config.maxBytes() / 4) {
                    rejected.incrementAndGet();
                    p.done.completeExceptionally(new IllegalArgumentException("record of " + size
                            + " bytes is larger than a quarter of outbox.max_bytes (" + config.maxBytes() + ")"));
                    continue;
                }
                rows.add(new Prepared(p, seq++, body, size, p.record.priority().rank()));
            } catch (JsonProcessingException e) {
                rejected.incrementAndGet();
                p.done.completeExceptionally(
                        new IllegalArgumentException("record cannot be serialised: " + e.getMessage(), e));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        long nowMs = System.currentTimeMillis();
        Map<RecordPriority, Long> evictedNow = new EnumMap<>(RecordPriority.class);
        long[] delta = new long[2];
        try {
            List<Prepared> kept;
            synchronized (db) {
                kept = writeLocked(rows, firstSeq, seq, evictedNow, delta, nowMs);
            }
            nextSeq = seq;
            long keptBytes = kept.stream().mapToLong(Prepared::size).sum();
            depth.addAndGet(kept.size() - delta[0]);
            bytes.addAndGet(keptBytes - delta[1]);
            evictedNow.forEach((p, n) -> evicted.get(p).addAndGet(n));
            lastError = null;
            for (Prepared r : rows) {
                r.pending.done.complete(r.seq);
            }
            if (!evictedNow.isEmpty()) {
                Logger.warn(
                        "event=outbox_evicted counts={} bytes={} max_bytes={}",
                        evictedNow,
                        bytes.get(),
                        config.maxBytes());
            }
            insertListeners.forEach(Runnable::run);
        } catch (SQLException | IOException e) {
            lastError = e.getMessage();
            rejected.addAndGet(rows.size());
            Logger.error("event=outbox_write_failed records={} error=\"{}\"", rows.size(), e.getMessage());
            var failure =
                    new IllegalStateException("outbox write failed (disk full or read-only?): " + e.getMessage(), e);
            rows.forEach(r -> r.pending.done.completeExceptionally(failure));
        }
    }

    private List<Prepared> writeLocked(
            List<Prepared> rows,
            long firstSeq,
            long nextFree,
            Map<RecordPriority, Long> evictedNow,
            long[] delta,
            long nowMs)
            throws SQLException, IOException {
        try {
            reservation.ensure(firstSeq, rows.size());
            List<Prepared> kept = makeRoom(rows, evictedNow, delta);
            try (PreparedStatement ins = conn.prepareStatement(
                    "INSERT INTO outbox(seq, priority, created_ms, bytes, body) VALUES (?,?,?,?,?)")) {
                for (Prepared r : kept) {
                    ins.setLong(1, r.seq);
                    ins.setInt(2, r.priority);
                    ins.setLong(3, nowMs);
                    ins.setInt(4, r.size);
                    ins.setString(5, r.body);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            putMeta("next_seq", nextFree);
            for (var e : evictedNow.entrySet()) {
                putMeta("evicted." + e.getKey().name(), evicted.get(e.getKey()).get() + e.getValue());
            }
            conn.commit();
            return kept;
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Evicts stored rows (lowest priority, oldest first) until the new rows fit. If the cheapest stored row is
     * worth more than an incoming row, the incoming row is dropped instead; it still gets its seq (a visible
     * gap) and counts as evicted. Returns the rows to insert; {@code delta} gets rows/bytes removed.
     */
    private List<Prepared> makeRoom(List<Prepared> rows, Map<RecordPriority, Long> evictedNow, long[] delta)
            throws SQLException {
        long incoming = rows.stream().mapToLong(Prepared::size).sum();
        long over = bytes.get() + incoming - config.maxBytes();
        if (over <= 0) {
            return rows;
        }
        List<Prepared> kept = new ArrayList<>(rows);
        kept.sort((a, b) ->
                a.priority != b.priority ? Integer.compare(a.priority, b.priority) : Long.compare(a.seq, b.seq));
        try (PreparedStatement pick = conn.prepareStatement(
                        "SELECT seq, priority, bytes FROM outbox ORDER BY priority, seq LIMIT 256");
                PreparedStatement del = conn.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
            while (over > 0) {
                long victimSeq = -1;
                int victimPriority = Integer.MAX_VALUE;
                long victimBytes = 0;
                try (ResultSet rs = pick.executeQuery()) {
                    while (rs.next()) {
                        // Rows deleted earlier in this transaction no longer match, so the first row is the victim.
                        victimSeq = rs.getLong(1);
                        victimPriority = rs.getInt(2);
                        victimBytes = rs.getLong(3);
                        break;
                    }
                }
                Prepared cheapestIncoming = kept.isEmpty() ? null : kept.get(0);
                if (cheapestIncoming != null && (victimSeq < 0 || cheapestIncoming.priority < victimPriority)) {
                    kept.remove(0);
                    evictedNow.merge(RecordPriority.values()[cheapestIncoming.priority], 1L, Long::sum);
                    over -= cheapestIncoming.size;
                    continue;
                }
                if (victimSeq < 0) {
                    break;
                }
                del.setLong(1, victimSeq);
                del.executeUpdate();
                delta[0]++;
                delta[1] += victimBytes;
                evictedNow.merge(RecordPriority.values()[victimPriority], 1L, Long::sum);
                over -= victimBytes;
            }
        }
        kept.sort((a, b) -> Long.compare(a.seq, b.seq));
        return kept;
    }

    /** Up to {@code maxRecords} records with seq above {@code afterSeq}, in seq order, within {@code maxBytes}. */
    public List<OutboxRow> readAfter(long afterSeq, int maxRecords, int maxBytes) throws SQLException {
        synchronized (db) {
            List<OutboxRow> out = new ArrayList<>();
            long total = 0;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT seq, body, bytes, created_ms FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, maxRecords);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int size = rs.getInt(3);
                        if (!out.isEmpty() && total + size > maxBytes) {
                            break;
                        }
                        out.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getLong(4)));
                        total += size;
                    }
                }
            } finally {
                conn.commit();
            }
            return out;
        }
    }

    /** Deletes acknowledged records (stored ranges and rejected seqs). Returns how many rows went. */
    public int delete(Collection<Ack.SeqRange> ranges, Collection<Long> seqs) throws SQLException {
        synchronized (db) {
            int removed = 0;
            long removedBytes = 0;
            try (PreparedStatement sum = conn.prepareStatement(
                            "SELECT COUNT(*), COALESCE(SUM(bytes),0) FROM outbox WHERE seq BETWEEN ? AND ?");
                    PreparedStatement del = conn.prepareStatement("DELETE FROM outbox WHERE seq BETWEEN ? AND ?")) {
                List<Ack.SeqRange> all = new ArrayList<>(ranges);
                seqs.forEach(s -> all.add(new Ack.SeqRange(s, s)));
                for (Ack.SeqRange r : all) {
                    sum.setLong(1, r.from());
                    sum.setLong(2, r.to());
                    try (ResultSet rs = sum.executeQuery()) {
                        rs.next();
                        removed += rs.getInt(1);
                        removedBytes += rs.getLong(2);
                    }
                    del.setLong(1, r.from());
                    del.setLong(2, r.to());
                    del.executeUpdate();
                }
                conn.commit();
            } catch (SQLException e) {
                try {
                    conn.rollback();
                } catch (SQLException ignored) {
                    // the original error is the one to report
                }
                throw e;
            }
            depth.addAndGet(-removed);
            bytes.addAndGet(-removedBytes);
            return removed;
        }
    }

    /**
     * Privacy ("forget the last minutes"): deletes the records accepted at or after {@code sinceMs} (epoch ms) that
     * are still here, i.e. not yet acked by the gateway. Returns how many went.
     */
    public int deleteCreatedSince(long sinceMs) throws SQLException {
        synchronized (db) {
            int removed;
            long removedBytes;
            try (PreparedStatement sum = conn.prepareStatement(
                            "SELECT COUNT(*), COALESCE(SUM(bytes),0) FROM outbox WHERE created_ms >= ?");
                    PreparedStatement del = conn.prepareStatement("DELETE FROM outbox WHERE created_ms >= ?")) {
                sum.setLong(1, sinceMs);
                try (ResultSet rs = sum.executeQuery()) {
                    rs.next();
                    removed = rs.getInt(1);
                    removedBytes = rs.getLong(2);
                }
                del.setLong(1, sinceMs);
                del.executeUpdate();
                conn.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw e;
            }
            depth.addAndGet(-removed);
            bytes.addAndGet(-removedBytes);
            return removed;
        }
    }

    public OutboxStats stats() {
        long oldest = 0;
        try {
            synchronized (db) {
                try (Statement s = conn.createStatement();
                        ResultSet rs = s.executeQuery("SELECT MIN(created_ms) FROM outbox")) {
                    oldest = rs.next() ? rs.getLong(1) : 0;
                } finally {
                    conn.commit();
                }
            }
        } catch (SQLException e) {
            Logger.warn("event=outbox_stats_failed error=\"{}\"", e.getMessage());
        }
        return new OutboxStats(depth.get(), bytes.get(), oldest, nextSeq, evictedByPriority(), rejected.get());
    }

    /** Records evicted so far, per priority class; from counters (no database query), cheap enough for status. */
    public Map<String, Long> evictedByPriority() {
        Map<String, Long> ev = new LinkedHashMap<>();
        evicted.forEach((p, n) -> ev.put(p.name().toLowerCase(java.util.Locale.ROOT), n.get()));
        return ev;
    }

    public long depth() {
        return depth.get();
    }

    /** The moved-aside corrupt file from this start, or null. */
    public String quarantinedFile() {
        return quarantinedFile;
    }

    /** The last write error, or null when the last commit worked (disk full, read-only remount...). */
    public String lastError() {
        return lastError;
    }

    private long meta(String key, long fallback) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : fallback;
            }
        } finally {
            conn.commit();
        }
    }

    private void putMeta(String key, long value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }

    private void rollbackQuietly() {
        try {
            conn.rollback();
        } catch (SQLException e) {
            Logger.warn("event=outbox_rollback_failed error=\"{}\"", e.getMessage());
        }
    }

    /** Drains queued records into the file, then closes it. Safe to call twice. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("outbox closed before the record was written"));
        }
        synchronized (db) {
            closeQuietly(conn);
        }
        Logger.info("event=outbox_closed file={} depth={} next_seq={}", config.file(), depth.get(), nextSeq);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            Logger.warn("event=sqlite_close_failed error=\"{}\"", e.getMessage());
        }
    }
}
