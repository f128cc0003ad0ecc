package io.vocedge.gateway.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver of forwarded batches, written the way a central platform would: it verifies the Standard
 * Webhooks signature itself (its own HMAC code, not the gateway's), gunzips, and dedupes events on their id, keeping
 * the order in which each device's events were first seen. Modes let tests take it down, make it redirect, hang, or
 * accept a batch and then answer an error (a lost answer, so the gateway retries what the receiver already has).
 */
final class SignedReceiver implements AutoCloseable {
    enum Mode {
        UP,
        DOWN_503,
        REDIRECT,
        HANG,
        ACCEPT_THEN_500
    }

    /** One event as first seen. */
    record Seen(String id, String device, long deviceSeq, String kind, String schema, JsonNode payload) {}

    private final byte[] key;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private HttpServer server;
    private int port;
    volatile Mode mode = Mode.UP;
    volatile String redirectTo;
    volatile String retryAfter;
    /** Released to end every hanging request. */
    volatile CountDownLatch hang = new CountDownLatch(1);

    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger notGzip = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger hanging = new AtomicInteger();
    /** webhook-id of every request that carried a valid signature, in arrival order. */
    final List<String> webhookIds = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Event id -> first sighting, in first-seen order. */
    final Map<String, Seen> events = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** Event ids in the order first seen, per device. */
    final Map<String, List<Long>> orderPerDevice = new java.util.concurrent.ConcurrentHashMap<>();

    SignedReceiver(String secret) throws IOException {
        this.key = secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
        start(0);
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops listening (connection refused) until {@link #startAgain()}. */
    void stop() {
        server.stop(0);
    }

    void startAgain() throws IOException {
        start(port);
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byte[] wire = ex.getRequestBody().readAllBytes();
        Mode m = mode;
        if (m == Mode.HANG) {
            hanging.incrementAndGet();
            try {
                hang.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 503, "stopped hanging");
            return;
        }
        if (m == Mode.DOWN_503) {
            refused.incrementAndGet();
            if (retryAfter != null) {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
            }
            answer(ex, 503, "down for maintenance");
            return;
        }
        if (m == Mode.REDIRECT) {
            ex.getResponseHeaders().add("Location", redirectTo);
            answer(ex, 307, "");
            return;
        }
        byte[] body = wire;
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(wire))) {
                body = z.readAllBytes();
            }
        } else {
            notGzip.incrementAndGet();
        }
        String id = ex.getRequestHeaders().getFirst("webhook-id");
        String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
        String sig = ex.getRequestHeaders().getFirst("webhook-signature");
        if (!verify(id, ts, sig, body)) {
            badSignatures.incrementAndGet();
            answer(ex, 401, "bad signature");
            return;
        }
        webhookIds.add(id);
        JsonNode batch = json.readTree(body);
        synchronized (events) {
            for (JsonNode e : batch.path("data").path("events")) {
                String eventId = e.path("id").asText();
                if (events.containsKey(eventId)) {
                    duplicates.incrementAndGet();
                    continue;
                }
                Seen s = new Seen(
                        eventId,
                        e.path("device").asText(),
                        e.path("device_seq").asLong(),
                        e.path("kind").asText(),
                        e.path("schema").asText(),
                        e.path("payload"));
                events.put(eventId, s);
                orderPerDevice
                        .computeIfAbsent(s.device(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(s.deviceSeq());
            }
        }
        if (m == Mode.ACCEPT_THEN_500) {
            mode = Mode.UP; // once: the answer is "lost", the gateway sends the same batch again
            answer(ex, 500, "stored, but the answer failed");
            return;
        }
        answer(ex, 200, "ok");
    }

    /** Standard Webhooks verification: {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}, space-separated list. */
    private boolean verify(String id, String ts, String header, byte[] body) {
        if (id == null || ts == null || header == null || !ts.matches("\\d{1,12}")) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) > 300) {
            return false; // the spec's tolerance: a replayed old request is refused
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String part : header.split(" ")) {
                if (part.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange ex, int status, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
