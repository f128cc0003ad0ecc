package io.vocedge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vocedge.testsupport.FreePorts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Classification of real errors from real SQLite files: each exception is produced by the driver, not built by hand.
 * (PostgreSQL's are in {@code StoreFaultPostgresIT}.)
 */
class StoreFaultTest {
    @TempDir
    Path dir;

    private Connection open(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
    }

    private Connection withTable(String name) throws SQLException {
        Connection c = open(name);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        }
        return c;
    }

    private static SQLException failing(Connection c, String sql) {
        return catchThrowableOfType(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    @Test
    void aFileWriteLockedByAnotherWriterIsBusyNotTheRecordsFault() throws Exception {
        try (Connection holder = withTable("busy.db");
                Connection writer = open("busy.db")) {
            try (Statement s = holder.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("INSERT INTO t VALUES (1, 'held')");
            }
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
            }
            SQLException e = failing(writer, "INSERT INTO t VALUES (2, 'valid')");
            assertThat((Object) e).isNotNull();
            assertThat(StoreFault.of(e)).isEqualTo(StoreFault.BUSY);
            assertThat(StoreFault.of(e).retryable()).isTrue();
        }
    }

    @Test
    void aReadOnlyDatabaseIsUnwritable() throws Exception {
        withTable("ro.db").close();
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ro.db"), cfg.toProperties())) {
            SQLException e = failing(c, "INSERT INTO t VALUES (1, 'valid')");
            assertThat(StoreFault.of(e)).isEqualTo(StoreFault.UNWRITABLE);
        }
    }

    @Test
    void aFullDatabaseIsUnwritable() throws Exception {
        try (Connection c = withTable("full.db");
                Statement s = c.createStatement()) {
            s.execute(
                    "PRAGMA max_page_count = 8"); // the disk-full path of SQLite (SQLITE_FULL), without filling a disk
            SQLException e = failing(
                    c,
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                            + " INSERT INTO t SELECT i, hex(randomblob(2000)) FROM n");
            assertThat((Object) e).isNotNull();
            assertThat(StoreFault.of(e)).isEqualTo(StoreFault.UNWRITABLE);
        }
    }

    @Test
    void aConstraintTheRowCanNeverSatisfyIsContent() throws Exception {
        try (Connection c = withTable("c.db")) {
            SQLException e = failing(c, "INSERT INTO t VALUES (1, NULL)");
            assertThat(StoreFault.of(e)).isEqualTo(StoreFault.CONTENT);
            assertThat(StoreFault.of(e).retryable()).isFalse();
        }
    }

    @Test
    void aPostgresqlServerThatDoesNotAnswerIsUnreachable() {
        int closed = FreePorts.next();
        SQLException e = catchThrowableOfType(
                SQLException.class,
                () -> DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + closed + "/voc?connectTimeout=2", "postgres", ""));
        assertThat(StoreFault.of(e)).isEqualTo(StoreFault.UNREACHABLE);
    }

    @Test
    void sqlStatesMapByClass() {
        assertThat(StoreFault.sqlState("40001")).isEqualTo(StoreFault.BUSY);
        assertThat(StoreFault.sqlState("40P01")).isEqualTo(StoreFault.BUSY);
        assertThat(StoreFault.sqlState("55P03")).isEqualTo(StoreFault.BUSY);
        assertThat(StoreFault.sqlState("57014")).isEqualTo(StoreFault.BUSY);
        assertThat(StoreFault.sqlState("57P01")).isEqualTo(StoreFault.UNREACHABLE);
        assertThat(StoreFault.sqlState("08006")).isEqualTo(StoreFault.UNREACHABLE);
        assertThat(StoreFault.sqlState("53100")).isEqualTo(StoreFault.UNWRITABLE);
        assertThat(StoreFault.sqlState("25006")).isEqualTo(StoreFault.UNWRITABLE);
        assertThat(StoreFault.sqlState("23502")).isEqualTo(StoreFault.CONTENT);
        assertThat(StoreFault.sqlState("22021")).isEqualTo(StoreFault.CONTENT);
        assertThat(StoreFault.sqlState("42P01"))
                .as("a missing table is our bug, never the record's")
                .isEqualTo(StoreFault.UNKNOWN);
        assertThat(StoreFault.of(new RuntimeException("no SQL at all"))).isEqualTo(StoreFault.UNKNOWN);
        assertThat(StoreFault.UNKNOWN.retryable()).isTrue();
    }
}
