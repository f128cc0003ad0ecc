package io.vocedge.gateway.store;

import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Opens the gateway store of either kind for the integration tests that run against both: a SQLite file in the test's
 * directory, or a fresh PostgreSQL database (a real server, {@link PostgresDatabase}). One place, so every such test
 * opens its store the way the gateway does (same settings record, same gateway id).
 */
public final class TestStores {
    /** The gateway id the tests' stores are opened with. */
    public static final String GATEWAY = "gw-test";

    private TestStores() {}

    /** A fresh PostgreSQL database when {@code kind} is {@code postgresql}, else {@code null} (try-with-resources skips it). */
    public static PostgresDatabase databaseFor(String kind) throws Exception {
        return kind.equals("postgresql") ? PostgresDatabase.create() : null;
    }

    /**
     * Opens the store: {@code sqlite} as {@code dir/voc.db} (one connection, as the gateway runs it), otherwise
     * PostgreSQL on {@code pg} with {@code pool} connections.
     */
    public static JdbcVocStore open(String kind, Path dir, PostgresDatabase pg, int pool) throws SQLException {
        StoreSettings s = kind.equals("sqlite")
                ? new StoreSettings("sqlite", dir.resolve("voc.db"), null, null, null, 1)
                : new StoreSettings("postgresql", null, pg.jdbcUrl(), pg.user(), "", pool);
        return JdbcVocStore.open(s, GATEWAY);
    }
}
