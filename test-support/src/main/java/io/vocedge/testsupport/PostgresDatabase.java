package io.vocedge.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database per test on the server named by {@code VOC_TEST_PG} (default
 * {@code 127.0.0.1:5432}, user {@code postgres}, trust auth as .ci/run sets up), dropped on close. Tests
 * never see leftovers of other runs.
 */
public final class PostgresDatabase implements AutoCloseable {
    private final String server;
    private final String user;
    private final String name;

    private PostgresDatabase(String server, String user, String name) {
        this.server = server;
        this.user = user;
        this.name = name;
    }

    public static PostgresDatabase create() {
        String server = System.getenv().getOrDefault("VOC_TEST_PG", "127.0.0.1:5432");
        String user = System.getenv().getOrDefault("VOC_TEST_PG_USER", "postgres");
        String name =
                "voc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PostgresDatabase db = new PostgresDatabase(server, user, name);
        db.admin("CREATE DATABASE " + name);
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + server + "/" + name;
    }

    public String user() {
        return user;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, "");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + server + " as " + user + " failed '" + sql + "': " + e.getMessage()
                            + " (start it, or set VOC_TEST_PG=host:port; .ci/run starts one)",
                    e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
