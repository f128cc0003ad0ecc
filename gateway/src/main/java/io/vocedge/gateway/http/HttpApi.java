package io.vocedge.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.VocStore;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.Ids;
import io.vocedge.protocol.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.tinylog.Logger;

/**
 * {@code /health}, {@code /metrics} (Prometheus) and the admin API ({@code /admin/devices...}, bearer token)
 * on the JDK's HTTP server: a handful of JSON endpoints need no web framework. Errors are JSON
 * {@code {"error": "..."}} naming the problem.
 */
public final class HttpApi implements AutoCloseable {
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ObjectMapper json;
    private final VocStore store;
    private final Runnable registryChanged;
    private final PrometheusMeterRegistry metrics;
    private final byte[] adminToken;
    private final BooleanSupplier brokerConnected;
    private final IntSupplier queueDepth;
    private final CommandSender commands;

    /** Publishes a command to a device; false if the broker is not connected. */
    @FunctionalInterface
    public interface CommandSender {
        boolean send(String topic, byte[] payload);
    }

    public HttpApi(String host, int port, ObjectMapper json, VocStore store, Runnable registryChanged,
            PrometheusMeterRegistry metrics, String adminToken, BooleanSupplier brokerConnected, IntSupplier queueDepth,
            CommandSender commands) throws IOException {
        this.json = json;
        this.store = store;
        this.registryChanged = registryChanged;
        this.metrics = metrics;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.brokerConnected = brokerConnected;
        this.queueDepth = queueDepth;
        this.commands = commands;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        // Bounded: an admin script gone wild gets 503s, it cannot starve ingest of threads.
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                r -> Thread.ofPlatform().name("http").daemon(true).unstarted(r), new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(executor);
        server.createContext("/health", ex -> guard(ex, this::health));
        server.createContext("/metrics", ex -> guard(ex, this::metrics));
        server.createContext("/admin/devices", ex -> guard(ex, this::admin));
    }

    public void start() {
        server.start();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange ex) throws Exception;
    }

    private void guard(HttpExchange ex, Handler h) {
        try (ex) {
            h.handle(ex);
        } catch (Exception e) {
            Logger.warn("event=http_error path={} error=\"{}\"", ex.getRequestURI().getPath(), e.getMessage());
            try {
                send(ex, 500, Map.of("error", "internal error: " + e.getMessage()));
            } catch (IOException ignored) {
                // client went away
            }
        }
    }

    private void health(HttpExchange ex) throws IOException {
        boolean broker = brokerConnected.getAsBoolean();
        boolean storeOk = store.ping();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", broker && storeOk ? "up" : "down");
        body.put("broker_connected", broker);
        body.put("store_reachable", storeOk);
        body.put("ingest_queue_depth", queueDepth.getAsInt());
        send(ex, broker && storeOk ? 200 : 503, body);
    }

    private void metrics(HttpExchange ex) throws IOException {
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        ex.sendResponseHeaders(200, text.length);
        ex.getResponseBody().write(text);
    }

    private void admin(HttpExchange ex) throws Exception {
        if (!authorised(ex)) {
            send(ex, 401, Map.of("error", "missing or wrong bearer token: send 'Authorization: Bearer <admin token>' "
                    + "(the token is in the gateway's data dir, admin-token)"));
            return;
        }
        String[] parts = ex.getRequestURI().getPath().replaceAll("/+$", "").split("/");
        String method = ex.getRequestMethod();
        // parts: "", "admin", "devices", [id], [action]
        if (parts.length == 3 && method.equals("GET")) {
            List<Map<String, Object>> out = store.devices().stream().map(HttpApi::view).toList();
            send(ex, 200, out);
        } else if (parts.length == 3 && method.equals("POST")) {
            register(ex);
        } else if (parts.length == 5 && parts[4].equals("revoke") && method.equals("POST")) {
            if (store.revoke(parts[3])) {
                registryChanged.run();
                Logger.info("event=device_revoked device={}", parts[3]);
                send(ex, 200, Map.of("device_id", parts[3], "state", DeviceEntry.REVOKED));
            } else {
                send(ex, 404, Map.of("error", "no device '" + parts[3] + "'"));
            }
        } else if (parts.length == 5 && parts[4].equals("commands") && method.equals("POST")) {
            command(ex, parts[3]);
        } else {
            send(ex, 404, Map.of("error", "no such endpoint: " + method + " " + ex.getRequestURI().getPath()
                    + " (see gateway/README.md, admin API)"));
        }
    }

    private void register(HttpExchange ex) throws Exception {
        JsonNode body = readJson(ex);
        if (body == null) {
            return;
        }
        String id = body.path("device_id").asText(null);
        String site = body.path("site").asText(null);
        String name = body.path("name").asText(id);
        String fp = body.path("cert_fingerprint").asText(null);
        if (!Ids.isValid(id) || !Ids.isValid(site)) {
            send(ex, 400, Map.of("error", "device_id and site are required: 1-64 characters of a-z, 0-9, '-' or '_'"));
            return;
        }
        try {
            store.register(new DeviceEntry(id, site, name, fp, DeviceEntry.REGISTERED, Instant.now(), null, null, false, null, null));
        } catch (VocStore.DuplicateDeviceException e) {
            send(ex, 409, Map.of("error", e.getMessage()));
            return;
        }
        registryChanged.run();
        Logger.info("event=device_registered device={} site={}", id, site);
        send(ex, 201, Map.of("device_id", id, "site", site, "name", name, "state", DeviceEntry.REGISTERED));
    }

    private void command(HttpExchange ex, String deviceId) throws Exception {
        JsonNode body = readJson(ex);
        if (body == null) {
            return;
        }
        var device = store.device(deviceId);
        if (device.isEmpty()) {
            send(ex, 404, Map.of("error", "no device '" + deviceId + "'"));
            return;
        }
        String name = body.path("name").asText(null);
        if (name == null || name.isBlank()) {
            send(ex, 400, Map.of("error", "body needs \"name\", e.g. {\"name\":\"mute\"}"));
            return;
        }
        Map<String, String> args = new HashMap<>();
        body.path("args").fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
        Command cmd = new Command(UUID.randomUUID().toString(), deviceId, name, args, Instant.now());
        boolean sent = commands.send(Topics.command(device.get().site(), deviceId), json.writeValueAsBytes(cmd));
        if (!sent) {
            send(ex, 503, Map.of("error", "broker not connected; command not sent"));
            return;
        }
        send(ex, 202, Map.of("command_id", cmd.commandId()));
    }

    private JsonNode readJson(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                send(ex, 413, Map.of("error", "body larger than " + MAX_BODY + " bytes"));
                return null;
            }
            try {
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new IOException("not a JSON object");
                }
                return node;
            } catch (IOException e) {
                send(ex, 400, Map.of("error", "body is not a JSON object: " + e.getMessage()));
                return null;
            }
        }
    }

    private boolean authorised(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(adminToken, h.substring(7).trim().getBytes(StandardCharsets.UTF_8));
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

    private void send(HttpExchange ex, int code, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
