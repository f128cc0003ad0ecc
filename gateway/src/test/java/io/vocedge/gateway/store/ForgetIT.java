package io.vocedge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A device's forget request deletes its stored records of the window only, audits it, and counts in the result. */
class ForgetIT {
    @TempDir
    Path dir;

    private static StoredRecord record(String device, long seq, Instant corrected) {
        return new StoredRecord(
                device,
                seq,
                "voc.utterance/1",
                "utterance",
                "s1",
                "c1",
                "customer",
                "en",
                "secret words " + seq,
                "neutral",
                0.0,
                "1",
                corrected,
                true,
                "boot",
                seq,
                corrected,
                corrected,
                List.of(),
                "{\"seq\":" + seq + "}");
    }

    private static String one(JdbcVocStore store, String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            String v = rs.next() ? rs.getString(1) : null;
            c.commit();
            return v;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void forgetDeletesTheWindowOfThatDeviceAuditsItAndCountsInTheResult(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            Instant now = Instant.now();
            Instant old = now.minus(Duration.ofMinutes(30));
            StoreTransaction tx = new StoreTransaction();
            tx.add(record("d1", 1, old));
            tx.add(record("d1", 2, now.minus(Duration.ofMinutes(2))));
            tx.add(record("d1", 3, now.minus(Duration.ofMinutes(1))));
            tx.add(record("d2", 1, now.minus(Duration.ofMinutes(1))));
            store.commit(tx);

            StoreTransaction forget = new StoreTransaction();
            forget.add(new CommandResultRow("forget-1", "d1", true, "forgot 5 min", now, "{}"));
            forget.add(new ForgetRequest("forget-1", "d1", "s1", now.minus(Duration.ofMinutes(5)), now));
            store.commit(forget);

            assertThat(one(store, "SELECT COUNT(*) FROM records WHERE device_id = 'd1'"))
                    .isEqualTo("1");
            assertThat(one(store, "SELECT seq FROM records WHERE device_id = 'd1'"))
                    .isEqualTo("1");
            assertThat(one(store, "SELECT COUNT(*) FROM records WHERE device_id = 'd2'"))
                    .isEqualTo("1");
            assertThat(one(store, "SELECT message FROM command_results WHERE command_id = 'forget-1'"))
                    .isEqualTo("forgot 5 min; gateway deleted 2 stored records of the window");
            assertThat(one(store, "SELECT detail FROM console_audit WHERE action = 'forget' AND actor = 'device:d1'"))
                    .contains("records_deleted=2")
                    .contains("command_id=forget-1");
        }
    }
}
