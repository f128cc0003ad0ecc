package io.vocedge.gateway.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.console.auth.SiteScope;
import io.vocedge.gateway.store.Dialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The Fleet page's data: one indexed read of the {@code devices} table (O(devices), never O(records)) within the
 * caller's site scope. A device counts as offline when its last status said so (its own shutdown, or the broker's last
 * will, published 1.5 keep-alives after the device vanished: 45 s by default) or when nothing was heard from it for
 * {@link #OFFLINE_AFTER} (the device republishes its status every 30 s, so three missed in a row), which covers a
 * broker that never delivered the will.
 */
public final class FleetQueries {
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(90);
    private final DataSource db;
    private final Dialect dialect;
    private final ObjectMapper json;

    public FleetQueries(DataSource db, Dialect dialect, ObjectMapper json) {
        this.db = db;
        this.dialect = dialect;
        this.json = json;
    }

    /** Every device the scope allows, by site and name. */
    public List<FleetDevice> devices(SiteScope scope, Instant now) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = scope.sql("site", params);
        return query("WHERE " + where + " ORDER BY site, name, device_id", params, now);
    }

    /** One device, if it exists and the scope allows it (the same empty answer otherwise: nothing leaks). */
    public Optional<FleetDevice> device(SiteScope scope, String deviceId, Instant now) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(deviceId);
        String where = scope.sql("site", params);
        List<FleetDevice> found = query("WHERE device_id = ? AND " + where, params, now);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The newest commands sent from the Fleet page to devices the scope allows, with their answers. */
    public List<CommandRow> recentCommands(SiteScope scope, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = scope.sql("f.site", params);
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT f.command_id, f.device_id, f.site, f.name, f.actor, f.sent_at,"
                                + " f.outcome, r.ok, r.message, r.received_at FROM fleet_commands f LEFT JOIN command_results r"
                                + " ON r.command_id = f.command_id WHERE " + where + " ORDER BY f.sent_at DESC LIMIT "
                                + limit)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, (String) params.get(i));
            }
            List<CommandRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean ok = rs.getBoolean("ok");
                    Boolean answered = rs.wasNull() ? null : ok;
                    String message = rs.getString("message");
                    out.add(new CommandRow(
                            rs.getString("command_id"),
                            rs.getString("device_id"),
                            rs.getString("site"),
                            rs.getString("name"),
                            rs.getString("actor"),
                            dialect.getTime(rs, "sent_at"),
                            rs.getString("outcome"),
                            answered,
                            message == null || message.length() <= 300 ? message : message.substring(0, 300),
                            dialect.getTime(rs, "received_at")));
                }
            }
            c.commit();
            return out;
        }
    }

    /** The site of a device whatever the scope (for auditing refusals); empty when it does not exist. */
    public Optional<String> siteOf(String deviceId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT site FROM devices WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<String> site = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                c.commit();
                return site;
            }
        }
    }

    private List<FleetDevice> query(String where, List<Object> params, Instant now) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT device_id, site, name, state, last_seen, online, status_at,"
                                + " software_version, outbox_depth, last_status FROM devices " + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, (String) params.get(i));
            }
            List<FleetDevice> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, now));
                }
            }
            c.commit();
            return out;
        }
    }

    private FleetDevice row(ResultSet rs, Instant now) throws SQLException {
        Instant lastSeen = latest(dialect.getTime(rs, "last_seen"), dialect.getTime(rs, "status_at"));
        boolean saidOnline = rs.getBoolean("online");
        long depth = rs.getLong("outbox_depth");
        Long outboxDepth = rs.wasNull() ? null : depth;
        JsonNode status = parse(rs.getString("last_status"));
        JsonNode details = status.path("details");
        JsonNode outbox = status.path("outbox");
        if (outbox.path("depth").canConvertToLong()) {
            outboxDepth = outbox.get("depth").asLong();
        }
        String reason;
        if (lastSeen == null) {
            reason = "never";
        } else if (!saidOnline) {
            reason = "last_will";
        } else if (Duration.between(lastSeen, now).compareTo(OFFLINE_AFTER) > 0) {
            reason = "silent";
        } else {
            reason = null;
        }
        return new FleetDevice(
                rs.getString("device_id"),
                rs.getString("site"),
                rs.getString("name"),
                rs.getString("state"),
                reason == null,
                reason,
                lastSeen,
                rs.getString("software_version"),
                text(details, "lexicon_version"),
                outboxDepth,
                time(outbox, "oldest_unsent_at"),
                details.path("muted").isBoolean() ? details.get("muted").asBoolean() : null,
                disk(details),
                details.path("disk_free_mb").canConvertToLong()
                        ? details.get("disk_free_mb").asLong()
                        : null,
                mic(details));
    }

    /** The device's disk state ({@code ok}, {@code low}, ...) with its problem when it has one. */
    static String disk(JsonNode d) {
        String state = text(d, "disk_state");
        if (state == null) {
            return null;
        }
        String problem = text(d, "disk_problem");
        return problem == null || "ok".equals(state) ? state : state + ": " + problem;
    }

    /** {@code ok}, or what is wrong with the microphone; null when the device never said. */
    static String mic(JsonNode d) {
        String audio = text(d, "audio_state");
        if (audio == null && !d.has("mic_dead_channels")) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        if ("reopening".equals(audio) || "stopped".equals(audio)) {
            String fault = text(d, "audio_last_fault");
            problems.add(audio + (fault == null ? "" : ": " + fault));
        }
        long dead = d.path("mic_dead_channels").asLong(0);
        if (dead > 0) {
            problems.add(dead + " dead channel" + (dead == 1 ? "" : "s"));
        }
        if (d.path("mic_clipping").asBoolean(false)) {
            problems.add("clipping");
        }
        return problems.isEmpty() ? "ok" : String.join("; ", problems);
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return json.missingNode();
        }
        try {
            JsonNode n = json.readTree(text);
            return n == null ? json.missingNode() : n;
        } catch (IOException e) {
            return json.missingNode(); // validated before it was stored; an unreadable one just shows unknowns
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.asText();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static Instant time(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
