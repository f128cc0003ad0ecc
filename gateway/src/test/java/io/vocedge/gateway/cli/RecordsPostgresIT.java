package io.vocedge.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.testsupport.PostgresDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code records} against PostgreSQL: a wrong database or an empty one is refused (exit 2), never migrated. */
class RecordsPostgresIT {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        CommandLine cli = GatewayMain.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anEmptyOrMissingDatabaseIsRefusedAndLeftEmpty() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create()) {
            Path cfg = Files.writeString(
                    dir.resolve("gw.yaml"),
                    "store: {kind: postgresql, jdbc_url: \"" + pg.jdbcUrl() + "\", user: " + pg.user() + "}\n");
            StringWriter err = new StringWriter();
            assertThat(run(err, "records", "--config", cfg.toString()))
                    .as(err.toString())
                    .isEqualTo(2);
            assertThat(err.toString()).contains("holds no VoC store").contains("store.jdbc_url");
            try (Connection c = pg.connect();
                    ResultSet rs = c.createStatement()
                            .executeQuery(
                                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("no table created, no migration run")
                        .isZero();
            }

            String missing = pg.jdbcUrl().replace(pg.name(), pg.name() + "_typo");
            Path typo = Files.writeString(
                    dir.resolve("typo.yaml"),
                    "store: {kind: postgresql, jdbc_url: \"" + missing + "\", user: " + pg.user() + "}\n");
            StringWriter err2 = new StringWriter();
            assertThat(run(err2, "records", "--config", typo.toString()))
                    .as(err2.toString())
                    .isEqualTo(2);
            assertThat(err2.toString()).contains("does not exist").contains("store.jdbc_url");
        }
    }
}
