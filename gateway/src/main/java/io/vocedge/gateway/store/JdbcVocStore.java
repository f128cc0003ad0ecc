package io.vocedge.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.common.fs.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.tinylog.Logger;

/**
 * The VoC store over JDBC: SQLite (embedded default; WAL, synchronous=FULL) or PostgreSQL (HikariCP), same
 * logical schema, created and migrated by Flyway. Records are inserted with "ignore on (device_id, seq)
 * conflict" in JDBC batches, many MQTT messages per transaction; a record already stored counts as a duplicate.
 */
public final class JdbcVocStore implements VocStore {
    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String gatewayId;
    private final List<CommitParticipant> participants = new java.util.concurrent.CopyOnWriteArrayList<>();

    private JdbcVocStore(HikariDataSource pool, Dialect dialect, String gatewayId) {
        this.pool = pool;
        this.dialect = dialect;
        this.gatewayId = gatewayId;
    }

    /** Opens the store for the gateway service: creates it (SQLite file, directory) and migrates the schema. */
    public static JdbcVocStore open(StoreSettings settings, String gatewayId) throws SQLException {
        if (!settings.postgres()) {
            Path file = settings.sqliteFile().toAbsolutePath();
            try {
                if (!Files.isDirectory(file.getParent())) {
                    OwnerOnly.directory(file.getParent());
                }
                // Created 0600 before SQLite opens it; SQLite gives -wal and -shm the database file's mode.
                OwnerOnly.file(file);
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create " + file + " (owner-only): " + e.getMessage(), e);
            }
        }
        HikariDataSource ds = connect(settings, false);
        Dialect dialect = settings.postgres() ? Dialect.POSTGRESQL : Dialect.SQLITE;
        try {
            // outOfOrder: each feature owns a version range (console V50-59, alerts V70-79, ...), so a store already at
            // V80 still gets a feature's V50 when that feature arrives later.
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:" + dialect.migrations)
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new SQLException("store migration failed: " + rootMessage(e), e);
        }
        if (dialect == Dialect.SQLITE) {
            tightenSqliteCompanions(settings.sqliteFile().toAbsolutePath());
        }
        Logger.info(
                "event=store_open kind={} url={}", dialect.name().toLowerCase(java.util.Locale.ROOT), ds.getJdbcUrl());
        return new JdbcVocStore(ds, dialect, gatewayId);
    }

