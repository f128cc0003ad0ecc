package io.vocedge.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vocedge.gateway.config.GatewayConfig;
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

    private JdbcVocStore(HikariDataSource pool, Dialect dialect, String gatewayId) {
        this.pool = pool;
        this.dialect = dialect;
        this.gatewayId = gatewayId;
    }

    public static JdbcVocStore open(GatewayConfig.StoreSettings settings, String gatewayId) throws SQLException {
        HikariConfig hc = new HikariConfig();
        Dialect dialect;
        if (settings.postgres()) {
            dialect = Dialect.POSTGRESQL;
            hc.setJdbcUrl(settings.jdbcUrl());
            hc.setUsername(settings.user());
            hc.setPassword(settings.password());
            hc.setMaximumPoolSize(settings.poolSize());
        } else {
            dialect = Dialect.SQLITE;
            Path file = settings.sqliteFile().toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create the directory for " + file + ": " + e.getMessage(), e);
            }
            hc.setJdbcUrl("jdbc:sqlite:" + file);
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", "FULL");
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("foreign_keys", "true");
            // SQLite has one writer; a single connection avoids lock contention inside the gateway.
            hc.setMaximumPoolSize(1);
        }
        hc.setPoolName("voc-store");
        hc.setAutoCommit(false);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new SQLException("cannot connect to the store (" + hc.getJdbcUrl() + "): " + rootMessage(e)
                    + (settings.postgres() ? " - check store.jdbc_url, user and password, and that PostgreSQL runs" : ""), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:" + dialect.migrations).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new SQLException("store migration failed: " + rootMessage(e), e);
        }
        Logger.info("event=store_open kind={} url={}", dialect.name().toLowerCase(java.util.Locale.ROOT), hc.getJdbcUrl());
        return new JdbcVocStore(ds, dialect, gatewayId);
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
            try {
                for (DeviceEntry d : tx.autoRegister) {
                    insertDevice(c, d, true);
                }
                int inserted = insertRecords(c, tx.records);
                insertTopics(c, tx.records);
                insertDeadLetters(c, tx.deadLetters);
                markSeen(c, tx.seen);
                updateStatuses(c, tx.statuses);
                insertCommandResults(c, tx.commandResults);
                c.commit();
                return new CommitResult(inserted, tx.records.size() - inserted, tx.deadLetters.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int insertRecords(Connection c, List<StoredRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return 0;
        }
        String sql = dialect.insertIgnore + " records (device_id, seq, schema_id, kind, site, conversation_id, speaker_role,"
                + " lang, text, sentiment, sentiment_score, lexicon_version, recorded_at, clock_synced, boot_id, mono_ms,"
                + " received_at, corrected_at, gateway_id, payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                + dialect.jsonParam + ")" + dialect.onConflictIgnore("device_id, seq");
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
                ps.addBatch();
            }
            int inserted = 0;
            for (int n : ps.executeBatch()) {
                inserted += n > 0 ? 1 : 0;
            }
            return inserted;
        }
    }

    private void insertTopics(Connection c, List<StoredRecord> records) throws SQLException {
        String sql = dialect.insertIgnore + " record_topics (device_id, seq, topic_id, topic_sentiment) VALUES (?,?,?,?)"
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letters (received_at, gateway_id, topic, device_id,"
                + " seq, reason, payload, payload_encoding, payload_bytes) VALUES (?,?,?,?,?,?,?,?,?)")) {
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
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET online = ?, software_version = COALESCE(?, software_version),"
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

    private void insertCommandResults(Connection c, List<CommandResultRow> results) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.insertIgnore + " command_results (command_id, device_id, ok,"
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
                PreparedStatement ps = c.prepareStatement("SELECT device_id, site, name, cert_fingerprint, state, registered_at,"
                        + " revoked_at, last_seen, online, software_version, outbox_depth FROM devices " + where)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<DeviceEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long depth = rs.getLong("outbox_depth");
                    Long outboxDepth = rs.wasNull() ? null : depth;
                    out.add(new DeviceEntry(rs.getString("device_id"), rs.getString("site"), rs.getString("name"),
                            rs.getString("cert_fingerprint"), rs.getString("state"), dialect.getTime(rs, "registered_at"),
                            dialect.getTime(rs, "revoked_at"), dialect.getTime(rs, "last_seen"), rs.getBoolean("online"),
                            rs.getString("software_version"), outboxDepth));
                }
            }
            c.commit();
            return out;
        }
    }

    @Override
    public void register(DeviceEntry device) throws SQLException, DuplicateDeviceException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT device_id FROM devices WHERE device_id = ? OR (site = ? AND name = ? AND state = ?)")) {
                ps.setString(1, device.deviceId());
                ps.setString(2, device.site());
                ps.setString(3, device.name());
                ps.setString(4, DeviceEntry.REGISTERED);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        c.rollback();
                        throw new DuplicateDeviceException(rs.getString(1).equals(device.deviceId())
                                ? "device id '" + device.deviceId() + "' is already registered"
                                : "site '" + device.site() + "' already has a device named '" + device.name() + "' ("
                                        + rs.getString(1) + "); choose another name or revoke that device first");
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
                PreparedStatement ps = c.prepareStatement("UPDATE devices SET state = ?, revoked_at = ? WHERE device_id = ?")) {
            ps.setString(1, DeviceEntry.REVOKED);
            dialect.setTime(ps, 2, Instant.now());
            ps.setString(3, deviceId);
            int n = ps.executeUpdate();
            c.commit();
            return n > 0;
        }
    }

    /** The newest records with their topics, newest first (for the {@code records} command and the demo). */
    public List<java.util.Map<String, Object>> recentRecords(int limit) throws SQLException {
        String topics = dialect == Dialect.POSTGRESQL ? "string_agg(t.topic_id, ',')" : "group_concat(t.topic_id, ',')";
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT r.device_id, r.seq, r.kind, r.speaker_role, r.sentiment,"
                        + " r.text, r.corrected_at, " + topics + " AS topics FROM records r LEFT JOIN record_topics t"
                        + " ON t.device_id = r.device_id AND t.seq = r.seq GROUP BY r.device_id, r.seq, r.kind, r.speaker_role,"
                        + " r.sentiment, r.text, r.corrected_at ORDER BY r.received_at DESC, r.seq DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<java.util.Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("device_id", rs.getString("device_id"));
                    row.put("seq", rs.getLong("seq"));
                    row.put("kind", rs.getString("kind"));
                    row.put("speaker", rs.getString("speaker_role"));
                    row.put("sentiment", rs.getString("sentiment"));
                    row.put("topics", rs.getString("topics"));
                    row.put("text", rs.getString("text"));
                    out.add(row);
                }
            }
            c.commit();
            return out;
        }
    }

    @Override
    public boolean ping() {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1");
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
