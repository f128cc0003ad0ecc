package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vocedge.common.webhook.WebhookSigner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver for alert tests: verifies Standard Webhooks signatures (when given a key), keeps every request,
 * counts deliveries per webhook-id and per alert id, and can be switched "down" (answers 503) or to a robot error.
 */
final class TestReceiver implements AutoCloseable {
    record Received(String path, String query, Map<String, List<String>> headers, JsonNode body, boolean signatureOk) {}

    private final HttpServer server;
    private final byte[] key;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> byWebhookId = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> byAlertId = new ConcurrentHashMap<>();
    volatile int status = 200;
    volatile String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    final AtomicInteger refused = new AtomicInteger();

    TestReceiver(byte[] keyOrNull) throws IOException {
        this.key = keyOrNull;
        ObjectMapper json = new ObjectMapper();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (status != 200) {
                refused.incrementAndGet();
                ex.sendResponseHeaders(status, -1);
                ex.close();
                return;
            }
            boolean ok = true;
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            if (key != null) {
                String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
                String sig = ex.getRequestHeaders().getFirst("webhook-signature");
                ok = id != null
                        && ts != null
                        && sig != null
                        && MessageDigest.isEqual(
                                WebhookSigner.sign(key, id, Long.parseLong(ts), body)
                                        .getBytes(StandardCharsets.US_ASCII),
                                sig.getBytes(StandardCharsets.US_ASCII));
            }
            JsonNode tree = json.readTree(body);
            received.add(new Received(
                    ex.getRequestURI().getPath(),
                    ex.getRequestURI().getRawQuery(),
                    Map.copyOf(ex.getRequestHeaders()),
                    tree,
                    ok));
            if (ok && id != null) {
                byWebhookId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                for (JsonNode a : tree.path("data").path("alerts")) {
                    byAlertId
                            .computeIfAbsent(a.path("id").asText(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
            byte[] out = (key != null ? "ok" : answer).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ok ? 200 : 401, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
