package io.vocedge.gateway.console.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.store.CommitParticipant;
import io.vocedge.gateway.store.CommittedChanges;
import io.vocedge.gateway.store.Dialect;
import io.vocedge.gateway.store.StoredRecord;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Writes the console's derived rows inside the store's own transaction (so they exist exactly when the record does):
 * the search postings of each new utterance ({@link SearchTerms}) and the daily roll-ups behind Trends (topic mentions
 * and negative mentions per day and site; conversations, compliance, attention and peak-end score per day and site).
 * Days are UTC days of {@code corrected_at}. A summary whose payload cannot be read is skipped with a WARN, never
 * thrown: one bad record must not block ingest.
 */
public final class ConsoleIndexer implements CommitParticipant {
    private final ObjectMapper json;

    public ConsoleIndexer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void participate(Connection c, Dialect dialect, CommittedChanges changes) throws SQLException {
        List<StoredRecord> records = changes.insertedRecords();
        if (records.isEmpty()) {
            return;
        }
        index(c, dialect, records);
        topicDays(c, records);
        conversationDays(c, records);
    }

    /**
     * Postings for utterances of any store. On PostgreSQL the postings (about ten per utterance)
     * go as ONE statement over parallel arrays ({@code unnest}): a JDBC batch costs the server one executor round per
     * row, and at ingest rates that was 40 % of the ingest thread's time (JFR, bench/forward.sh, 2026-12-04). SQLite runs
     * in-process, where a prepared batch is already cheap.
     */
    public static void index(Connection c, Dialect dialect, List<StoredRecord> records) throws SQLException {
        List<String> terms = new ArrayList<>();
        List<StoredRecord> owners = new ArrayList<>();
        for (StoredRecord r : records) {
            if (!"utterance".equals(r.kind()) || r.text() == null) {
                continue;
            }
            for (String term : SearchTerms.index(r.text())) {
                terms.add(term);
                owners.add(r);
            }
        }
        if (terms.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            // The record's columns once per record, each posting naming its record by position: sending them once per
            // posting (about ten) cost the gateway the encoding and the server the parsing of ten times as many array
            // elements, a timestamp each (issue 18: CPU per record, JFR under bench/forward.sh).
            int n = terms.size();
            Integer[] owner = new Integer[n];
            List<StoredRecord> distinct = new ArrayList<>();
            StoredRecord last = null;
            for (int i = 0; i < n; i++) {
                StoredRecord r = owners.get(i);
                if (r != last) {
                    distinct.add(r);
                    last = r;
                }
                owner[i] = distinct.size();
            }
            int m = distinct.size();
            String[] site = new String[m];
            String[] at = new String[m];
            String[] device = new String[m];
            Long[] seq = new Long[m];
            for (int i = 0; i < m; i++) {
                StoredRecord r = distinct.get(i);
                site[i] = r.site();
                at[i] = r.correctedAt().toString();
                device[i] = r.deviceId();
                seq[i] = r.seq();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_terms (term, site, at, device_id, seq)"
                    + " SELECT t.term, r.site, r.at, r.device_id, r.seq FROM unnest(CAST(? AS text[]), CAST(? AS int[]))"
                    + " AS t(term, owner) JOIN unnest(CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS text[]),"
                    + " CAST(? AS bigint[])) WITH ORDINALITY AS r(site, at, device_id, seq, i) ON r.i = t.owner")) {
                ps.setArray(1, c.createArrayOf("text", terms.toArray()));
                ps.setArray(2, c.createArrayOf("int4", owner));
                ps.setArray(3, c.createArrayOf("text", site));
                ps.setArray(4, c.createArrayOf("text", at));
                ps.setArray(5, c.createArrayOf("text", device));
                ps.setArray(6, c.createArrayOf("int8", seq));
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO search_terms (term, site, at, device_id, seq) VALUES (?,?,?,?,?)")) {
            for (int i = 0; i < terms.size(); i++) {
                StoredRecord r = owners.get(i);
                ps.setString(1, terms.get(i));
                ps.setString(2, r.site());
                dialect.setTime(ps, 3, r.correctedAt());
                ps.setString(4, r.deviceId());
                ps.setLong(5, r.seq());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String day(StoredRecord r) {
        return r.correctedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private void topicDays(Connection c, List<StoredRecord> records) throws SQLException {
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        for (StoredRecord r : records) {
            if (!"utterance".equals(r.kind())) {
                continue;
            }
            for (StoredRecord.Topic t : r.topics()) {
                String sentiment = t.sentiment() != null ? t.sentiment() : r.sentiment();
                long[] s = sums.computeIfAbsent(List.of(day(r), r.site(), t.id()), k -> new long[2]);
                s[0]++;
                if ("negative".equals(sentiment)) {
                    s[1]++;
                }
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO trend_topic_day (day, site, topic_id, mentions, negative)"
                        + " VALUES (?,?,?,?,?) ON CONFLICT (day, site, topic_id) DO UPDATE SET"
                        + " mentions = trend_topic_day.mentions + excluded.mentions,"
                        + " negative = trend_topic_day.negative + excluded.negative")) {
            for (Map.Entry<List<String>, long[]> e : sums.entrySet()) {
                ps.setString(1, e.getKey().get(0));
                ps.setString(2, e.getKey().get(1));
                ps.setString(3, e.getKey().get(2));
                ps.setLong(4, e.getValue()[0]);
                ps.setLong(5, e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void conversationDays(Connection c, List<StoredRecord> records) throws SQLException {
        Map<List<String>, double[]> sums = new LinkedHashMap<>();
        for (StoredRecord r : records) {
            if (!"conversation".equals(r.kind())) {
                continue;
            }
            JsonNode p;
            try {
                p = json.readTree(r.payloadJson());
            } catch (IOException e) {
                Logger.warn(
                        "event=console_rollup_skipped device={} seq={} reason=unreadable_payload",
                        r.deviceId(),
                        r.seq());
                continue;
            }
            double[] s = sums.computeIfAbsent(List.of(day(r), r.site()), k -> new double[7]);
            JsonNode comp = p.path("compliance");
            s[0]++;
            s[1] += comp.path("greeting").asBoolean(false) ? 1 : 0;
            s[2] += comp.path("thanks").asBoolean(false) ? 1 : 0;
            s[3] += comp.path("no_profanity").asBoolean(true) ? 1 : 0;
            s[4] += p.path("attention").path("flag").asBoolean(false) ? 1 : 0;
            if (p.path("experience_score").isNumber()) {
                s[5] += p.path("experience_score").asDouble();
                s[6]++;
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO trend_conversation_day (day, site, conversations, greeting,"
                        + " thanks, no_profanity, attention, score_sum, score_n) VALUES (?,?,?,?,?,?,?,?,?)"
                        + " ON CONFLICT (day, site) DO UPDATE SET"
                        + " conversations = trend_conversation_day.conversations + excluded.conversations,"
                        + " greeting = trend_conversation_day.greeting + excluded.greeting,"
                        + " thanks = trend_conversation_day.thanks + excluded.thanks,"
                        + " no_profanity = trend_conversation_day.no_profanity + excluded.no_profanity,"
                        + " attention = trend_conversation_day.attention + excluded.attention,"
                        + " score_sum = trend_conversation_day.score_sum + excluded.score_sum,"
                        + " score_n = trend_conversation_day.score_n + excluded.score_n")) {
            for (Map.Entry<List<String>, double[]> e : sums.entrySet()) {
                double[] s = e.getValue();
                ps.setString(1, e.getKey().get(0));
                ps.setString(2, e.getKey().get(1));
                for (int i = 0; i < 5; i++) {
                    ps.setLong(3 + i, (long) s[i]);
                }
                ps.setDouble(8, s[5]);
                ps.setLong(9, (long) s[6]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
