package io.vocedge.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.VocStore;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.Ids;
import io.vocedge.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tinylog.Logger;

/**
 * The admin API under {@code /admin/devices} (bearer token; gateway/README.md): list, register, revoke, send a
 * command. Every request first passes {@link CredentialTransport} (no token over plain HTTP off loopback), then the
 * token check (constant-time). Errors are {@code {"error": ...}} naming the problem.
 */
public final class AdminRoutes implements HttpRoutes {
    private final ObjectMapper json;
    private final VocStore store;
    private final Runnable registryChanged;
    private final byte[] adminToken;
    private final CredentialTransport transport;
    private final CommandSender commands;

    /** Publishes a command to a device; false if the broker is not connected. */
    @FunctionalInterface
    public interface CommandSender {
        boolean send(String topic, byte[] payload);
    }

    public AdminRoutes(
            ObjectMapper json,
            VocStore store,
            Runnable registryChanged,
            String adminToken,
            CredentialTransport transport,
            CommandSender commands) {
        this.json = json;
        this.store = store;
        this.registryChanged = registryChanged;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.transport = transport;
        this.commands = commands;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/admin", this::authorise);
        routes.before("/admin/*", this::authorise);
        routes.get("/admin/devices", this::list);
        routes.post("/admin/devices", this::registerDevice);
        routes.post("/admin/devices/{id}/revoke", this::revoke);
        routes.post("/admin/devices/{id}/commands", this::command);
    }

    private void authorise(Context ctx) {
        transport.require(ctx);
        String h = ctx.header("Authorization");
        boolean ok = h != null
                && h.startsWith("Bearer ")
                && MessageDigest.isEqual(adminToken, h.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new HttpResponseException(
                    401,
                    "missing or wrong bearer token: send 'Authorization: Bearer <admin token>' "
                            + "(the token is in the gateway's data dir, admin-token)",
                    Map.of());
        }
    }

    private void list(Context ctx) throws Exception {
        List<Map<String, Object>> out =
                store.devices().stream().map(AdminRoutes::view).toList();
        ctx.json(out);
    }

    private void registerDevice(Context ctx) throws Exception {
        JsonNode body = readJson(ctx);
        String id = body.path("device_id").asText(null);
        String site = body.path("site").asText(null);
        String name = body.path("name").asText(id);
        String fp = body.path("cert_fingerprint").asText(null);
        if (!Ids.isValid(id) || !Ids.isValid(site)) {
            throw new HttpResponseException(
                    400, "device_id and site are required: 1-64 characters of a-z, 0-9, '-' or '_'", Map.of());
        }
        try {
            store.register(new DeviceEntry(
                    id, site, name, fp, DeviceEntry.REGISTERED, Instant.now(), null, null, false, null, null));
        } catch (VocStore.DuplicateDeviceException e) {
            throw new HttpResponseException(409, e.getMessage(), Map.of());
        }
        registryChanged.run();
        Logger.info("event=device_registered device={} site={}", id, site);
        ctx.status(201).json(Map.of("device_id", id, "site", site, "name", name, "state", DeviceEntry.REGISTERED));
    }

    private void revoke(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        if (!store.revoke(id)) {
            throw new HttpResponseException(404, "no device '" + id + "'", Map.of());
        }
        registryChanged.run();
        Logger.info("event=device_revoked device={}", id);
        ctx.json(Map.of("device_id", id, "state", DeviceEntry.REVOKED));
    }

    private void command(Context ctx) throws Exception {
        String deviceId = ctx.pathParam("id");
        JsonNode body = readJson(ctx);
        var device = store.device(deviceId);
        if (device.isEmpty()) {
            throw new HttpResponseException(404, "no device '" + deviceId + "'", Map.of());
        }
        String name = body.path("name").asText(null);
        if (name == null || name.isBlank()) {
            throw new HttpResponseException(400, "body needs \"name\", e.g. {\"name\":\"mute\"}", Map.of());
        }
        Map<String, String> args = new HashMap<>();
        body.path("args")
                .fields()
                .forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
        Command cmd = new Command(UUID.randomUUID().toString(), deviceId, name, args, Instant.now());
        if (!commands.send(Topics.command(device.get().site(), deviceId), json.writeValueAsBytes(cmd))) {
            throw new HttpResponseException(503, "broker not connected; command not sent", Map.of());
        }
        ctx.status(202).json(Map.of("command_id", cmd.commandId()));
    }

    /** The body as a JSON object; the server has already refused bodies over http.max_body (413). */
    private JsonNode readJson(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new HttpResponseException(400, "body is not a JSON object", Map.of());
            }
            return node;
        } catch (JsonProcessingException e) {
            // The parser's own message may quote the body; say only where it broke.
            var at = e.getLocation();
            throw new HttpResponseException(
                    400,
                    "body is not a JSON object (malformed JSON"
                            + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")",
                    Map.of());
        } catch (java.io.IOException e) {
            throw new HttpResponseException(400, "body is not a JSON object", Map.of());
        }
    }

    private static Map<String, Object> view(DeviceEntry d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_id", d.deviceId());
        m.put("site", d.site());
        m.put("name", d.name());
        m.put("state", d.state());
        m.put("online", d.online());
        m.put("last_seen", d.lastSeen() == null ? null : d.lastSeen().toString());
        m.put("outbox_depth", d.outboxDepth());
        m.put("software_version", d.softwareVersion());
        m.put("cert_fingerprint", d.certFingerprint());
        return m;
    }
}
