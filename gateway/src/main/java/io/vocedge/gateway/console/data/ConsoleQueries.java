package io.vocedge.gateway.console.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.console.auth.SiteScope;
import io.vocedge.gateway.console.data.Views.ConversationRow;
import io.vocedge.gateway.console.data.Views.ConversationView;
import io.vocedge.gateway.console.data.Views.Summary;
import io.vocedge.gateway.console.data.Views.TopicView;
import io.vocedge.gateway.console.data.Views.UtteranceView;
import io.vocedge.gateway.store.Dialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The console's reads of records and conversations. Every method takes the caller's {@link SiteScope} and puts it in
 * the SQL, so rows of other sites never leave the database. Parameters are always bound, never concatenated.
 */
public final class ConsoleQueries {
    private final DataSource db;
    private final Dialect dialect;
    private final ObjectMapper json;

    public ConsoleQueries(DataSource db, Dialect dialect, ObjectMapper json) {
        this.db = db;
        this.dialect = dialect;
        this.json = json;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Conversation summaries, newest first, with the filters (topic/sentiment: some utterance of it has them). */
    public List<ConversationRow> conversations(SiteScope scope, Filter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention,"
                        + " r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation'");
        sql.append(" AND ").append(scope.narrow(f.site()).sql("r.site", params));
        if (f.attention() != null) {
            sql.append(f.attention() ? " AND r.attention = ?" : " AND (r.attention IS NULL OR r.attention = ?)");
            params.add(f.attention());
        }
        timeRange(sql, params, "r.corrected_at", f);
        if (f.topic() != null) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM records u JOIN record_topics t ON t.device_id = u.device_id AND t.seq = u.seq"
                            + " WHERE u.device_id = r.device_id AND u.conversation_id = r.conversation_id AND t.topic_id = ?)");
            params.add(f.topic());
        }
        if (f.sentiment() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM records u WHERE u.device_id = r.device_id AND u.conversation_id ="
                    + " r.conversation_id AND u.kind = 'utterance' AND u.sentiment = ?)");
            params.add(f.sentiment());
        }
        sql.append(" ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT ? OFFSET ?");
        params.add(f.limit());
        params.add(f.offset());
        try (Connection c = db.getConnection();
                PreparedStatement ps = prepare(c, sql.toString(), params)) {
            List<ConversationRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode p = tree(rs.getString("payload"));
                    List<String> topics = new ArrayList<>();
                    p.path("topic_counts").fieldNames().forEachRemaining(topics::add);
                    JsonNode score = p.path("experience_score");
                    boolean att = rs.getBoolean("attention");
                    out.add(new ConversationRow(
                            rs.getString("device_id"),
                            rs.getString("name"),
                            rs.getString("site"),
                            rs.getString("conversation_id"),
                            dialect.getTime(rs, "corrected_at"),
                            att,
                            text(p.path("attention").path("reason")),
                            score.isNumber() ? score.asDouble() : null,
                            topics));
                }
            }
            c.commit();
            return out;
        }
    }

    /** One conversation of one device: its summary (when it has ended) and its utterances in order. */
    public Optional<ConversationView> conversation(SiteScope scope, String deviceId, String conversationId)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(deviceId, conversationId));
        String sql =
                "SELECT r.seq, r.kind, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment,"
                        + " r.sentiment_score, r.payload FROM records r WHERE r.device_id = ? AND r.conversation_id = ?"
                        + " AND r.kind IN ('utterance', 'conversation') AND " + scope.sql("r.site", params)
                        + " ORDER BY r.seq";
        try (Connection c = db.getConnection();
                PreparedStatement ps = prepare(c, sql, params)) {
            Summary summary = null;
            String site = null;
            List<UtteranceView> utterances = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    site = rs.getString("site");
                    JsonNode p = tree(rs.getString("payload"));
                    if ("conversation".equals(rs.getString("kind"))) {
                        summary = summary(p);
                    } else {
                        utterances.add(utterance(deviceId, rs, p));
                    }
                }
            }
            c.commit();
            if (site == null) {
                return Optional.empty();
            }
            return Optional.of(new ConversationView(deviceId, site, conversationId, summary, utterances));
        }
    }

    /** Which site a conversation belongs to, whatever the scope (for the audit log of refused reads). */
    public Optional<String> conversationSite(String deviceId, String conversationId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT site FROM records WHERE device_id = ? AND conversation_id = ? LIMIT 1")) {
            ps.setString(1, deviceId);
            ps.setString(2, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<String> out = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                c.commit();
                return out;
            }
        }
    }

    /**
     * Utterances whose redacted text holds every query term (see {@link SearchTerms}), newest first. The first term
     * drives the lookup in {@code search_terms} through its one index (term, time, site) (V83): newest first for any
     * scope, the site checked in the index entry, so a site scope never fetches other sites' rows. Other terms and
     * long Han runs are checked on the record's text.
     */
    public List<UtteranceView> search(SiteScope scope, SearchTerms.Query q, Filter f) throws SQLException {
        if (q.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at,"
                + " r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st"
                + " JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = ?");
        params.add(q.terms().get(0));
        sql.append(" AND ").append(scope.narrow(f.site()).sql("st.site", params));
        timeRange(sql, params, "st.at", f);
        for (String term : q.terms().subList(1, q.terms().size())) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM search_terms s2 WHERE s2.term = ? AND s2.site = st.site AND s2.at = st.at"
                            + " AND s2.device_id = st.device_id AND s2.seq = st.seq)");
            params.add(term);
        }
        for (String run : q.longRuns()) {
            sql.append(" AND REPLACE(r.text, ' ', '') LIKE ? ESCAPE '\\'");
            params.add("%" + run.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.topic() != null) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM record_topics t WHERE t.device_id = r.device_id AND t.seq = r.seq AND t.topic_id = ?)");
            params.add(f.topic());
        }
        if (f.sentiment() != null) {
            sql.append(" AND r.sentiment = ?");
            params.add(f.sentiment());
        }
        if (f.speaker() != null) {
            sql.append(" AND r.speaker_role = ?");
            params.add(f.speaker());
        }
        if (f.attention() != null) {
            sql.append(f.attention() ? " AND " : " AND NOT ")
                    .append(
                            "EXISTS (SELECT 1 FROM records cv WHERE cv.device_id ="
                                    + " r.device_id AND cv.conversation_id = r.conversation_id AND cv.kind = 'conversation' AND cv.attention = ?)");
            params.add(Boolean.TRUE);
        }
        sql.append(" ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT ? OFFSET ?");
        params.add(f.limit());
        params.add(f.offset());
        try (Connection c = db.getConnection();
                PreparedStatement ps = prepare(c, sql.toString(), params)) {
            List<UtteranceView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(utterance(rs.getString("device_id"), rs, tree(rs.getString("payload"))));
                }
            }
            c.commit();
            return out;
        }
    }

    /** Utterances (the record export), newest first, with the filters. */
    public List<UtteranceView> utterances(SiteScope scope, Filter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at,"
                + " r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r"
                + " WHERE r.kind = 'utterance' AND ");
        sql.append(scope.narrow(f.site()).sql("r.site", params));
        timeRange(sql, params, "r.corrected_at", f);
        if (f.topic() != null) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM record_topics t WHERE t.device_id = r.device_id AND t.seq = r.seq AND t.topic_id = ?)");
            params.add(f.topic());
        }
        if (f.sentiment() != null) {
            sql.append(" AND r.sentiment = ?");
            params.add(f.sentiment());
        }
        if (f.speaker() != null) {
            sql.append(" AND r.speaker_role = ?");
            params.add(f.speaker());
        }
        if (f.attention() != null) {
            sql.append(f.attention() ? " AND " : " AND NOT ")
                    .append(
                            "EXISTS (SELECT 1 FROM records cv WHERE cv.device_id ="
                                    + " r.device_id AND cv.conversation_id = r.conversation_id AND cv.kind = 'conversation' AND cv.attention = ?)");
            params.add(Boolean.TRUE);
        }
        sql.append(" ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT ? OFFSET ?");
        params.add(f.limit());
        params.add(f.offset());
        try (Connection c = db.getConnection();
                PreparedStatement ps = prepare(c, sql.toString(), params)) {
            List<UtteranceView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(utterance(rs.getString("device_id"), rs, tree(rs.getString("payload"))));
                }
            }
            c.commit();
            return out;
        }
    }

    private void timeRange(StringBuilder sql, List<Object> params, String column, Filter f) {
        if (f.since() != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            params.add(f.since());
        }
        if (f.until() != null) {
            sql.append(" AND ").append(column).append(" < ?");
            params.add(f.until());
        }
    }

    PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                Object v = params.get(i);
                if (v instanceof java.time.Instant t) {
                    dialect.setTime(ps, i + 1, t);
                } else if (v instanceof Boolean b) {
                    dialect.setBool(ps, i + 1, b);
                } else if (v instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, (String) v);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private UtteranceView utterance(String deviceId, ResultSet rs, JsonNode p) throws SQLException {
        List<TopicView> topics = new ArrayList<>();
        for (JsonNode t : p.path("topics")) {
            topics.add(new TopicView(
                    t.path("id").asText(), text(t.path("sentiment").path("label")), evidence(t.path("evidence"))));
        }
        List<String> flags = new ArrayList<>();
        p.path("flags").forEach(n -> flags.add(n.asText()));
        double score = rs.getDouble("sentiment_score");
        Double s = rs.wasNull() ? null : score;
        return new UtteranceView(
                deviceId,
                rs.getLong("seq"),
                dialect.getTime(rs, "corrected_at"),
                rs.getString("site"),
                rs.getString("conversation_id"),
                rs.getString("speaker_role"),
                rs.getString("lang"),
                rs.getString("text"),
                rs.getString("sentiment"),
                s,
                evidence(p.path("sentiment_evidence")),
                topics,
                flags);
    }

    private static List<String> evidence(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : list) {
            String term = e.path("term").asText("");
            if (!term.isEmpty() && !out.contains(term)) {
                out.add(term);
            }
        }
        return out;
    }

    private static Summary summary(JsonNode p) {
        JsonNode comp = p.path("compliance");
        Map<String, Integer> counts = new TreeMap<>();
        p.path("topic_counts")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        JsonNode score = p.path("experience_score");
        return new Summary(
                instant(p.path("started_at")),
                instant(p.path("ended_at")),
                p.path("duration_ms").asLong(),
                text(p.path("end_reason")),
                p.path("utterance_count").asInt(),
                score.isNumber() ? score.asDouble() : null,
                bool(comp.path("greeting")),
                bool(comp.path("thanks")),
                bool(comp.path("no_profanity")),
                p.path("attention").path("flag").asBoolean(false),
                text(p.path("attention").path("reason")),
                counts);
    }

    private static java.time.Instant instant(JsonNode n) {
        try {
            return n.isTextual() ? java.time.Instant.parse(n.asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Boolean bool(JsonNode n) {
        return n.isBoolean() ? n.asBoolean() : null;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private JsonNode tree(String payload) {
        try {
            return payload == null ? json.createObjectNode() : json.readTree(payload);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Unused-column guard for maps built from rows. */
    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
