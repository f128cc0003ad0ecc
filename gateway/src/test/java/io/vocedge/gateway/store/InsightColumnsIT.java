package io.vocedge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15's columns (migration V80): intent flags, attention and model version stored and queryable on both stores. */
class InsightColumnsIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void flagsAttentionAndModelVersionAreColumns(String kind) throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 2)) {
            Instant now = Instant.now();
            StoreTransaction tx = new StoreTransaction();
            tx.add(new StoredRecord(
                    "d1",
                    1,
                    "voc.utterance/1",
                    "utterance",
                    "s1",
                    "c1",
                    "customer",
                    "en",
                    "i want to speak to the manager",
                    "negative",
                    -0.9,
                    "2026.12.1",
                    now,
                    true,
                    "boot",
                    1,
                    now,
                    now,
                    List.of(new StoredRecord.Topic("after_sales", "negative")),
                    "{\"seq\":1}",
                    true,
                    false,
                    null,
                    "1-abc"));
            tx.add(new StoredRecord(
                    "d1",
                    2,
                    "voc.conversation/1",
                    "conversation",
                    "s1",
                    "c1",
                    null,
                    null,
                    null,
                    "negative",
                    -0.8,
                    "2026.12.1",
                    now,
                    true,
                    "boot",
                    2,
                    now,
                    now,
                    List.of(),
                    "{\"seq\":2}",
                    true,
                    true,
                    true,
                    "1-abc"));
            tx.add(new StoredRecord(
                    "d1",
                    3,
                    "voc.utterance/1",
                    "utterance",
                    "s1",
                    "c1",
                    "staff",
                    "en",
                    "hello",
                    "neutral",
                    0.0,
                    "2026.11.1",
                    now,
                    true,
                    "boot",
                    3,
                    now,
                    now,
                    List.of(),
                    "{\"seq\":3}"));
            store.commit(tx);
            try (Connection c = store.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT seq, escalation, churn_risk, attention, model_version FROM records ORDER BY seq");
                    ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " " + flag(rs, 2) + " " + flag(rs, 3) + " " + flag(rs, 4) + " "
                            + rs.getString(5));
                }
                c.commit();
                assertThat(rows)
                        .containsExactly("1 true false null 1-abc", "2 true true true 1-abc", "3 null null null null");
            }
            try (Connection c = store.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM records WHERE "
                            + (kind.equals("sqlite") ? "escalation = 1" : "escalation"));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
                c.commit();
            }
        }
    }

    private static String flag(ResultSet rs, int column) throws java.sql.SQLException {
        Object o = rs.getObject(column);
        if (o == null) {
            return "null";
        }
        return o instanceof Boolean b ? b.toString() : Boolean.toString(((Number) o).intValue() == 1);
    }
}
