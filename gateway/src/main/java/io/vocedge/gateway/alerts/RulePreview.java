package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.alerts.AlertsSettings.Rule;
import io.vocedge.gateway.store.Dialect;
import io.vocedge.gateway.store.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * "How often would this rule have fired?": replays the stored records of a period, oldest first, through the same
 * {@link RuleEngine} the gateway runs at store time (window rules see exactly the records stored up to each one),
 * with dedupe keys kept in memory instead of the alerts table. Reads only.
 *
 * <p>Device-offline rules cannot be replayed (the store keeps a device's current status, not its history); they are
 * reported as not previewable. Certificate rules are evaluated once, now.
 */
public final class RulePreview {
    private static final int PAGE = 2000;

    private final DataSource pool;
    private final Dialect dialect;
    private final AlertsSettings settings;
    private final ObjectMapper json;

    public RulePreview(DataSource pool, Dialect dialect, AlertsSettings settings, ObjectMapper json) {
        this.pool = pool;
        this.dialect = dialect;
        this.settings = settings;
        this.json = json;
    }

    /** One rule's result: firings in the period, the first few as samples; {@code note} when not previewable. */
    public record Result(String ruleId, String kind, long firings, List<Map<String, Object>> samples, String note) {}

    public List<Result> run(List<Rule> rules, Instant from, Instant to) throws SQLException {
        Set<String> fired = new HashSet<>();
        RuleEngine engine = new RuleEngine(settings, json, (c, key) -> fired.contains(key));
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> samples = new LinkedHashMap<>();
        rules.forEach(r -> {
            counts.put(r.id(), new long[1]);
            samples.put(r.id(), new ArrayList<>());
        });
        List<Rule> recordRules =
                rules.stream().filter(r -> !r.kind().periodic()).toList();
        try (Connection c = pool.getConnection()) {
            if (!recordRules.isEmpty()) {
                List<String> kinds = recordRules.stream()
                        .flatMap(r -> r.kind().recordKinds().stream())
                        .distinct()
                        .sorted()
                        .toList();
                Instant after = from;
                String lastKey = "";
                while (true) {
                    List<StoredRecord> page = page(c, kinds, after, lastKey, to);
                    for (StoredRecord r : page) {
                        for (Firing f : engine.onRecords(c, dialect, List.of(r), recordRules)) {
                            if (fired.add(f.dedupeKey())) {
                                count(counts, samples, f);
                            }
                        }
                    }
                    if (page.size() < PAGE) {
                        break;
                    }
                    StoredRecord last = page.get(page.size() - 1);
                    after = last.correctedAt();
                    lastKey = last.deviceId() + "\u0000" + last.seq();
                }
            }
            List<Firing> certs = new FleetRules(new AlertsSettings(
                            settings.channels(),
                            rules.stream()
                                    .filter(r -> r.kind() == AlertsSettings.RuleKind.CERT_EXPIRY)
                                    .toList(),
                            settings.rosters(),
                            settings.sites(),
                            settings.consoleUrl(),
                            null,
                            settings.linkValidity(),
                            settings.groupWindow(),
                            settings.groupMaxDelay(),
                            settings.retryFor(),
                            settings.firstRetry(),
                            settings.maxRetryDelay(),
                            settings.evaluateEvery(),
                            false,
                            settings.rulesReloadEvery()))
                    .evaluate(c, dialect, to);
            certs.forEach(f -> count(counts, samples, f));
            c.rollback();
        }
        List<Result> out = new ArrayList<>();
        for (Rule r : rules) {
            String note = r.kind() == AlertsSettings.RuleKind.DEVICE_OFFLINE
                    ? "not previewable: the store keeps each device's current status, not its history"
                    : r.kind() == AlertsSettings.RuleKind.CERT_EXPIRY ? "evaluated once, now" : null;
            out.add(new Result(r.id(), r.kind().wire(), counts.get(r.id())[0], samples.get(r.id()), note));
        }
        return out;
    }

    private static void count(Map<String, long[]> counts, Map<String, List<Map<String, Object>>> samples, Firing f) {
        counts.get(f.rule().id())[0]++;
        List<Map<String, Object>> s = samples.get(f.rule().id());
        if (s.size() < 5) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", f.at().toString());
            m.put("site", f.site());
            m.put("device_id", f.deviceId());
            m.put("conversation_id", f.conversationId());
            m.put("title", f.title());
            s.add(m);
        }
    }

    /**
     * Records of the given kinds after (time, device, seq), oldest first, with their topics. One sub-select per kind
     * walks that kind's {@code (kind, corrected_at)} index from the last page's position, and the outer select merges
     * them: a page costs about a page of index entries per kind, where one select over all kinds sorted the whole
     * table for every page (a 30-day preview on a big store: a full sort per 2,000 records).
     */
    private List<StoredRecord> page(Connection c, List<String> kinds, Instant after, String lastKey, Instant to)
            throws SQLException {
        String topics = dialect == Dialect.POSTGRESQL ? "string_agg(t.topic_id, ',')" : "group_concat(t.topic_id, ',')";
        String[] k = lastKey.isEmpty() ? new String[] {"", "0"} : lastKey.split("\u0000");
        String perKind = "SELECT r.device_id, r.seq, r.schema_id, r.kind, r.site, r.conversation_id, r.speaker_role,"
                + " r.lang, r.sentiment, r.sentiment_score, r.recorded_at, r.clock_synced, r.boot_id, r.mono_ms,"
                + " r.received_at, r.corrected_at, r.payload, r.attention,"
                + " (SELECT " + topics + " FROM record_topics t WHERE t.device_id = r.device_id AND t.seq = r.seq)"
                + " AS topics FROM records r WHERE r.kind = ? AND r.corrected_at >= ? AND r.corrected_at <= ?"
                + " AND (r.corrected_at > ? OR r.device_id > ? OR (r.device_id = ? AND r.seq > ?))"
                + " ORDER BY r.corrected_at, r.device_id, r.seq LIMIT " + PAGE;
        StringBuilder sql = new StringBuilder("SELECT * FROM (");
        for (int i = 0; i < kinds.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT * FROM (")
                    .append(perKind)
                    .append(") k")
                    .append(i);
        }
        sql.append(") p ORDER BY corrected_at, device_id, seq LIMIT ").append(PAGE);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (String kind : kinds) {
                ps.setString(p++, kind);
                dialect.setTime(ps, p++, after);
                dialect.setTime(ps, p++, to);
                dialect.setTime(ps, p++, after);
                ps.setString(p++, k[0]);
                ps.setString(p++, k[0]);
                ps.setLong(p++, Long.parseLong(k[1]));
            }
            List<StoredRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble("sentiment_score");
                    Double scoreOrNull = rs.wasNull() ? null : score;
                    boolean att = rs.getBoolean("attention");
                    Boolean attention = rs.wasNull() ? null : att;
                    String t = rs.getString("topics");
                    List<StoredRecord.Topic> topicList = t == null
                            ? List.of()
                            : Arrays.stream(t.split(","))
                                    .map(x -> new StoredRecord.Topic(x, null))
                                    .toList();
                    out.add(new StoredRecord(
                            rs.getString("device_id"),
                            rs.getLong("seq"),
                            rs.getString("schema_id"),
                            rs.getString("kind"),
                            rs.getString("site"),
                            rs.getString("conversation_id"),
                            rs.getString("speaker_role"),
                            rs.getString("lang"),
                            null,
                            rs.getString("sentiment"),
                            scoreOrNull,
                            null,
                            dialect.getTime(rs, "recorded_at"),
                            rs.getBoolean("clock_synced"),
                            rs.getString("boot_id"),
                            rs.getLong("mono_ms"),
                            dialect.getTime(rs, "received_at"),
                            dialect.getTime(rs, "corrected_at"),
                            topicList,
                            rs.getString("payload"),
                            null,
                            null,
                            attention,
                            null));
                }
            }
            return out;
        }
    }
}