    /** A store created by an older gateway under a wide umask: its -wal and -shm files are tightened too. */
    private static void tightenSqliteCompanions(Path file) throws SQLException {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                OwnerOnly.restrict(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot make " + file + " owner-only: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a store that must already exist, for read-only tools ({@code records}): never creates a file, a
     * directory or a table, never migrates, and opens SQLite read-only. A mistyped {@code --data-dir} or
     * {@code store.sqlite_file} is refused with the path and the fix instead of showing an empty new database.
     *
     * @throws BadInputException when there is no store where the settings point
     */
    public static JdbcVocStore openExisting(StoreSettings settings, String gatewayId) throws SQLException {
        return openExisting(settings, gatewayId, true);
    }

    /**
     * As {@link #openExisting(StoreSettings, String)} but writable, for operator tools that change rows
     * ({@code dead-letters redrive}); still never creates or migrates a store.
     */
    public static JdbcVocStore openExistingForWrite(StoreSettings settings, String gatewayId) throws SQLException {
        return openExisting(settings, gatewayId, false);
    }

    private static JdbcVocStore openExisting(StoreSettings settings, String gatewayId, boolean readOnly)
            throws SQLException {
        Dialect dialect = settings.postgres() ? Dialect.POSTGRESQL : Dialect.SQLITE;
        if (!settings.postgres()) {
            Path file = settings.sqliteFile().toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(
                        "no VoC store at " + file + " (nothing was created): give the gateway's data "
                                + "directory with --data-dir, or its config with --config (store.sqlite_file); a gateway creates "
                                + "its store on its first 'run'");
            }
        }
        HikariDataSource ds;
        try {
            ds = connect(settings, readOnly);
        } catch (SQLException e) {
            if (settings.postgres() && "3D000".equals(sqlState(e))) {
                throw new BadInputException(
                        "the database in store.jdbc_url (" + settings.jdbcUrl() + ") does not exist: "
                                + "check store.jdbc_url in the gateway's config",
                        e);
            }
            throw e;
        }
        try {
            int applied = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:" + dialect.migrations)
                    .load()
                    .info()
                    .applied()
                    .length;
            if (applied == 0) {
                throw new BadInputException((settings.postgres()
                                ? "the database " + settings.jdbcUrl()
                                : settings.sqliteFile().toAbsolutePath().toString())
                        + " holds no VoC store (no schema): check "
                        + (settings.postgres() ? "store.jdbc_url" : "--data-dir or store.sqlite_file")
                        + "; a gateway creates its store on its first 'run'");
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new JdbcVocStore(ds, dialect, gatewayId);
    }

    private static HikariDataSource connect(StoreSettings settings, boolean readOnly) throws SQLException {
        HikariConfig hc = new HikariConfig();
        if (settings.postgres()) {
            hc.setJdbcUrl(settings.jdbcUrl());
            hc.setUsername(settings.user());
            hc.setPassword(settings.password());
            // Flyway holds one connection while it asks for another: at least 2.
            hc.setMaximumPoolSize(Math.max(2, settings.poolSize()));
        } else {
            hc.setJdbcUrl("jdbc:sqlite:" + settings.sqliteFile().toAbsolutePath());
            if (readOnly) {
                // SQLITE_OPEN_READONLY: the driver cannot create the file or write to it. The pool must agree, or
                // it tries to switch the connection back to read-write (which sqlite-jdbc refuses).
                hc.addDataSourceProperty("open_mode", "1");
                hc.setReadOnly(true);
            } else {
                hc.addDataSourceProperty("journal_mode", "WAL");
                hc.addDataSourceProperty("synchronous", "FULL");
            }
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("foreign_keys", "true");
            // SQLite has one writer; a single connection avoids lock contention inside the gateway.
            hc.setMaximumPoolSize(1);
        }
        hc.setPoolName(readOnly ? "voc-store-read" : "voc-store");
        hc.setAutoCommit(false);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new SQLException(
                    "cannot connect to the store (" + hc.getJdbcUrl() + "): " + rootMessage(e)
                            + (settings.postgres()
                                    ? " - check store.jdbc_url, user and password, and that PostgreSQL runs"
                                    : ""),
                    sqlState(e),
                    e);
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public CommitResult commit(StoreTransaction tx) throws SQLException {
        try (Connection c = pool.getConnection()) {
            CommittedChanges changes = null;
            try {
                for (DeviceEntry d : tx.autoRegister) {
                    insertDevice(c, d, true);
                }
                List<StoredRecord> inserted = insertRecords(c, tx.records);
                SeqRanges.add(c, dialect, inserted);
                insertTopics(c, inserted);
                insertDeadLetters(c, tx.deadLetters);
                markSeen(c, tx.seen);
                updateStatuses(c, tx.statuses);
                insertCommandResults(c, forget(c, tx.forgets, tx.commandResults));
                markRedriven(c, tx.redriven);
                if (!participants.isEmpty()) {
                    changes = new CommittedChanges(inserted, tx.statuses, tx.autoRegister);
                    for (CommitParticipant p : participants) {
                        p.participate(c, dialect, changes);
                    }
                }
                c.commit();
                if (changes != null) {
                    for (CommitParticipant p : participants) {
                        try {
                            p.committed(changes);
                        } catch (RuntimeException e) {
                            Logger.warn(
                                    "event=commit_participant_after_commit_failed participant={} error=\"{}\"",
                                    p.getClass().getSimpleName(),
                                    e.toString());
                        }
                    }
                }
                return new CommitResult(inserted.size(), tx.records.size() - inserted.size(), tx.deadLetters.size());
            } catch (SQLException | RuntimeException | AssertionError e) {
                if (changes != null) {
                    for (CommitParticipant p : participants) {
                        try {
                            p.rolledBack(changes);
                        } catch (RuntimeException r) {
                            e.addSuppressed(r);
                        }
                    }
                }
                // The commit's own error decides what happens next (StoreFault), never a failing rollback's.
                try {
                    c.rollback();
                } catch (SQLException | RuntimeException r) {
                    e.addSuppressed(r);
                }
                // A driver or participant failing with anything but SQLException (pgjdbc asserts on a connection cut
                // mid-batch when run with -ea) is still a failed commit: the caller classifies it and retries.
                throw e instanceof SQLException s ? s : new SQLException("store commit failed: " + e, e);
            }
        }
    }

    /** Inserts, ignoring records already stored; returns the ones that are new. */
    private List<StoredRecord> insertRecords(Connection c, List<StoredRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        String sql =
                dialect.insertIgnore + " records (device_id, seq, schema_id, kind, site, conversation_id, speaker_role,"
                        + " lang, text, sentiment, sentiment_score, lexicon_version, recorded_at, clock_synced, boot_id, mono_ms,"
                        + " received_at, corrected_at, gateway_id, payload, escalation, churn_risk, attention, model_version)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?," + dialect.jsonParam + ",?,?,?,?)"
                        + dialect.onConflictIgnore("device_id, seq");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (StoredRecord r : records) {
                ps.setString(1, r.deviceId());
                ps.setLong(2, r.seq());
                ps.setString(3, r.schemaId());
                ps.setString(4, r.kind());
                ps.setString(5, r.site());
                ps.setString(6, r.conversationId());
                ps.setString(7, r.speakerRole());
                ps.setString(8, r.lang());
                ps.setString(9, r.text());
                ps.setString(10, r.sentiment());
                if (r.sentimentScore() == null) {
                    ps.setNull(11, Types.DOUBLE);
                } else {
                    ps.setDouble(11, r.sentimentScore());
                }
                ps.setString(12, r.lexiconVersion());
                dialect.setTime(ps, 13, r.recordedAt());
                dialect.setBool(ps, 14, r.clockSynced());
                ps.setString(15, r.bootId());
                ps.setLong(16, r.monoMs());
                dialect.setTime(ps, 17, r.receivedAt());
                dialect.setTime(ps, 18, r.correctedAt());
                ps.setString(19, gatewayId);
                ps.setString(20, r.payloadJson());
                setFlag(ps, 21, r.escalation());
                setFlag(ps, 22, r.churnRisk());
                setFlag(ps, 23, r.attention());
                ps.setString(24, r.modelVersion());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<StoredRecord> inserted = new ArrayList<>(records.size());
            for (int i = 0; i < counts.length; i++) {
                // SUCCESS_NO_INFO (-2) would hide duplicates; neither driver returns it for these statements.
                if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    inserted.add(records.get(i));
                }
            }
            return inserted;
        }
    }

    private void setFlag(PreparedStatement ps, int i, Boolean b) throws SQLException {
        if (b == null) {
            ps.setNull(i, dialect == Dialect.POSTGRESQL ? Types.BOOLEAN : Types.INTEGER);
        } else {
            dialect.setBool(ps, i, b);
        }
    }

    private void insertTopics(Connection c, List<StoredRecord> records) throws SQLException {
        String sql =
                dialect.insertIgnore + " record_topics (device_id, seq, topic_id, topic_sentiment) VALUES (?,?,?,?)"
                        + dialect.onConflictIgnore("device_id, seq, topic_id");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (StoredRecord r : records) {
                for (StoredRecord.Topic t : r.topics()) {
                    ps.setString(1, r.deviceId());
                    ps.setLong(2, r.seq());
                    ps.setString(3, t.id());
                    ps.setString(4, t.sentiment());
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    private void insertDeadLetters(Connection c, List<DeadLetter> letters) throws SQLException {
        if (letters.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dead_letters (received_at, gateway_id, topic, device_id,"
                        + " seq, reason, payload, payload_encoding, payload_bytes, reason_code) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (DeadLetter d : letters) {
                dialect.setTime(ps, 1, d.receivedAt());
                ps.setString(2, gatewayId);
                ps.setString(3, d.topic());
                ps.setString(4, d.deviceId());
                if (d.seq() == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, d.seq());
                }
                ps.setString(6, d.reason());
                ps.setString(7, d.payload());
                ps.setString(8, d.payloadEncoding());
                ps.setInt(9, d.payloadBytes());
                ps.setString(10, d.reasonCode());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void markRedriven(Connection c, List<Object[]> marks) throws SQLException {
        if (marks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE dead_letters SET redriven_at = ?, redrive_outcome = ?"
                + " WHERE id = ? AND redriven_at IS NULL")) {
            for (Object[] m : marks) {
                dialect.setTime(ps, 1, (Instant) m[1]);
                ps.setString(2, (String) m[2]);
                ps.setLong(3, (Long) m[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void markSeen(Connection c, List<String[]> seen) throws SQLException {
        if (seen.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET last_seen = ? WHERE device_id = ?")) {
            for (String[] s : seen) {
                dialect.setTime(ps, 1, Instant.parse(s[1]));
                ps.setString(2, s[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void updateStatuses(Connection c, List<StatusUpdate> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE devices SET online = ?, software_version = COALESCE(?, software_version),"
                        + " outbox_depth = COALESCE(?, outbox_depth), status_at = ?, last_status = " + dialect.jsonParam
                        + " WHERE device_id = ?")) {
            for (StatusUpdate s : statuses) {
                dialect.setBool(ps, 1, s.online());
                ps.setString(2, s.softwareVersion());
                if (s.outboxDepth() == null) {
                    ps.setNull(3, Types.BIGINT);
                } else {
                    ps.setLong(3, s.outboxDepth());
                }
                dialect.setTime(ps, 4, s.at());
                ps.setString(5, s.json());
                ps.setString(6, s.deviceId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Deletes each forget request's records (and their topics, search terms and alert details), audits it, and returns
     * the results with the gateway's count appended to the message of the result that asked.
     */
    private List<CommandResultRow> forget(Connection c, List<ForgetRequest> forgets, List<CommandResultRow> results)
            throws SQLException {
        if (forgets.isEmpty()) {
            return results;
        }
        java.util.Map<String, Integer> deleted = new java.util.HashMap<>();
        String window =
                "device_id = ? AND seq IN (SELECT seq FROM records WHERE device_id = ? AND corrected_at >= ? AND corrected_at <= ?)";
        for (ForgetRequest f : forgets) {
            for (String sql : List.of(
                    "DELETE FROM record_topics WHERE " + window,
                    "DELETE FROM search_terms WHERE " + window,
                    "UPDATE alerts SET detail = NULL WHERE device_id = ? AND record_seq IN (SELECT seq FROM records WHERE "
                            + "device_id = ? AND corrected_at >= ? AND corrected_at <= ?)")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, f.deviceId());
                    ps.setString(2, f.deviceId());
                    dialect.setTime(ps, 3, f.from());
                    dialect.setTime(ps, 4, f.to());
                    ps.executeUpdate();
                }
            }
            int n;
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM records WHERE device_id = ? AND corrected_at >= ? AND corrected_at <= ?")) {
                ps.setString(1, f.deviceId());
                dialect.setTime(ps, 2, f.from());
                dialect.setTime(ps, 3, f.to());
                n = ps.executeUpdate();
            }
            SeqRanges.rebuild(c, f.deviceId());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO console_audit (at, actor, action, target, site, detail) VALUES (?,?,?,?,?,?)")) {
                dialect.setTime(ps, 1, Instant.now());
                ps.setString(2, "device:" + f.deviceId());
                ps.setString(3, "forget");
                ps.setString(4, f.deviceId());
                ps.setString(5, f.site());
                ps.setString(
                        6,
                        "from=" + f.from() + " to=" + f.to() + " records_deleted=" + n + " command_id="
                                + f.commandId());
                ps.executeUpdate();
            }
            deleted.merge(f.commandId(), n, Integer::sum);
            org.tinylog.Logger.info(
                    "event=forget device={} from={} to={} records_deleted={} command_id={}",
                    f.deviceId(),
                    f.from(),
                    f.to(),
                    n,
                    f.commandId());
        }
        List<CommandResultRow> out = new ArrayList<>(results.size());
        for (CommandResultRow r : results) {
            Integer n = deleted.get(r.commandId());
            out.add(
                    n == null
                            ? r
                            : new CommandResultRow(
                                    r.commandId(),
                                    r.deviceId(),
                                    r.ok(),
                                    (r.message() == null ? "" : r.message() + "; ") + "gateway deleted " + n
                                            + " stored records of the window",
                                    r.receivedAt(),
                                    r.json()));
        }
        return out;
    }

    private void insertCommandResults(Connection c, List<CommandResultRow> results) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement(dialect.insertIgnore + " command_results (command_id, device_id, ok,"
                        + " message, received_at, payload) VALUES (?,?,?,?,?," + dialect.jsonParam + ")"
                        + dialect.onConflictIgnore("command_id"))) {
            for (CommandResultRow r : results) {
                ps.setString(1, r.commandId());
                ps.setString(2, r.deviceId());
                dialect.setBool(ps, 3, r.ok());
                ps.setString(4, r.message());
                dialect.setTime(ps, 5, r.receivedAt());
                ps.setString(6, r.json());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertDevice(Connection c, DeviceEntry d, boolean ignoreExisting) throws SQLException {
        String sql = (ignoreExisting ? dialect.insertIgnore : "INSERT INTO") + " devices (device_id, site, name,"
                + " cert_fingerprint, state, registered_at, online) VALUES (?,?,?,?,?,?,?)"
                + (ignoreExisting ? dialect.onConflictIgnore("device_id") : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.deviceId());
            ps.setString(2, d.site());
            ps.setString(3, d.name());
            ps.setString(4, d.certFingerprint());
            ps.setString(5, d.state());
            dialect.setTime(ps, 6, d.registeredAt());
            dialect.setBool(ps, 7, false);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<DeviceEntry> device(String deviceId) throws SQLException {
        List<DeviceEntry> found = queryDevices("WHERE device_id = ?", deviceId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<DeviceEntry> devices() throws SQLException {
        return queryDevices("ORDER BY site, name", null);
    }

    private List<DeviceEntry> queryDevices(String where, String arg) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT device_id, site, name, cert_fingerprint, state, registered_at,"
                                + " revoked_at, last_seen, online, software_version, outbox_depth FROM devices "
                                + where)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<DeviceEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long depth = rs.getLong("outbox_depth");
                    Long outboxDepth = rs.wasNull() ? null : depth;
                    out.add(new DeviceEntry(
                            rs.getString("device_id"),
                            rs.getString("site"),
                            rs.getString("name"),
                            rs.getString("cert_fingerprint"),
                            rs.getString("state"),
                            dialect.getTime(rs, "registered_at"),
                            dialect.getTime(rs, "revoked_at"),
                            dialect.getTime(rs, "last_seen"),
                            rs.getBoolean("online"),
                            rs.getString("software_version"),
                            outboxDepth));
                }
            }
            c.commit();
            return out;
        }
    }

    @Override
    public void register(DeviceEntry device) throws SQLException, DuplicateDeviceException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT device_id FROM devices WHERE device_id = ? OR (site = ? AND name = ? AND state = ?)")) {
                ps.setString(1, device.deviceId());
                ps.setString(2, device.site());
                ps.setString(3, device.name());
                ps.setString(4, DeviceEntry.REGISTERED);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        c.rollback();
                        throw new DuplicateDeviceException(
                                rs.getString(1).equals(device.deviceId())
                                        ? "device id '" + device.deviceId() + "' is already registered"
                                        : "site '" + device.site() + "' already has a device named '" + device.name()
                                                + "' (" + rs.getString(1)
                                                + "); choose another name or revoke that device first");
                    }
                }
            }
            insertDevice(c, device, false);
            c.commit();
        }
    }

    @Override
    public boolean revoke(String deviceId) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE devices SET state = ?, revoked_at = ? WHERE device_id = ?")) {
            ps.setString(1, DeviceEntry.REVOKED);
            dialect.setTime(ps, 2, Instant.now());
            ps.setString(3, deviceId);
            int n = ps.executeUpdate();
            c.commit();
            return n > 0;
        }
    }

    /**
     * Adds a feature that writes inside every commit (see {@link CommitParticipant}); register before ingest starts.
     */
    public void addParticipant(CommitParticipant participant) {
        participants.add(participant);
    }

    /** The connection pool, for feature repositories (console queries, outboxes) that keep their own SQL. */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public boolean ping() {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1");
                ResultSet rs = ps.executeQuery()) {
            boolean ok = rs.next();
            c.commit();
            return ok;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
