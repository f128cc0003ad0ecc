package io.vocedge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Features writing inside the store's transaction see each record once and roll back with it, on both stores. */
class CommitParticipantIT {
    @TempDir
    Path dir;

    private static StoredRecord record(String device, long seq) {
        Instant now = Instant.now();
        return new StoredRecord(
                device,
                seq,
                "voc.utterance/1",
                "utterance",
                "s1",
                "c1",
                "customer",
                "en",
                "hello",
                "neutral",
                0.0,
                "1",
                now,
                true,
                "boot",
                seq,
                now,
                now,
                List.of(),
                "{\"seq\":" + seq + "}");
    }

    private static StoreTransaction tx(StoredRecord... records) {
        StoreTransaction tx = new StoreTransaction();
        for (StoredRecord r : records) {
            tx.add(r);
        }
        return tx;
    }

    private static long count(JdbcVocStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM records");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void participantsSeeOnlyNewRecordsAndAFailureRollsBackTheRecordsToo(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            List<Long> seen = new ArrayList<>();
            boolean[] fail = {false};
            store.addParticipant((c, dialect, changes) -> {
                assertThat(dialect).isEqualTo(store.dialect());
                if (fail[0]) {
                    throw new SQLException("participant failed");
                }
                changes.insertedRecords().forEach(r -> seen.add(r.seq()));
            });
            assertThat(store.commit(tx(record("d1", 1), record("d1", 2))).inserted())
                    .isEqualTo(2);
            CommitResult again = store.commit(tx(record("d1", 2), record("d1", 3)));
            assertThat(again.inserted()).isEqualTo(1);
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(seen).containsExactly(1L, 2L, 3L);

            fail[0] = true;
            assertThatThrownBy(() -> store.commit(tx(record("d1", 4)))).hasMessageContaining("participant failed");
            assertThat(count(store)).isEqualTo(3);
            fail[0] = false;
            store.commit(tx(record("d1", 4)));
            assertThat(count(store)).isEqualTo(4);
            assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
        }
    }
}
