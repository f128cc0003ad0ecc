package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.alerts.AlertsSettings.Rule;
import io.vocedge.gateway.alerts.AlertsSettings.RuleKind;
import io.vocedge.gateway.alerts.AlertsSettings.Site;
import io.vocedge.gateway.store.Dialect;
import io.vocedge.gateway.store.StoredRecord;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Evaluates the record-time rules on records as they are stored, inside the store's transaction (the records are
 * already inserted, so window queries include them). The same code replays stored records for the rule preview.
 * A record whose payload cannot be read is skipped and logged, never thrown: one bad record must not block ingest.
 */
public final class RuleEngine {
    private final AlertsSettings settings;
    private final ObjectMapper json;
    private final AlreadyFired alreadyFired;

    /** Whether an alert with this dedupe key exists: the alerts table in the gateway, a set in the preview. */
    @FunctionalInterface
    public interface AlreadyFired {
        boolean test(Connection c, String dedupeKey) throws SQLException;
    }

    public RuleEngine(AlertsSettings settings, ObjectMapper json) {
        this(settings, json, RuleEngine::exists);
    }

    public RuleEngine(AlertsSettings settings, ObjectMapper json, AlreadyFired alreadyFired) {
        this.settings = settings;
        this.json = json;
        this.alreadyFired = alreadyFired;
    }

    public AlertsSettings settings() {
        return settings;
    }

    /** Firings for records just inserted (in time order), at most one per dedupe key. */
    public List<Firing> onRecords(Connection c, Dialect d, List<StoredRecord> records, List<Rule> rules)
            throws SQLException {
        List<Firing> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        // Window rules run once per (rule, site, topic) per transaction, at the newest record's time.
        Map<String, StoredRecord> windowed = new LinkedHashMap<>();
        for (StoredRecord r : records) {
            JsonNode payload = null;
            for (Rule rule : rules) {
                if (rule.kind().periodic() || !rule.appliesTo(r.site())) {
                    continue;
                }
                Site site = settings.site(r.site());
                if (rule.storeHoursOnly() && !site.storeHours().contains(r.correctedAt(), site.zone())) {
                    continue;
                }
                if (payload == null && needsPayload(rule.kind(), r)) {
                    payload = parse(r);
                    if (payload == null) {
                        break;
                    }
                }
                switch (rule.kind()) {
                    case ATTENTION -> {
                        if ("conversation".equals(r.kind()) && Boolean.TRUE.equals(r.attention())) {
                            String reason = payload != null
                                    ? payload.path("attention").path("reason").asText(null)
                                    : null;
                            add(
                                    out,
                                    keys,
                                    conversation(rule, r, site, MessageText.get(site.language(), "attention"), reason));
                        }
                    }
                    case NEGATIVE_UTTERANCE -> {
                        if ("utterance".equals(r.kind())
                                && "customer".equals(r.speakerRole())
                                && r.sentimentScore() != null
                                && r.sentimentScore() <= rule.maxScore()) {
                            String topic = r.topics().stream()
                                    .map(StoredRecord.Topic::id)
                                    .filter(rule.topics()::contains)
                                    .findFirst()
                                    .orElse(null);
                            if (topic != null) {
                                add(
                                        out,
                                        keys,
                                        conversation(
                                                rule,
                                                r,
                                                site,
                                                MessageText.get(site.language(), "negative_utterance", topic),
                                                String.format(Locale.ROOT, "score %.2f", r.sentimentScore())));
                            }
                        }
                    }
                    case STAFF_PROFANITY -> {
                        if ("utterance".equals(r.kind())
                                && "staff".equals(r.speakerRole())
                                && hasFlag(payload, "profanity")) {
                            add(
                                    out,
                                    keys,
                                    conversation(
                                            rule, r, site, MessageText.get(site.language(), "staff_profanity"), null));
                        }
                    }
                    case OUTBOX_STALE -> {
                        if ("telemetry".equals(r.kind())) {
                            double age = payload.path("metrics")
                                    .path("outbox_oldest_age_s")
                                    .asDouble(0);
                            if (age > rule.after().toSeconds()) {
                                String key = rule.id() + "|" + r.deviceId() + "|" + bucket(rule, r.correctedAt());
                                add(
                                        out,
                                        keys,
                                        new Firing(
                                                rule,
                                                r.site(),
                                                r.deviceId(),
                                                null,
                                                r.seq(),
                                                "device:" + r.deviceId() + ":outbox",
                                                key,
                                                MessageText.get(
                                                        site.language(),
                                                        "outbox_stale",
                                                        r.deviceId(),
                                                        human(Duration.ofSeconds((long) age))),
                                                null,
                                                site.language(),
                                                r.correctedAt()));
                            }
                        }
                    }
                    case COMPLIANCE_RATE -> {
                        if ("conversation".equals(r.kind())) {
                            windowed.put(rule.id() + "|" + r.site(), r);
                        }
                    }
                    case TOPIC_SPIKE -> {
                        if ("utterance".equals(r.kind())) {
                            for (StoredRecord.Topic t : r.topics()) {
                                if (rule.topics().contains(t.id())) {
                                    windowed.put(rule.id() + "|" + r.site() + "|" + t.id(), r);
                                }
                            }
                        }
                    }
                    default -> {}
                }
            }
        }
        for (Map.Entry<String, StoredRecord> e : windowed.entrySet()) {
            String[] parts = e.getKey().split("\\|", 3);
            Rule rule = rules.stream()
                    .filter(x -> x.id().equals(parts[0]))
                    .findFirst()
                    .orElseThrow();
            StoredRecord r = e.getValue();
            Firing f = rule.kind() == RuleKind.COMPLIANCE_RATE
                    ? complianceRate(c, d, rule, r)
                    : topicSpike(c, d, rule, r, parts[2]);
            add(out, keys, f);
        }
        return out;
    }

