package io.vocedge.gateway.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.gateway.console.data.SearchTerms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Generates the console benchmark's data set inside PostgreSQL, in SQL (generate_series; no row crosses the network):
 * {@code conversations} conversations of {@code utterances} utterances plus a summary each, spread evenly over the
 * last {@code days} days across {@code sites} sites x {@code devicesPerSite} devices; their topics, search postings
 * (the terms {@link SearchTerms} gives each sentence, computed here in Java once per sentence) and the daily trend
 * roll-ups (computed from the generated rows with the indexer's rules), and the device registry with statuses.
 * Secondary indexes are dropped during the load and re-created afterwards (as a bulk load would), then ANALYZE.
 * Only for a throwaway database: it refuses a store that already holds records.
 */
public final class BenchData {
    public record Shape(long conversations, int utterances, int sites, int devicesPerSite, int days, int chunk) {}

    private final DataSource db;
    private final ObjectMapper json = new ObjectMapper();
    private final Consumer<String> progress;

    public BenchData(DataSource db, Consumer<String> progress) {
        this.db = db;
        this.progress = progress;
    }

    public void generate(Shape s) throws SQLException {
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM records)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException(
                            "this database already holds records: the benchmark generates into an empty,"
                                    + " throwaway database only");
                }
            }
            st.execute("SET synchronous_commit = off");
            st.execute("SET maintenance_work_mem = '512MB'");
            phrases(c);
            devices(c, s);
            List<String> indexes = dropIndexes(c);
            c.commit();
            long t0 = System.nanoTime();
            for (long from = 0; from < s.conversations(); from += s.chunk()) {
                long to = Math.min(s.conversations(), from + s.chunk());
                chunk(c, s, from, to);
                c.commit();
                progress.accept(String.format(
                        java.util.Locale.ROOT,
                        "generated %d/%d conversations (%.0f s)",
                        to,
                        s.conversations(),
                        (System.nanoTime() - t0) / 1e9));
            }
            rollups(c);
            io.vocedge.gateway.store.SeqRanges.rebuild(c, null);
            c.commit();
            progress.accept("roll-ups done; re-creating " + indexes.size() + " indexes");
            for (String ddl : indexes) {
                long t1 = System.nanoTime();
                st.execute(ddl);
                c.commit();
                progress.accept(
                        String.format(java.util.Locale.ROOT, "%.0f s: %s", (System.nanoTime() - t1) / 1e9, ddl));
            }
            st.execute("DROP TABLE bench_phrases");
            c.commit();
            c.setAutoCommit(true);
            st.execute("ANALYZE");
            progress.accept(String.format(java.util.Locale.ROOT, "done in %.0f s", (System.nanoTime() - t0) / 1e9));
        }
    }

    private void phrases(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE bench_phrases (kind INT, idx INT, speaker TEXT, lang TEXT, text TEXT, sentiment TEXT,"
                            + " score DOUBLE PRECISION, topic TEXT, payload JSONB, terms TEXT[], PRIMARY KEY (kind, idx))");
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO bench_phrases VALUES (?,?,?,?,?,?,?,?,CAST(? AS jsonb),?)")) {
            int kind = 0;
            for (List<BenchPhrases.Phrase> list : List.of(BenchPhrases.customer(), BenchPhrases.staff())) {
                for (int i = 0; i < list.size(); i++) {
                    BenchPhrases.Phrase p = list.get(i);
                    double score = switch (p.sentiment()) {
                        case "negative" -> -0.6;
                        case "positive" -> 0.6;
                        default -> 0.0;
                    };
                    ps.setInt(1, kind);
                    ps.setInt(2, i);
                    ps.setString(3, p.speaker());
                    ps.setString(4, p.lang());
                    ps.setString(5, p.text());
                    ps.setString(6, p.sentiment());
                    ps.setDouble(7, score);
                    ps.setString(8, p.topic());
                    ps.setString(9, payload(p, score));
                    ps.setArray(
                            10,
                            c.createArrayOf("text", SearchTerms.index(p.text()).toArray()));
                    ps.addBatch();
                }
                kind++;
            }
            ps.executeBatch();
        }
    }

    private String payload(BenchPhrases.Phrase p, double score) {
        ObjectNode o = json.createObjectNode();
        o.put("schema", "voc.utterance/1");
        o.put("text", p.text());
        o.put("lang", p.lang());
        o.put("speaker", p.speaker());
        o.putObject("sentiment").put("label", p.sentiment()).put("score", score);
        ArrayNode topics = o.putArray("topics");
        ArrayNode ev = o.putArray("sentiment_evidence");
        if (p.topic() != null) {
            ObjectNode t = topics.addObject();
            t.put("id", p.topic());
            t.putObject("sentiment").put("label", p.sentiment()).put("score", score);
            t.putArray("evidence")
                    .addObject()
                    .put("term", p.evidence())
                    .put("pos", p.text().indexOf(p.evidence()));
            ev.addObject().put("term", p.evidence()).put("pos", p.text().indexOf(p.evidence()));
        }
        o.putArray("flags");
        return o.toString();
    }

    private static void devices(Connection c, Shape s) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO devices (device_id, site, name, state, registered_at, last_seen,"
                        + " online, software_version, outbox_depth, status_at, last_status) SELECT 'bench-' || lpad(d::text, 5, '0'),"
                        + " 'site-' || lpad((d / ?)::text, 3, '0'), 'mic-' || (d % ?), 'registered', now() - interval '100 days',"
                        + " now() - make_interval(secs => d % 300), d % 10 <> 0, '1.4.' || (d % 3), d % 50, now() - make_interval(secs => d % 300),"
                        + " jsonb_build_object('schema', 'voc.status/1', 'state', CASE WHEN d % 10 <> 0 THEN 'online' ELSE 'offline' END,"
                        + " 'software_version', '1.4.' || (d % 3), 'lexicon_version', '2026.12.' || (d % 4), 'muted', d % 17 = 0,"
                        + " 'outbox', jsonb_build_object('depth', d % 50, 'oldest_unsent_s', (d % 50) * 3), 'disk_free_mb', 2000 + d,"
                        + " 'mic', 'ok') FROM generate_series(0, ? - 1) d")) {
            ps.setInt(1, s.devicesPerSite());
            ps.setInt(2, s.devicesPerSite());
            ps.setInt(3, s.sites() * s.devicesPerSite());
            ps.executeUpdate();
        }
    }

    private static List<String> dropIndexes(Connection c) throws SQLException {
        List<String> ddl = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                        + " WHERE i.schemaname = 'public' AND i.tablename IN ('records', 'record_topics', 'search_terms')"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                ddl.add(rs.getString(2));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String n : names) {
                st.execute("DROP INDEX " + n);
            }
        }
        return ddl;
    }

    /** Conversations [from, to): utterances, summaries, topics and postings in one statement. */
    private static void chunk(Connection c, Shape s, long from, long to) throws SQLException {
        String sql = """
            WITH p AS (SELECT (SELECT count(*) FROM bench_phrases WHERE kind = 0) AS nc, (SELECT count(*) FROM bench_phrases WHERE kind = 1) AS ns),
            conv AS (
              SELECT cv, cv % ?::bigint AS dev, cv / ?::bigint AS k,
                     date_trunc('second', now()) - make_interval(secs => (cv * ?::double precision) / ?::double precision) AS t0
              FROM generate_series(?::bigint, ?::bigint - 1) cv),
            gen AS (
              SELECT 'bench-' || lpad(conv.dev::text, 5, '0') AS device_id, conv.k * (?::int + 1) + j AS seq,
                     'site-' || lpad((conv.dev / ?::int)::text, 3, '0') AS site, 'conv-' || conv.cv AS conversation_id,
                     conv.t0 + make_interval(secs => j * 6) AS at, ph.*
              FROM conv CROSS JOIN generate_series(1, ?::int) j CROSS JOIN p
              JOIN bench_phrases ph ON ph.kind = j % 2
                AND ph.idx = ((conv.cv * 2654435761 + j * 40503) % CASE WHEN j % 2 = 0 THEN p.nc ELSE p.ns END)),
            r AS (
              INSERT INTO records (device_id, seq, schema_id, kind, site, conversation_id, speaker_role, lang, text, sentiment,
                  sentiment_score, lexicon_version, recorded_at, clock_synced, boot_id, mono_ms, received_at, corrected_at,
                  gateway_id, payload, escalation, churn_risk, model_version)
              SELECT device_id, seq, 'voc.utterance/1', 'utterance', site, conversation_id, speaker, lang, text, sentiment, score,
                  '2026.12.1', at, true, 'boot', seq * 1000, at, at, 'bench', payload, false, false, 'bench' FROM gen),
            sm AS (
              INSERT INTO records (device_id, seq, schema_id, kind, site, conversation_id, recorded_at, clock_synced, boot_id,
                  mono_ms, received_at, corrected_at, gateway_id, payload, escalation, churn_risk, attention, model_version)
              SELECT 'bench-' || lpad(dev::text, 5, '0'), k * (?::int + 1) + ?::int + 1, 'voc.conversation/1', 'conversation',
                  'site-' || lpad((dev / ?::int)::text, 3, '0'), 'conv-' || cv, e, true, 'boot', 0, e, e, 'bench',
                  jsonb_build_object('schema', 'voc.conversation/1', 'conversation_id', 'conv-' || cv,
                      'started_at', to_char(t0 AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                      'ended_at', to_char(e AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                      'duration_ms', (?::int + 1) * 6000, 'end_reason', 'silence', 'utterance_count', ?::int,
                      'topic_counts', jsonb_build_object((ARRAY['price','deposit_refund','vehicle_quality','delivery_delay'])[cv % 4 + 1], 1),
                      'experience_score', round(((cv * 37) % 200 - 100) / 100.0, 2),
                      'compliance', jsonb_build_object('greeting', cv % 10 <> 0, 'thanks', cv % 7 <> 0, 'no_profanity', cv % 50 <> 0),
                      'attention', jsonb_build_object('flag', cv % 20 = 0, 'reason',
                          CASE WHEN cv % 20 = 0 THEN 'escalation: asked for a manager' END)),
                  false, false, cv % 20 = 0, 'bench'
              FROM (SELECT conv.*, conv.t0 + make_interval(secs => (?::int + 1) * 6) AS e FROM conv) cc),
            tp AS (
              INSERT INTO record_topics (device_id, seq, topic_id, topic_sentiment)
              SELECT device_id, seq, topic, sentiment FROM gen WHERE topic IS NOT NULL)
            INSERT INTO search_terms (term, site, at, device_id, seq)
            SELECT unnest(terms), site, at, device_id, seq FROM gen
            """;
        long devices = (long) s.sites() * s.devicesPerSite();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, devices);
            ps.setLong(i++, devices);
            ps.setDouble(i++, s.days() * 86400.0);
            ps.setDouble(i++, (double) s.conversations());
            ps.setLong(i++, from);
            ps.setLong(i++, to);
            ps.setInt(i++, s.utterances());
            ps.setInt(i++, s.devicesPerSite());
            ps.setInt(i++, s.utterances());
            ps.setInt(i++, s.utterances());
            ps.setInt(i++, s.utterances());
            ps.setInt(i++, s.devicesPerSite());
            ps.setInt(i++, s.utterances());
            ps.setInt(i++, s.utterances());
            ps.setInt(i++, s.utterances());
            ps.executeUpdate();
        }
    }

    /** The roll-ups as the indexer would have written them, from the generated rows. */
    private static void rollups(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "INSERT INTO trend_topic_day (day, site, topic_id, mentions, negative)"
                            + " SELECT to_char(r.corrected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), r.site, t.topic_id, count(*),"
                            + " count(*) FILTER (WHERE coalesce(t.topic_sentiment, r.sentiment) = 'negative')"
                            + " FROM record_topics t JOIN records r ON r.device_id = t.device_id AND r.seq = t.seq GROUP BY 1, 2, 3");
            st.execute(
                    "INSERT INTO trend_conversation_day (day, site, conversations, greeting, thanks, no_profanity, attention,"
                            + " score_sum, score_n) SELECT to_char(corrected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), site, count(*),"
                            + " count(*) FILTER (WHERE (payload->'compliance'->>'greeting')::boolean),"
                            + " count(*) FILTER (WHERE (payload->'compliance'->>'thanks')::boolean),"
                            + " count(*) FILTER (WHERE (payload->'compliance'->>'no_profanity')::boolean),"
                            + " count(*) FILTER (WHERE attention), sum((payload->>'experience_score')::double precision),"
                            + " count(payload->>'experience_score') FROM records WHERE kind = 'conversation' GROUP BY 1, 2");
        }
    }
}
