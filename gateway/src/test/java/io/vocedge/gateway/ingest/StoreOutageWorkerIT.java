package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.StoreSettings;
import io.vocedge.protocol.Ack;
import io.vocedge.testsupport.PostgresDatabase;
import io.vocedge.testsupport.TcpOutage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store worker against real stores in real trouble (issue 13): a SQLite file write-locked by another writer and
 * a PostgreSQL server that goes away are the store's condition - nothing is acked, nothing dead-lettered, the batch is
 * stored once the store is back - while a record PostgreSQL refuses for its content is rejected alone, after it was
 * retried on its own, and its neighbours are stored.
 * (A NUL character cannot be the example: the validator already replaces it, see BatchValidator.)
 */
class StoreOutageWorkerIT {
    @TempDir
    Path dir;

    private WorkerHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private long count(Connection c, String sql) throws Exception {
        return WorkerHarness.count(c, sql);
    }

    @Test
    void aSqliteFileWriteLockedByAnotherWriterIsWaitedOutNotRejected() throws Exception {
        h = new WorkerHarness(GatewayConfig.defaults(dir).store(), false);
        try (Connection outside = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("voc.db"))) {
            try (Statement s = outside.createStatement()) {
                s.execute("CREATE TABLE outside_writer (x INTEGER)");
                s.execute("BEGIN IMMEDIATE");
                s.execute("INSERT INTO outside_writer VALUES (1)");
            }
            h.worker.offer(h.batch("dev-1", 1, 3, null));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> h.worker.storeCondition().snapshot().state().equals("store_busy"));
            // Past the 10 s busy timeout: SQLite has answered SQLITE_BUSY at least once.
            await().atMost(Duration.ofSeconds(30)).until(() -> h.metrics.storeErrors("store_busy") >= 1);
            assertThat(h.worker.storeCondition().snapshot().state()).isEqualTo("store_busy");
            assertThat(h.acks).as("nothing acked while the store is locked").isEmpty();
            assertThat(h.completed).as("no PUBACK while the store is locked").isEmpty();
            try (Statement s = outside.createStatement()) {
                s.execute("ROLLBACK");
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> h.acks.size() == 1);
        assertThat(h.ack(0).stored()).containsExactly(new Ack.SeqRange(1, 3));
        assertThat(h.ack(0).rejected()).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("voc.db"))) {
            assertThat(count(c, "SELECT COUNT(*) FROM records WHERE device_id = 'dev-1'"))
                    .isEqualTo(3);
            assertThat(count(c, "SELECT COUNT(*) FROM dead_letters")).isZero();
        }
        assertThat(h.metrics.deadLetters("store_refused")).isZero();
        assertThat(h.worker.storeCondition().snapshot().ok()).isTrue();
    }

    @Test
    void aPostgresqlServerThatGoesAwayIsWaitedOutNotRejected() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create();
                TcpOutage outage = TcpOutage.forPostgres()) {
            h = new WorkerHarness(new StoreSettings("postgresql", null, outage.jdbcUrl(pg), pg.user(), null, 2), false);
            h.worker.offer(h.batch("dev-1", 1, 2, null));
            await().atMost(Duration.ofSeconds(10)).until(() -> h.acks.size() == 1);
            outage.down();
            h.worker.offer(h.batch("dev-1", 3, 5, null));
            await().atMost(Duration.ofSeconds(30)).until(() -> h.metrics.storeErrors("store_unreachable") >= 1);
            assertThat(h.worker.storeCondition().snapshot().state()).isEqualTo("store_unreachable");
            assertThat(h.acks).as("nothing more acked while PostgreSQL is away").hasSize(1);
            outage.up();
            await().atMost(Duration.ofSeconds(30)).until(() -> h.acks.size() == 2);
            assertThat(h.ack(1).stored()).containsExactly(new Ack.SeqRange(3, 5));
            try (Connection c = pg.connect()) {
                assertThat(count(c, "SELECT COUNT(*) FROM records WHERE device_id = 'dev-1'"))
                        .isEqualTo(5);
                assertThat(count(c, "SELECT COUNT(*) FROM dead_letters")).isZero();
            }
        }
    }

    @Test
    void aRecordPostgresqlRefusesForItsContentIsRejectedAloneAfterItsOwnRetry() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create()) {
            h = new WorkerHarness(new StoreSettings("postgresql", null, pg.jdbcUrl(), pg.user(), null, 2), false);
            // A rule of the store (here a CHECK constraint a DBA added) that this one record can never satisfy.
            try (Connection c = pg.connect();
                    Statement s = c.createStatement()) {
                s.execute("ALTER TABLE records ADD CONSTRAINT dba_rule CHECK (text NOT LIKE '%forbidden by the dba%')");
            }
            IngestMessage poisoned = h.batch("dev-1", 1, 3, "this text is forbidden by the dba");
            IngestMessage neighbour = h.batch("dev-2", 1, 2, null);
            h.worker.process(List.of(poisoned, neighbour));

            assertThat(h.acks).hasSize(2);
            Ack first = h.json.readValue(
                    h.acks.stream()
                            .filter(a -> new String(a).contains("dev-1"))
                            .findFirst()
                            .orElseThrow(),
                    Ack.class);
            assertThat(first.stored()).containsExactly(new Ack.SeqRange(1, 1), new Ack.SeqRange(3, 3));
            assertThat(first.rejected()).extracting(Ack.Rejected::seq).containsExactly(2L);
            assertThat(first.rejected().get(0).reason()).contains("store_refused");
            try (Connection c = pg.connect()) {
                assertThat(count(c, "SELECT COUNT(*) FROM records WHERE device_id = 'dev-1'"))
                        .isEqualTo(2);
                assertThat(count(c, "SELECT COUNT(*) FROM records WHERE device_id = 'dev-2'"))
                        .isEqualTo(2);
                assertThat(count(c, "SELECT COUNT(*) FROM dead_letters")).isEqualTo(1);
                assertThat(count(
                                c,
                                "SELECT COUNT(*) FROM dead_letters WHERE reason_code = 'store_refused' AND seq = 2"
                                        + " AND device_id = 'dev-1'"))
                        .isEqualTo(1);
                // The reason names the rule, never the statement's values (the transcript text).
                assertThat(count(
                                c,
                                "SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%dba_rule%' AND reason NOT LIKE"
                                        + " '%forbidden by%'"))
                        .isEqualTo(1);
            }
            assertThat(h.metrics.deadLetters("store_refused")).isEqualTo(1);
            assertThat(h.completed).hasSize(2);
        }
    }
}