    private static boolean needsPayload(RuleKind kind, StoredRecord r) {
        return switch (kind) {
            case ATTENTION -> Boolean.TRUE.equals(r.attention());
            case STAFF_PROFANITY -> "staff".equals(r.speakerRole());
            case OUTBOX_STALE -> "telemetry".equals(r.kind());
            default -> false;
        };
    }

    private JsonNode parse(StoredRecord r) {
        try {
            return json.readTree(r.payloadJson());
        } catch (IOException e) {
            Logger.warn(
                    "event=alert_payload_unreadable device={} seq={} error=\"{}\"",
                    r.deviceId(),
                    r.seq(),
                    e.getMessage());
            return null;
        }
    }

    private static boolean hasFlag(JsonNode payload, String flag) {
        for (JsonNode f : payload.path("flags")) {
            if (flag.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Firing> out, Set<String> keys, Firing f) {
        if (f != null && keys.add(f.dedupeKey())) {
            out.add(f);
        }
    }

    /** One alert per rule and conversation; the case is the conversation's. */
    private static Firing conversation(Rule rule, StoredRecord r, Site site, String title, String detail) {
        String conv = r.conversationId() == null ? "seq-" + r.seq() : r.conversationId();
        String caseKey = "conv:" + r.deviceId() + ":" + conv;
        return new Firing(
                rule,
                r.site(),
                r.deviceId(),
                r.conversationId(),
                r.seq(),
                caseKey,
                rule.id() + "|" + caseKey,
                title,
                detail,
                site.language(),
                r.correctedAt());
    }

    static long bucket(Rule rule, Instant at) {
        long ms = rule.cooldown().toMillis();
        return ms <= 0 ? at.toEpochMilli() : at.toEpochMilli() / ms;
    }

    private Firing complianceRate(Connection c, Dialect d, Rule rule, StoredRecord r) throws SQLException {
        String key = rule.id() + "|" + r.site() + "|" + bucket(rule, r.correctedAt());
        if (alreadyFired.test(c, key)) {
            return null;
        }
        int total = 0;
        int met = 0;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT payload FROM records WHERE site = ? AND kind = 'conversation'"
                        + " AND corrected_at <= ? ORDER BY corrected_at DESC LIMIT ?")) {
            ps.setString(1, r.site());
            d.setTime(ps, 2, r.correctedAt());
            ps.setInt(3, rule.lastN());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        JsonNode v = json.readTree(rs.getString(1))
                                .path("compliance")
                                .path(rule.measure());
                        if (v.isBoolean()) {
                            total++;
                            met += v.booleanValue() ? 1 : 0;
                        }
                    } catch (IOException e) {
                        Logger.debug("event=alert_payload_unreadable site={} error=\"{}\"", r.site(), e.getMessage());
                    }
                }
            }
        }
        if (total < rule.lastN()) {
            return null;
        }
        double rate = (double) met / total;
        if (rate >= rule.threshold()) {
            return null;
        }
        Site site = settings.site(r.site());
        String measure = MessageText.get(site.language(), rule.measure());
        return new Firing(
                rule,
                r.site(),
                null,
                null,
                null,
                "site:" + r.site() + ":" + rule.id(),
                key,
                MessageText.get(site.language(), "compliance_rate", measure, pct(rate), total, pct(rule.threshold())),
                null,
                site.language(),
                r.correctedAt());
    }

    private Firing topicSpike(Connection c, Dialect d, Rule rule, StoredRecord r, String topic) throws SQLException {
        String key = rule.id() + "|" + r.site() + "|" + topic + "|" + bucket(rule, r.correctedAt());
        if (alreadyFired.test(c, key)) {
            return null;
        }
        Instant t = r.correctedAt();
        long now = countTopic(c, d, r.site(), topic, t.minus(Duration.ofHours(1)), t);
        if (now < rule.minCount()) {
            return null;
        }
        long sum = 0;
        for (int week = 1; week <= 4; week++) {
            Instant end = t.minus(Duration.ofDays(7L * week));
            sum += countTopic(c, d, r.site(), topic, end.minus(Duration.ofHours(1)), end);
        }
        double usual = sum / 4.0;
        if (now < rule.factor() * usual) {
            return null;
        }
        Site site = settings.site(r.site());
        return new Firing(
                rule,
                r.site(),
                null,
                null,
                null,
                "site:" + r.site() + ":" + rule.id() + ":" + topic,
                key,
                MessageText.get(site.language(), "topic_spike", topic, now, String.format(Locale.ROOT, "%.1f", usual)),
                null,
                site.language(),
                t);
    }

    private static long countTopic(Connection c, Dialect d, String site, String topic, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT count(*) FROM records r JOIN record_topics t ON t.device_id ="
                        + " r.device_id AND t.seq = r.seq WHERE r.site = ? AND r.kind = 'utterance' AND t.topic_id = ?"
                        + " AND r.corrected_at > ? AND r.corrected_at <= ?")) {
            ps.setString(1, site);
            ps.setString(2, topic);
            d.setTime(ps, 3, from);
            d.setTime(ps, 4, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean exists(Connection c, String dedupeKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM alerts WHERE dedupe_key = ?")) {
            ps.setString(1, dedupeKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String pct(double v) {
        return Math.round(v * 100) + "%";
    }

    static String human(Duration d) {
        long m = d.toMinutes();
        return m >= 120 ? m / 60 + "h" : m + "min";
    }
}
