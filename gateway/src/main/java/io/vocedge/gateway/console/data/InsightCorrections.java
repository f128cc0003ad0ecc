package io.vocedge.gateway.console.data;

import io.vocedge.gateway.store.Dialect;
import io.vocedge.protocol.Taxonomy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Analysts' corrections of one utterance's insights (issue 15's feedback loop): made on the console's conversation
 * page, read back there, and exported in the line format of {@code voc-device insights train --corrections}. The text
 * is never copied: the export joins {@code records}, so a record forgotten for privacy cannot be trained on.
 */
public final class InsightCorrections {
    private final DataSource db;
    private final Dialect dialect;

    public InsightCorrections(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** One correction; the labels are checked against shared/TAXONOMY.md v2 when it is made. */
    public record Correction(
            String deviceId,
            long seq,
            String site,
            List<String> topics,
            String sentiment,
            List<String> flags,
            String who,
            Instant at) {
        public Correction {
            topics = List.copyOf(topics);
            flags = List.copyOf(flags);
            String problem = problem(topics, sentiment, flags);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }

        /** What is wrong with these labels, or null: every id known, none twice, a sentiment given. */
        public static String problem(List<String> topics, String sentiment, List<String> flags) {
            if (sentiment == null || !Taxonomy.SENTIMENTS.contains(sentiment)) {
                return "sentiment must be one of " + Taxonomy.SENTIMENTS;
            }
            for (String t : topics) {
                if (!Taxonomy.TOPICS.contains(t)) {
                    return "unknown topic '" + cut(t) + "': the topics are those of TAXONOMY v2";
                }
            }
            for (String f : flags) {
                if (!Taxonomy.FLAGS.contains(f)) {
                    return "unknown flag '" + cut(f) + "': the flags are " + Taxonomy.FLAGS;
                }
            }
            if (new HashSet<>(topics).size() != topics.size() || new HashSet<>(flags).size() != flags.size()) {
                return "a topic or flag is named twice";
            }
            return null;
        }

        private static String cut(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "..." : s;
        }
    }

    /** A correction as a training line (the JSON fields of the device's corrections file). */
    public record TrainingLine(
            String text,
            String lang,
            List<String> topics,
            String sentiment,
            List<String> flags,
            String who,
            Instant when,
            String role) {}

    public void add(Correction c) throws SQLException {
        try (Connection conn = db.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO insight_corrections"
                                + " (device_id, seq, site, topics, sentiment, flags, who, corrected_at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, c.deviceId());
            ps.setLong(2, c.seq());
            ps.setString(3, c.site());
            ps.setString(4, String.join(",", c.topics()));
            ps.setString(5, c.sentiment());
            ps.setString(6, String.join(",", c.flags()));
            ps.setString(7, c.who());
            dialect.setTime(ps, 8, c.at());
            ps.executeUpdate();
            conn.commit();
        }
    }

    /** The newest correction of each utterance of one conversation, by record seq. */
    public Map<Long, Correction> latest(String deviceId, String conversationId) throws SQLException {
        Map<Long, Correction> out = new LinkedHashMap<>();
        try (Connection conn = db.getConnection();
                PreparedStatement ps = conn.prepareStatement("SELECT k.device_id, k.seq, k.site, k.topics, k.sentiment,"
                        + " k.flags, k.who, k.corrected_at FROM insight_corrections k JOIN records r"
                        + " ON r.device_id = k.device_id AND r.seq = k.seq"
                        + " WHERE k.device_id = ? AND r.conversation_id = ? ORDER BY k.id")) {
            ps.setString(1, deviceId);
            ps.setString(2, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Correction c = correction(rs);
                    out.put(c.seq(), c);
                }
            } finally {
                conn.rollback();
            }
        }
        return out;
    }

    /**
     * Every correction made at or after {@code since}, oldest first, with the record's (redacted) text, language and
     * speaker role; corrections of records that no longer exist are left out.
     */
    public List<TrainingLine> since(Instant since) throws SQLException {
        List<TrainingLine> out = new ArrayList<>();
        try (Connection conn = db.getConnection();
                PreparedStatement ps = conn.prepareStatement("SELECT k.device_id, k.seq, k.site, k.topics, k.sentiment,"
                        + " k.flags, k.who, k.corrected_at, r.text, r.lang, r.speaker_role FROM insight_corrections k"
                        + " JOIN records r ON r.device_id = k.device_id AND r.seq = k.seq"
                        + " WHERE k.corrected_at >= ? AND r.text IS NOT NULL ORDER BY k.id")) {
            dialect.setTime(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Correction c = correction(rs);
                    String text =
                            rs.getString("text").replaceAll("[\\t\\r\\n]+", " ").strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    String lang = rs.getString("lang");
                    String role = rs.getString("speaker_role");
                    out.add(new TrainingLine(
                            text,
                            lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en",
                            c.topics(),
                            c.sentiment(),
                            c.flags(),
                            c.who(),
                            c.at(),
                            "customer".equals(role) || "staff".equals(role) ? role : "unknown"));
                }
            } finally {
                conn.rollback();
            }
        }
        return out;
    }

    private Correction correction(ResultSet rs) throws SQLException {
        return new Correction(
                rs.getString("device_id"),
                rs.getLong("seq"),
                rs.getString("site"),
                split(rs.getString("topics")),
                rs.getString("sentiment"),
                split(rs.getString("flags")),
                rs.getString("who"),
                dialect.getTime(rs, "corrected_at"));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(","));
    }
}
