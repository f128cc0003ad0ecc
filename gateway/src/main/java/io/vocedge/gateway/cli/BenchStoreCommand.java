package io.vocedge.gateway.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-store}: the raw PostgreSQL baseline for the fleet benchmark - plain JDBC batches of rows shaped
 * like {@code records} (same columns, ~600-byte payload, ON CONFLICT DO NOTHING), one commit per batch, into
 * a scratch table that is dropped afterwards. The gateway's end-to-end rate is compared with this.
 */
@Command(
        name = "bench-store",
        description = "Raw batched PostgreSQL insert rate of rows shaped like the records table.")
final class BenchStoreCommand implements Callable<Integer> {
    @Option(names = "--jdbc-url", required = true)
    String url;

    @Option(names = "--user", defaultValue = "postgres")
    String user;

    @Option(names = "--password", defaultValue = "")
    String password;

    @Option(names = "--rows", defaultValue = "100000")
    int rows;

    @Option(names = "--batch", defaultValue = "100")
    int batch;

    @Override
    public Integer call() throws Exception {
        String table = "bench_rows_" + System.nanoTime();
        String payload = "{\"schema\":\"voc.utterance/1\",\"text\":\"" + "x".repeat(520) + "\"}";
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table
                        + " (device_id TEXT NOT NULL, seq BIGINT NOT NULL, schema_id TEXT, kind TEXT,"
                        + " site TEXT, speaker_role TEXT, sentiment TEXT, text TEXT, recorded_at TIMESTAMPTZ,"
                        + " received_at TIMESTAMPTZ, payload JSONB, PRIMARY KEY (device_id, seq))");
            }
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table
                            + " VALUES (?,?,'voc.utterance/1','utterance','site',"
                            + "'customer','negative','the delivery keeps slipping',?,?,CAST(? AS jsonb)) ON CONFLICT (device_id, seq) DO NOTHING")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, "dev-" + (i % 200));
                    ps.setLong(2, i);
                    ps.setTimestamp(3, now);
                    ps.setTimestamp(4, now);
                    ps.setString(5, payload);
                    ps.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + table);
            }
            c.commit();
            System.out.printf(
                    Locale.ROOT,
                    "store baseline: %d rows, %d per commit: %.2f s, %.0f rows/s%n",
                    rows,
                    batch,
                    seconds,
                    rows / seconds);
        }
        return 0;
    }
}
