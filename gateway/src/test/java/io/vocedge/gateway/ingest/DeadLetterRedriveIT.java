package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.cli.GatewayMain;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.testsupport.PostgresDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code voc-gateway dead-letters list|redrive} on real stores: a dead letter is listed by its reason code, redriven
 * after its cause is fixed (the device enrolled; the store rule that refused one record dropped), stored by
 * {@code (device_id, seq)} next to what was stored meanwhile, marked, and a second redrive changes nothing.
 */
class DeadLetterRedriveIT {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run cli(String... args) {
        CommandLine cli = GatewayMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aDeviceEnrolledAfterItsRecordsWereRefusedGetsThemStoredByRedrive() throws Exception {
        Path cfg = Files.writeString(dir.resolve("gw.yaml"), "registry: {mode: strict}\n");
        String[] target = {
            "--config", cfg.toString(), "--data-dir", dir.resolve("data").toString()
        };
        GatewayConfig config = GatewayConfig.load(cfg, dir.resolve("data"));
        try (WorkerHarness h = new WorkerHarness(config.store(), true)) {
            h.worker.process(List.of(h.batch("dev-9", 1, 3, null)));
            Run list = cli(concat(new String[] {"dead-letters", "list", "--reason", "device_unknown"}, target));
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out()).contains("device_unknown").contains("dev-9").contains("not enrolled");

            Run tooEarly = cli(concat(new String[] {"dead-letters", "redrive", "--reason", "device_unknown"}, target));
            assertThat(tooEarly.exit()).as("the cause is not fixed yet").isEqualTo(1);
            assertThat(tooEarly.out()).contains("still_refused").contains("device_unknown");

            h.store.register(new DeviceEntry(
                    "dev-9",
                    "site-a",
                    "dev-9",
                    null,
                    DeviceEntry.REGISTERED,
                    Instant.now(),
                    null,
                    null,
                    false,
                    null,
                    null));
            Run redrive = cli(concat(new String[] {"dead-letters", "redrive", "--reason", "device_unknown"}, target));
            assertThat(redrive.exit()).as(redrive.out() + redrive.err()).isZero();
            assertThat(redrive.out()).contains("stored").contains("3 stored, 0 already stored");
            Run again = cli(concat(new String[] {"dead-letters", "redrive", "--reason", "device_unknown"}, target));
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("no dead letter with reason device_unknown waiting");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/voc.db"))) {
                assertThat(WorkerHarness.count(c, "SELECT COUNT(*) FROM records WHERE device_id = 'dev-9'"))
                        .isEqualTo(3);
                assertThat(WorkerHarness.count(c, "SELECT COUNT(*) FROM dead_letters WHERE redriven_at IS NOT NULL"))
                        .isEqualTo(1);
            }
            assertThat(cli(concat(new String[] {"dead-letters", "list"}, target))
                            .out())
                    .contains(" yes ");
        }
    }

    /** With forwarding configured, redriven records are forwarded like any stored record (issue 18). */
    @Test
    void redrivenRecordsGoIntoTheForwardingOutboxWithTheirRecordIds() throws Exception {
        Path cfg = Files.writeString(
                dir.resolve("gw.yaml"),
                "registry: {mode: strict}\nforward: {http: {url: \"http://127.0.0.1:9/in\","
                        + " secret: \"a-loopback-secret-of-24-chars\"}}\n");
        String[] target = {
            "--config", cfg.toString(), "--data-dir", dir.resolve("data").toString()
        };
        GatewayConfig config = GatewayConfig.load(cfg, dir.resolve("data"));
        try (WorkerHarness h = new WorkerHarness(config.store(), true)) {
            h.worker.process(List.of(h.batch("dev-9", 1, 3, null)));
            h.store.register(new DeviceEntry(
                    "dev-9",
                    "site-a",
                    "dev-9",
                    null,
                    DeviceEntry.REGISTERED,
                    Instant.now(),
                    null,
                    null,
                    false,
                    null,
                    null));
            Run redrive = cli(concat(new String[] {"dead-letters", "redrive", "--reason", "device_unknown"}, target));
            assertThat(redrive.exit()).as(redrive.out() + redrive.err()).isZero();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/voc.db"));
                    Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery(
                            "SELECT event_id FROM forward_outbox WHERE device_key = 'dev-9'" + " ORDER BY dseq")) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                assertThat(ids)
                        .containsExactly(
                                io.vocedge.gateway.forward.ForwardEvent.recordEventId("dev-9", 1),
                                io.vocedge.gateway.forward.ForwardEvent.recordEventId("dev-9", 2),
                                io.vocedge.gateway.forward.ForwardEvent.recordEventId("dev-9", 3));
            }
        }
    }

    @Test
    void aRecordTheStoreRefusedIsRedrivenOnceTheRuleIsDroppedAndItsNeighboursAreNotStoredTwice() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create()) {
            Path cfg = Files.writeString(
                    dir.resolve("gw.yaml"),
                    "store: {kind: postgresql, jdbc_url: \"" + pg.jdbcUrl() + "\", user: " + pg.user() + "}\n");
            GatewayConfig config = GatewayConfig.load(cfg, dir.resolve("data"));
            try (WorkerHarness h = new WorkerHarness(config.store(), false);
                    Connection c = pg.connect();
                    Statement s = c.createStatement()) {
                s.execute("ALTER TABLE records ADD CONSTRAINT dba_rule CHECK (text NOT LIKE '%forbidden by the dba%')");
                h.worker.process(List.of(h.batch("dev-1", 1, 3, "this text is forbidden by the dba")));
                assertThat(WorkerHarness.count(c, "SELECT COUNT(*) FROM records"))
                        .isEqualTo(2);

                Run list = cli(
                        "dead-letters",
                        "list",
                        "--reason",
                        "store_refused",
                        "--since",
                        "1h",
                        "--json",
                        "--config",
                        cfg.toString());
                assertThat(list.exit()).as(list.err()).isZero();
                assertThat(list.out())
                        .contains("\"reason_code\":\"store_refused\"")
                        .contains("\"seq\":2")
                        .contains("dba_rule");

                s.execute("ALTER TABLE records DROP CONSTRAINT dba_rule");
                Run redrive = cli("dead-letters", "redrive", "--reason", "store_refused", "--config", cfg.toString());
                assertThat(redrive.exit()).as(redrive.out() + redrive.err()).isZero();
                assertThat(redrive.out()).contains("1 stored, 0 already stored");
                assertThat(WorkerHarness.count(c, "SELECT COUNT(*) FROM records WHERE device_id = 'dev-1'"))
                        .isEqualTo(3);
                assertThat(WorkerHarness.count(
                                c,
                                "SELECT COUNT(*) FROM records WHERE device_id = 'dev-1' AND seq = 2"
                                        + " AND text = 'this text is forbidden by the dba'"))
                        .isEqualTo(1);

                long id = WorkerHarness.count(c, "SELECT MIN(id) FROM dead_letters");
                Run byId = cli("dead-letters", "redrive", "--id", Long.toString(id), "--config", cfg.toString());
                assertThat(byId.out()).contains("already_redriven");
                assertThat(WorkerHarness.count(c, "SELECT COUNT(*) FROM records"))
                        .isEqualTo(3);
            }
        }
    }

    @Test
    void badFiltersAreRefusedWithTheFix() {
        Run noFilter = cli("dead-letters", "redrive", "--data-dir", dir.toString());
        assertThat(noFilter.exit()).isEqualTo(2);
        assertThat(noFilter.err()).contains("--reason CODE").contains("--id N");
        Run badReason =
                cli("dead-letters", "list", "--reason", "x'; DROP TABLE records; --", "--data-dir", dir.toString());
        assertThat(badReason.exit()).isEqualTo(2);
        assertThat(badReason.err()).contains("is not a reason code");
        Run badSince = cli("dead-letters", "list", "--since", "yesterday", "--data-dir", dir.toString());
        assertThat(badSince.exit()).isEqualTo(2);
        assertThat(badSince.err()).contains("90m, 24h or 7d");
        Run noStore =
                cli("dead-letters", "list", "--data-dir", dir.resolve("typo").toString());
        assertThat(noStore.exit()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("typo"))).as("nothing created").isFalse();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
