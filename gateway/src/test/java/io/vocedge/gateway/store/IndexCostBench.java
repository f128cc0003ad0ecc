package io.vocedge.gateway.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.console.bench.BenchData;
import io.vocedge.gateway.console.bench.BenchPhrases;
import io.vocedge.gateway.console.data.ConsoleIndexer;
import io.vocedge.gateway.forward.ForwardOutbox;
import io.vocedge.gateway.forward.OutboxParticipant;
import io.vocedge.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The cost of the records/record_topics/search_terms indexes inside the ingest transaction (issue 18, the index diet
 * of V83), in the style of {@code forward.OutboxCostBench}: the gateway's own store code ({@link JdbcVocStore#commit}
 * with the console indexer and the outbox participant, as {@code GatewayApp} wires them) commits transactions of
 * utterance records (the console benchmark's sentences, so postings have its term mix) into fresh PostgreSQL
 * databases, one per variant, interleaved round by round with a rotating order. Run by {@code bench/index-cost.sh}.
 *
 * <p>Variants: {@code v82} (the indexes before V83, re-created), {@code v83} (as migrated now: one postings index
 * (term, at, site)), and the two alternatives measured for the postings: {@code v83-term-site-at} (keep only (term,
 * site, at); a search over several sites would have to merge per-site scans) and {@code v83-term-at} (keep only
 * (term, at); a site scope would fetch every posting of the term from the heap). Each
 * database can first be filled with {@code prefill} conversations of 9 records by {@link BenchData} (indexes are deep,
 * not a few hot pages). Printed per variant: median records/s and median PostgreSQL CPU (user + system of the
 * backends serving the variant's database, from /proc) per 1,000 records, and each variant against {@code v82}.
 */
public final class IndexCostBench {
    private static final String[] ALL_VARIANTS = {"v82", "v83", "v83-term-site-at", "v83-term-at"};
    /** Env {@code VARIANTS} (comma-separated) runs a subset, e.g. {@code v83} alone; the first is the baseline. */
    private static final String[] VARIANTS = variants(System.getenv("VARIANTS"));
    /**
     * Env {@code VACUUM=0}: no VACUUM of device_seq_ranges between rounds, as in production (issue 18, SeqRanges churn).
     */
    private static final boolean VACUUM_BETWEEN_ROUNDS = !"0".equals(System.getenv("VACUUM"));
    /** What V83 dropped, to put back for {@code v82}. */
    private static final List<String> V82_INDEXES = List.of(
            "CREATE INDEX search_terms_term_at ON search_terms (term, at)",
            "CREATE INDEX search_terms_term_site_at ON search_terms (term, site, at)",
            "CREATE INDEX records_conversation ON records (conversation_id)",
            "CREATE INDEX records_site_time ON records (site, corrected_at)",
            "CREATE INDEX records_sentiment_time ON records (sentiment, corrected_at)",
            "CREATE INDEX records_speaker_time ON records (speaker_role, corrected_at)",
            "CREATE INDEX record_topics_topic ON record_topics (topic_id)");

    private static final String SERVER = System.getenv().getOrDefault("VOC_TEST_PG", "127.0.0.1:5432");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private IndexCostBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(arg(args, 0, "10"));
        int txPerRound = Integer.parseInt(arg(args, 1, "25"));
        int recordsPerTx = Integer.parseInt(arg(args, 2, "200"));
        long prefill = Long.parseLong(arg(args, 3, "0"));
        ObjectMapper json = Json.newMapper();
        List<String> dbs = new ArrayList<>();
        List<JdbcVocStore> stores = new ArrayList<>();
        List<BenchPhrases.Phrase> phrases = new ArrayList<>(BenchPhrases.customer());
        phrases.addAll(BenchPhrases.staff());
        try {
            for (String v : VARIANTS) {
                String db = "idx_bench_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                admin("CREATE DATABASE " + db);
                dbs.add(db);
                JdbcVocStore store = JdbcVocStore.open(
                        new StoreSettings("postgresql", null, url(db), "postgres", "", 4), "gw-bench");
                try (Connection c = DriverManager.getConnection(url(db), "postgres", "");
                        Statement s = c.createStatement()) {
                    if (v.equals("v82")) {
                        s.execute("DROP INDEX search_terms_term_at_site");
                        for (String ddl : V82_INDEXES) {
                            s.execute(ddl);
                        }
                    } else if (v.equals("v83-term-site-at")) {
                        s.execute("DROP INDEX search_terms_term_at_site");
                        s.execute(V82_INDEXES.get(1));
                    } else if (v.equals("v83-term-at")) {
                        s.execute("DROP INDEX search_terms_term_at_site");
                        s.execute(V82_INDEXES.get(0));
                    }
                }
                if (prefill > 0) {
                    new BenchData(store.dataSource(), line -> {})
                            .generate(new BenchData.Shape(prefill, 8, 5, 4, 30, 20_000));
                    try (Connection c = DriverManager.getConnection(url(db), "postgres", "");
                            Statement s = c.createStatement()) {
                        c.setAutoCommit(true);
                        s.execute("VACUUM ANALYZE");
                    }
                }
                store.addParticipant(new ConsoleIndexer(json));
                ForwardOutbox outbox =
                        new ForwardOutbox(store.dialect(), "gw-bench", true, Clock.systemUTC(), () -> {});
                store.addParticipant(new OutboxParticipant(outbox, () -> {}));
                stores.add(store);
                System.out.printf(Locale.ROOT, "%-12s database %s ready, %s%n", v, db, indexes(db));
            }
            double[][] rate = new double[VARIANTS.length][rounds];
            double[][] cpu = new double[VARIANTS.length][rounds];
            long[] nextSeq = new long[VARIANTS.length];
            // One untimed warm-up round per variant (JIT, connection pool, and the index pages the later prefills
            // pushed out of shared_buffers: without it the first-filled database starts cold).
            for (int v = 0; v < VARIANTS.length; v++) {
                nextSeq[v] = run(stores.get(v), phrases, nextSeq[v], txPerRound, recordsPerTx);
            }
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < VARIANTS.length; k++) {
                    int v = (k + r) % VARIANTS.length;
                    if (VACUUM_BETWEEN_ROUNDS) {
                        settle(dbs.get(v));
                    }
                    long ticks0 = backendTicks(dbs.get(v));
                    long t0 = System.nanoTime();
                    nextSeq[v] = run(stores.get(v), phrases, nextSeq[v], txPerRound, recordsPerTx);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long ticks = backendTicks(dbs.get(v)) - ticks0;
                    double records = (double) txPerRound * recordsPerTx;
                    rate[v][r] = records / seconds;
                    cpu[v][r] = 1000.0 * ticks * 1000 / TICKS_PER_SECOND / records; // ms per 1,000 records
                }
                System.out.printf(Locale.ROOT, "round %d: %s%n", r + 1, describe(rate, cpu, r));
                for (int v = 0; v < VARIANTS.length; v++) {
                    System.out.printf(
                            Locale.ROOT, "  %-12s device_seq_ranges %s%n", VARIANTS[v], rangeStats(dbs.get(v)));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d rounds x %d transactions x %d records per variant, prefill %d conversations (x9 records),"
                            + " device_seq_ranges vacuumed between rounds: %s%n",
                    rounds,
                    txPerRound,
                    recordsPerTx,
                    prefill,
                    VACUUM_BETWEEN_ROUNDS);
            for (int v = 0; v < VARIANTS.length; v++) {
                System.out.printf(
                        Locale.ROOT,
                        "%-12s median %,.0f records/s, PostgreSQL CPU %.0f ms per 1,000 records%n",
                        VARIANTS[v],
                        median(rate[v]),
                        median(cpu[v]));
            }
            for (int v = 1; v < VARIANTS.length; v++) {
                double[] gain = new double[rounds];
                double[] cpuChange = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    gain[r] = rate[v][r] / rate[0][r] - 1; // against the first variant run
                    cpuChange[r] = cpu[v][r] / cpu[0][r] - 1;
                }
                System.out.printf(
                        Locale.ROOT,
                        "%-12s vs " + VARIANTS[0]
                                + ": records/s median %+.1f %% (rounds %s), PostgreSQL CPU per record median %+.1f %%"
                                + " (rounds %s)%n",
                        VARIANTS[v],
                        100 * median(gain),
                        percents(gain),
                        100 * median(cpuChange),
                        percents(cpuChange));
            }
        } finally {
            for (JdbcVocStore s : stores) {
                s.close();
            }
            for (String d : dbs) {
                admin("DROP DATABASE IF EXISTS " + d + " WITH (FORCE)");
            }
        }
    }

    private static long run(
            JdbcVocStore store, List<BenchPhrases.Phrase> phrases, long seq, int transactions, int recordsPerTx)
            throws Exception {
        for (int t = 0; t < transactions; t++) {
            StoreTransaction tx = new StoreTransaction();
            Instant now = Instant.now();
            for (int i = 0; i < recordsPerTx; i++) {
                long n = seq++;
                String device = "dev-" + (n % 200);
                long deviceSeq = n / 200 + 1;
                BenchPhrases.Phrase p = phrases.get((int) ((n * 2654435761L) % phrases.size()));
                String conversation = device + "-c" + (deviceSeq / 8);
                List<StoredRecord.Topic> topics =
                        p.topic() == null ? List.of() : List.of(new StoredRecord.Topic(p.topic(), p.sentiment()));
                tx.add(new StoredRecord(
                        device,
                        deviceSeq,
                        "voc.utterance/1",
                        "utterance",
                        String.format(Locale.ROOT, "site-%03d", (n % 200) / 40),
                        conversation,
                        p.speaker(),
                        p.lang(),
                        p.text(),
                        p.sentiment(),
                        p.sentiment().equals("negative") ? -0.6 : 0.4,
                        "2026.12.1",
                        now,
                        true,
                        "boot-1",
                        deviceSeq * 500,
                        now,
                        now,
                        topics,
                        payload(device, deviceSeq, conversation, p, now)));
            }
            store.commit(tx);
        }
        return seq;
    }

    /** An utterance as devices send it (the shape of a real one). */
    private static String payload(String device, long seq, String conversation, BenchPhrases.Phrase p, Instant at) {
        String topics = p.topic() == null
                ? "[]"
                : "[{\"id\":\"" + p.topic() + "\",\"evidence\":[{\"term\":\"" + p.evidence()
                        + "\",\"pos\":0,\"weight\":1.5}],\"sentiment\":{\"label\":\"" + p.sentiment()
                        + "\",\"score\":-0.6},\"confidence\":0.9}]";
        return "{\"schema\":\"voc.utterance/1\",\"device_id\":\"" + device + "\",\"seq\":" + seq
                + ",\"time\":{\"wall\":\"" + at
                + "\",\"synced\":true,\"boot_id\":\"83df43ed-9b1e-4041-8a64-dd91b4b64b57\",\"mono_ms\":" + seq * 500
                + "},\"conversation_id\":\"" + conversation + "\",\"lang\":\"" + p.lang() + "\",\"speaker\":\""
                + p.speaker() + "\",\"text\":\"" + p.text() + "\",\"start_ms\":3566740,\"end_ms\":3568950,"
                + "\"asr_confidence\":1.0,\"redactions\":[],\"topics\":" + topics + ",\"sentiment\":{\"label\":\""
                + p.sentiment()
                + "\",\"score\":-0.6,\"confidence\":0.9},\"flags\":[],\"lexicon_version\":\"2026.12.1\","
                + "\"source\":\"mic\",\"sentiment_evidence\":[],\"model_version\":\"1-4a154ff31971\"}";
    }

    /**
     * Untimed, before each timed run: vacuums device_seq_ranges. SeqRanges rewrites one row per device per transaction
     * (delete + insert), and until autovacuum passes every merge reads the dead rows (sequential scans of a table the
     * planner believes tiny), so the cost per record climbs round after round by an amount that depends on the
     * autovacuum schedule, not on the indexes measured here; it would drown their difference. Reported separately.
     * Since V84 SeqRanges updates the row in place (HOT) and the table no longer grows; {@code VACUUM=0} skips this.
     */
    private static void settle(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE device_seq_ranges");
        }
    }

    /** How device_seq_ranges is being written: updates (HOT among them), inserts, deletes, dead rows, size. */
    private static String rangeStats(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT n_tup_upd, n_tup_hot_upd, n_tup_ins, n_tup_del, n_live_tup,"
                        + " n_dead_tup, pg_relation_size(relid) / 8192, pg_indexes_size(relid) / 8192"
                        + " FROM pg_stat_user_tables WHERE relname = 'device_seq_ranges'")) {
            rs.next();
            return String.format(
                    Locale.ROOT,
                    "upd %d (hot %d) ins %d del %d live %d dead %d, %d heap + %d index pages",
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8));
        }
    }

    /** User + system CPU ticks of the backends connected to {@code db} (the store's pool; this query's own is idle). */
    private static long backendTicks(String db) throws SQLException {
        long sum = 0;
        try (Connection c = DriverManager.getConnection(url(db), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                sum += ticks(rs.getInt(1));
            }
        }
        return sum;
    }

    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start at ") "; utime and stime are fields 14, 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // not on this machine, or gone: the CPU figure is then an underestimate, the rate is unaffected
        }
    }

    private static String indexes(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), string_agg(indexname, ',' ORDER BY indexname)"
                        + " FILTER (WHERE tablename = 'search_terms') FROM pg_indexes WHERE schemaname = 'public'"
                        + " AND tablename IN ('records', 'record_topics', 'search_terms')")) {
            rs.next();
            return rs.getInt(1) + " indexes on records/record_topics/search_terms (search_terms: " + rs.getString(2)
                    + ")";
        }
    }

    private static String url(String db) {
        return "jdbc:postgresql://" + SERVER + "/" + db;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String describe(double[][] rate, double[][] cpu, int r) {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < VARIANTS.length; v++) {
            sb.append(String.format(Locale.ROOT, "%s %,.0f/s %.0f ms/1k  ", VARIANTS[v], rate[v][r], cpu[v][r]));
        }
        return sb.toString().trim();
    }

    private static String percents(double[] xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            sb.append(String.format(Locale.ROOT, "%s%+.0f", sb.length() == 0 ? "" : " ", 100 * x));
        }
        return sb.toString();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String[] variants(String env) {
        if (env == null || env.isBlank()) {
            return ALL_VARIANTS;
        }
        String[] out = env.split(",");
        for (String v : out) {
            if (!Arrays.asList(ALL_VARIANTS).contains(v)) {
                throw new IllegalArgumentException(
                        "unknown variant " + v + ", known: " + Arrays.toString(ALL_VARIANTS));
            }
        }
        return out;
    }

    private static String arg(String[] args, int i, String dflt) {
        return args.length > i ? args[i] : dflt;
    }
}
