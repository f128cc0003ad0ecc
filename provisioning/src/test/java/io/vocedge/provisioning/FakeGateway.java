package io.vocedge.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vocedge.protocol.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the gateway's admin API (gateway/README.md): bearer token, POST /admin/devices -> 201 or 409 on a
 * taken id or (site, name), POST /admin/devices/{id}/revoke -> 200/404, GET /admin/devices. The real one is tested in
 * GatewayIT; this keeps provisioning tests fast and independent of HiveMQ and SQLite.
 */
public final class FakeGateway implements AutoCloseable {
    public final String token = "test-token-0123456789";
    public final List<Map<String, Object>> devices = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ObjectMapper json = Json.newMapper();

    public FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/admin/devices", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            String[] parts = ex.getRequestURI().getPath().split("/");
            if (parts.length == 3 && ex.getRequestMethod().equals("GET")) {
                send(ex, 200, devices);
            } else if (parts.length == 3 && ex.getRequestMethod().equals("POST")) {
                JsonNode b = json.readTree(ex.getRequestBody());
                String id = b.path("device_id").asText();
                for (Map<String, Object> d : devices) {
                    if (d.get("device_id").equals(id)
                            || (d.get("site").equals(b.path("site").asText())
                                    && d.get("name").equals(b.path("name").asText()))) {
                        send(
                                ex,
                                409,
                                Map.of(
                                        "error",
                                        "site '" + d.get("site") + "' already has a device named '" + d.get("name")
                                                + "'"));
                        return;
                    }
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("device_id", id);
                d.put("site", b.path("site").asText());
                d.put("name", b.path("name").asText());
                d.put("state", "registered");
                d.put("online", false);
                d.put("last_seen", null);
                d.put("outbox_depth", null);
                d.put("software_version", null);
                d.put("cert_fingerprint", b.path("cert_fingerprint").asText());
                devices.add(d);
                send(ex, 201, d);
            } else if (parts.length == 5 && parts[4].equals("revoke")) {
                for (Map<String, Object> d : devices) {
                    if (d.get("device_id").equals(parts[3])) {
                        d.put("state", "revoked");
                        send(ex, 200, d);
                        return;
                    }
                }
                send(ex, 404, Map.of("error", "no device '" + parts[3] + "'"));
            } else {
                send(ex, 404, Map.of("error", "no such endpoint"));
            }
        }
    }

    private void send(HttpExchange ex, int code, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
