package io.vocedge.gateway.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpResponseException;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.lexicon.LexiconPublications;
import io.vocedge.gateway.store.Dialect;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.tinylog.Logger;

/**
 * Sends the Fleet page's remote commands: {@code mute}, {@code unmute}, {@code selftest} as {@code voc.command/1} on the
 * device's {@code down/command} topic (the device answers on {@code up/result}, stored in {@code command_results}), and
 * {@code lexicon}: the lexicon published for the device's site (or all sites) sent again now, retained on its
 * {@code down/lexicon} topic. Allowed for admins, and for site managers on their own sites; every attempt, allowed or
 * refused, is in the audit log, and every command sent is in {@code fleet_commands} (who, what, device, when).
 */
public final class FleetCommands {
    /** Publishes QoS 1; false when the broker is not connected. */
    @FunctionalInterface
    public interface Publisher {
        boolean publish(String topic, byte[] payload, boolean retained);
    }

    /** What was sent. */
    public record Sent(String commandId, String deviceId, String name, String detail) {}

    private final FleetQueries fleet;
    private final LexiconPublications lexicons;
    private final AuditLog audit;
    private final Publisher mqtt;
    private final DataSource db;
    private final Dialect dialect;
    private final ObjectMapper json;
    private final Clock clock;

    public FleetCommands(
            FleetQueries fleet,
            LexiconPublications lexicons,
            AuditLog audit,
            Publisher mqtt,
            DataSource db,
            Dialect dialect,
            ObjectMapper json,
            Clock clock) {
        this.fleet = fleet;
        this.lexicons = lexicons;
        this.audit = audit;
        this.mqtt = mqtt;
        this.db = db;
        this.dialect = dialect;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The device {@code user} may command, or an error: 404 when it does not exist or is outside the user's sites (the
     * same answer, so nothing leaks; the refusal of another site's device is audited), 403 for a read-only role, 400
     * for an unknown command, 409 for a revoked device.
     */
    public FleetDevice authorise(ConsoleUser user, String deviceId, String command) throws SQLException {
        if (!FleetRoutes.COMMANDS.contains(command)) {
            throw new HttpResponseException(
                    400,
                    "unknown command '" + shorten(command) + "': use one of " + String.join(", ", FleetRoutes.COMMANDS),
                    Map.of());
        }
        if (!io.vocedge.protocol.Ids.isValid(deviceId)) {
            throw new HttpResponseException(404, "no device '" + shorten(deviceId) + "' that you may see", Map.of());
        }
        Optional<FleetDevice> device = fleet.device(user.scope(), deviceId, clock.instant());
        if (device.isEmpty()) {
            Optional<String> site = fleet.siteOf(deviceId);
            if (site.isPresent()) {
                audit.record(
                        user.name(),
                        "fleet_command_refused",
                        deviceId,
                        site.get(),
                        "command=" + command + " reason=outside the user's sites");
            }
            throw new HttpResponseException(404, "no device '" + deviceId + "' that you may see", Map.of());
        }
        if (!FleetRoutes.mayCommand(user)) {
            audit.record(
                    user.name(),
                    "fleet_command_refused",
                    deviceId,
                    device.get().site(),
                    "command=" + command + " reason=role " + user.role().id() + " is read only");
            throw new HttpResponseException(
                    403,
                    "your role (" + user.role().id() + ") may not send commands: ask an admin "
                            + "or the site's manager",
                    Map.of());
        }
        if (device.get().revoked()) {
            throw new HttpResponseException(
                    409, "device '" + deviceId + "' is revoked: it takes no commands", Map.of());
        }
        return device.get();
    }

    /** Checks as {@link #authorise}, audits, sends, and records the command; 503 when the broker is not connected. */
    public Sent send(ConsoleUser user, String deviceId, String command) throws Exception {
        FleetDevice d = authorise(user, deviceId, command);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String topic;
        byte[] payload;
        boolean retained;
        String detail;
        if ("lexicon".equals(command)) {
            var desired = LexiconPublications.desiredFor(d.site(), lexicons.latest());
            if (desired.isEmpty()) {
                throw new HttpResponseException(
                        409,
                        "no lexicon is published for site " + d.site() + " or for every site: "
                                + "publish one first with 'voc-gateway lexicon publish FILE'",
                        Map.of());
            }
            topic = Topics.lexicon(d.site(), d.deviceId());
            payload = json.writeValueAsBytes(desired.get().update());
            retained = true;
            detail = "version " + desired.get().version();
        } else {
            topic = Topics.command(d.site(), d.deviceId());
            payload = json.writeValueAsBytes(new Command(id, d.deviceId(), command, Map.of(), now));
            retained = false;
            detail = null;
        }
        // Audited before it leaves: a command that was sent is never missing from the audit log.
        audit.record(
                user.name(),
                "fleet_command",
                d.deviceId(),
                d.site(),
                "command=" + command + " command_id=" + id + (detail == null ? "" : " " + detail));
        boolean sent = mqtt.publish(topic, payload, retained);
        record(id, d, command, user.name(), now, sent ? "sent" : "broker not connected");
        if (!sent) {
            audit.record(
                    user.name(),
                    "fleet_command_failed",
                    d.deviceId(),
                    d.site(),
                    "command=" + command + " command_id=" + id + " reason=broker not connected");
            throw new HttpResponseException(
                    503,
                    "the gateway is not connected to the broker: the command was not sent, " + "try again in a moment",
                    Map.of());
        }
        Logger.info(
                "event=fleet_command actor={} device={} site={} command={} command_id={}",
                user.name(),
                d.deviceId(),
                d.site(),
                command,
                id);
        return new Sent(id, d.deviceId(), command, detail);
    }

    private void record(String id, FleetDevice d, String command, String actor, Instant at, String outcome)
            throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO fleet_commands (command_id, device_id, site, name, actor,"
                                + " sent_at, outcome) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, d.deviceId());
            ps.setString(3, d.site());
            ps.setString(4, command);
            ps.setString(5, actor);
            dialect.setTime(ps, 6, at);
            ps.setString(7, outcome);
            ps.executeUpdate();
            c.commit();
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : io.vocedge.common.text.Printable.of(s, 64);
    }
}
