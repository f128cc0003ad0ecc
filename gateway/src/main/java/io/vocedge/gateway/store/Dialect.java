package io.vocedge.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The few ways SQLite and PostgreSQL differ for us: types of times, booleans and JSON, and the migration folder.
 * Public so feature repositories (console queries, forwarding outbox, alerts) write SQL that runs on both stores.
 */
public enum Dialect {
    SQLITE("db/sqlite", "?", "INSERT OR IGNORE INTO"),
    POSTGRESQL("db/postgresql", "CAST(? AS jsonb)", "INSERT INTO");

    final String migrations;
    /** The placeholder for a JSON parameter ({@code ?} or {@code CAST(? AS jsonb)}). */
    public final String jsonParam;
    /** {@code INSERT OR IGNORE INTO} or {@code INSERT INTO} (with {@link #onConflictIgnore}). */
    public final String insertIgnore;

    Dialect(String migrations, String jsonParam, String insertIgnore) {
        this.migrations = migrations;
        this.jsonParam = jsonParam;
        this.insertIgnore = insertIgnore;
    }

    /** Suffix for an insert that must ignore an existing key. */
    public String onConflictIgnore(String keyColumns) {
        return this == POSTGRESQL ? " ON CONFLICT (" + keyColumns + ") DO NOTHING" : "";
    }

    /**
     * Suffix for an insert that must ignore an existing key of a partial unique index: PostgreSQL finds the index only
     * when the statement repeats its predicate.
     */
    public String onConflictIgnore(String keyColumns, String indexPredicate) {
        return this == POSTGRESQL ? " ON CONFLICT (" + keyColumns + ") WHERE " + indexPredicate + " DO NOTHING" : "";
    }

    public void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, this == POSTGRESQL ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
        } else if (this == POSTGRESQL) {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else {
            ps.setString(i, t.toString());
        }
    }

    public Instant getTime(ResultSet rs, String column) throws SQLException {
        if (this == POSTGRESQL) {
            Timestamp ts = rs.getTimestamp(column);
            return ts == null ? null : ts.toInstant();
        }
        String s = rs.getString(column);
        return s == null ? null : Instant.parse(s);
    }

    public void setBool(PreparedStatement ps, int i, boolean b) throws SQLException {
        if (this == POSTGRESQL) {
            ps.setBoolean(i, b);
        } else {
            ps.setInt(i, b ? 1 : 0);
        }
    }
}
