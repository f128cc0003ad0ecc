package io.vocedge.gateway.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.console.data.ConsoleIndexer;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreSettings;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The forwarding outbox's cost inside the ingest transaction, isolated from everything else that shares the machine
 * (the device simulator, Mosquitto, Kafka): the gateway's own store code ({@link JdbcVocStore#commit} with the console
 * indexer and the outbox participant, as {@code GatewayApp} wires them) commits transactions of realistic utterance
 * records into PostgreSQL, one database per variant, the variants interleaved round by round so a noisy neighbour
 * slows all of them alike. Run by {@code bench/outbox-cost.sh}; documented in BENCHMARKS.md.
 *
 * <p>Variants: {@code store} (records only), {@code console} (+ search postings: the gateway without forwarding),
 * {@code outbox-v60} (+ the outbox with its first three indexes), {@code outbox} (+ the outbox as migrated now).
 * Printed: per variant the median records/s over the rounds, and the cost of each outbox variant against
 * {@code console} (1 - its rate / console's rate), per round and as the median of the per-round ratios.
 */
public final class OutboxCostBench {
    private static final String[] VARIANTS = {"store", "console", "outbox-v60", "outbox"};
    private static final String[] TEXTS = {
        "我 上 周 交 的 定金 到 现在 还 没 退", "can i take the blue one for a test drive today",
        "价格 还行 但是 等 太久 了", "we have been waiting forty minutes for someone to help",
        "the delivery date moved again and nobody called me back", "销售 顾问 态度 很好 讲解 也 很 清楚",
        "is the white one actually in stock or not", "贷款 利率 能 不能 再 低 一点"
    };

    private OutboxCostBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(arg(args, 0, "10"));
        int txPerRound = Integer.parseInt(arg(args, 1, "25"));
        int recordsPerTx = Integer.parseInt(arg(args, 2, "200"));
        ObjectMapper json = Json.newMapper();
        List<PostgresDatabase> dbs = new ArrayList<>();
        List<JdbcVocStore> stores = new ArrayList<>();
        try {
            for (String v : VARIANTS) {
                PostgresDatabase pg = PostgresDatabase.create();
                dbs.add(pg);
                JdbcVocStore store = JdbcVocStore.open(
                        new StoreSettings("postgresql", null, pg.jdbcUrl(), pg.user(), "", 4), "gw-bench");
                if (!v.equals("store")) {
                    store.addParticipant(new ConsoleIndexer(json));
                }
                if (v.startsWith("outbox")) {
                    ForwardOutbox outbox =
                            new ForwardOutbox(store.dialect(), "gw-bench", true, Clock.systemUTC(), () -> {});
                    store.addParticipant(new OutboxParticipant(outbox, () -> {}));
                }
                if (v.equals("outbox-v60")) {
                    try (Connection c = pg.connect();
                            Statement s = c.createStatement()) {
                        s.execute("DROP INDEX forward_outbox_event");
                        s.execute("CREATE UNIQUE INDEX forward_outbox_event ON forward_outbox (event_id)");
                        s.execute("DROP INDEX forward_outbox_time");
                        s.execute("CREATE INDEX forward_outbox_time ON forward_outbox (created_at)");
                    }
                }
                stores.add(store);
            }
            double[][] rate = new double[VARIANTS.length][rounds];
            long[] nextSeq = new long[VARIANTS.length];
            // One untimed warm-up round per variant (JIT, connection pool, first pages).
            for (int v = 0; v < VARIANTS.length; v++) {
                nextSeq[v] = run(stores.get(v), nextSeq[v], 5, recordsPerTx);
            }
            for (int r = 0; r < rounds; r++) {
                // Rotate the order each round: no variant always runs right after another.
                for (int k = 0; k < VARIANTS.length; k++) {
                    int v = (k + r) % VARIANTS.length;
                    long t0 = System.nanoTime();
                    nextSeq[v] = run(stores.get(v), nextSeq[v], txPerRound, recordsPerTx);
                    rate[v][r] = (double) txPerRound * recordsPerTx / ((System.nanoTime() - t0) / 1e9);
                }
                System.out.printf(Locale.ROOT, "round %d: %s%n", r + 1, describe(rate, r));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d rounds x %d transactions x %d records per variant%n",
                    rounds,
                    txPerRound,
                    recordsPerTx);
            for (int v = 0; v < VARIANTS.length; v++) {
                System.out.printf(Locale.ROOT, "%-11s median %,.0f records/s%n", VARIANTS[v], median(rate[v]));
            }
            for (int v = 2; v < VARIANTS.length; v++) {
                double[] cost = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    cost[r] = 1 - rate[v][r] / rate[1][r];
                }
                System.out.printf(
                        Locale.ROOT,
                        "cost of %-10s vs console: median %.1f %% (rounds %s)%n",
                        VARIANTS[v],
                        100 * median(cost),
                        percents(cost));
            }
        } finally {
            for (JdbcVocStore s : stores) {
                s.close();
            }
            for (PostgresDatabase d : dbs) {
                d.close();
            }
        }
    }

    private static long run(JdbcVocStore store, long seq, int transactions, int recordsPerTx) throws Exception {
        for (int t = 0; t < transactions; t++) {
            StoreTransaction tx = new StoreTransaction();
            Instant now = Instant.now();
            for (int i = 0; i < recordsPerTx; i++) {
                long n = seq++;
                String device = "dev-" + (n % 200);
                long deviceSeq = n / 200 + 1;
                String text = TEXTS[(int) (n % TEXTS.length)] + " " + n;
                String lang = text.chars().anyMatch(ch -> ch > 0x2e80) ? "zh" : "en";
                tx.add(new StoredRecord(
                        device,
                        deviceSeq,
                        "voc.utterance/1",
                        "utterance",
                        "site-" + (n % 20),
                        device + "-c" + (deviceSeq / 8),
                        n % 2 == 0 ? "customer" : "staff",
                        lang,
                        text,
                        "negative",
                        -0.8,
                        "2026.12.1",
                        now,
                        true,
                        "boot-1",
                        deviceSeq * 500,
                        now,
                        now,
                        List.of(new StoredRecord.Topic("waiting_time", "negative")),
                        payload(device, deviceSeq, lang, text, now)));
            }
            store.commit(tx);
        }
        return seq;
    }

    /** An utterance as devices send it (the shape of a real one, about 900 bytes). */
    private static String payload(String device, long seq, String lang, String text, Instant at) {
        return "{\"schema\":\"voc.utterance/1\",\"device_id\":\"" + device + "\",\"seq\":" + seq
                + ",\"time\":{\"wall\":\"" + at
                + "\",\"synced\":true,\"boot_id\":\"83df43ed-9b1e-4041-8a64-dd91b4b64b57\","
                + "\"mono_ms\":" + seq * 500 + "},\"conversation_id\":\"" + device + "-c" + seq / 8 + "\",\"lang\":\""
                + lang + "\",\"speaker\":\"customer\",\"text\":\"" + text
                + "\",\"start_ms\":3566740,\"end_ms\":3568950,"
                + "\"asr_confidence\":1.0,\"redactions\":[],\"topics\":[{\"id\":\"waiting_time\",\"evidence\":[{\"term\":"
                + "\"waiting\",\"pos\":3,\"weight\":2.207},{\"term\":\"minutes\",\"pos\":5,\"weight\":1.077}],\"sentiment\":"
                + "{\"label\":\"negative\",\"score\":-0.95},\"confidence\":0.998}],\"sentiment\":{\"label\":\"negative\","
                + "\"score\":-0.95,\"confidence\":0.964},\"flags\":[],\"lexicon_version\":\"2026.12.1\",\"source\":\"mic\","
                + "\"sentiment_evidence\":[{\"term\":\"forty minutes\",\"pos\":4,\"weight\":0.623}],"
                + "\"model_version\":\"1-4a154ff31971\"}";
    }

    private static String describe(double[][] rate, int r) {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < VARIANTS.length; v++) {
            sb.append(String.format(Locale.ROOT, "%s %,.0f/s  ", VARIANTS[v], rate[v][r]));
        }
        return sb.toString().trim();
    }

    private static String percents(double[] xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            sb.append(String.format(Locale.ROOT, "%s%.0f", sb.length() == 0 ? "" : " ", 100 * x));
        }
        return sb.toString();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String arg(String[] args, int i, String dflt) {
        return args.length > i ? args[i] : dflt;
    }
}
