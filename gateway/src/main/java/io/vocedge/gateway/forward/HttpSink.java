package io.vocedge.gateway.forward;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vocedge.common.webhook.WebhookSigner;
import io.vocedge.gateway.forward.ForwardSettings.HttpSinkSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Publishes outbox batches as signed HTTP POSTs (platforms without Kafka). One request per batch: a gzip JSON body
 * {@code {"type": "voc.forward.batch", "timestamp", "data": {"batch_id", "gateway", "events": [...]}}}, each event with
 * its stable id, kind, schema, device key and sequence, commit time and the protocol JSON as {@code payload}; headers
 * of the Standard Webhooks spec: {@code webhook-id} (the batch id: the same events give the same id on every retry),
 * {@code webhook-timestamp} (seconds, of this attempt) and {@code webhook-signature: v1,<base64 HMAC-SHA256 over
 * id.timestamp.body>}, the body being the JSON before gzip (what a receiver's Standard Webhooks library verifies).
 *
 * <p>Any 2xx means the receiver has the whole batch. Anything else, a timeout or a connection failure is a failed
 * attempt and the forwarder retries the same events later (so a receiver may see an event twice and must dedupe on
 * its id; protocol/README.md). Redirects are never followed: a 3xx is a failure naming the fix, so a receiver (or
 * whoever controls its DNS) cannot bounce the data elsewhere. The answer's body is read at most {@value #MAX_ANSWER}
 * bytes, so an endless answer cannot hold the forwarder. Neither the secret nor the URL's query appear in logs or
 * errors.
 */
public final class HttpSink implements Sink {
    public static final String TYPE = "voc.forward.batch";
    static final int MAX_ANSWER = 2048;
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpSinkSettings settings;
    private final byte[] key;
    private final String gatewayId;
    private final Clock clock;
    private final HttpClient client;

    public HttpSink(HttpSinkSettings settings, String gatewayId, Clock clock) throws IOException {
        this.settings = settings;
        this.key = WebhookSigner.key(settings.secret());
        if (key == null) {
            throw new IllegalArgumentException("forward.http.secret is too short or not valid whsec_ base64");
        }
        this.gatewayId = gatewayId;
        this.clock = clock;
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(
                        settings.timeout().compareTo(Duration.ofSeconds(10)) < 0
                                ? settings.timeout()
                                : Duration.ofSeconds(10));
        if (settings.caFile() != null) {
            b.sslContext(io.vocedge.protocol.PemTls.trusting(settings.caFile()));
        }
        this.client = b.build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Duration retryMin() {
        return settings.retryMin();
    }

    @Override
    public Duration retryMax() {
        return settings.retryMax();
    }

    /** The batch id: a digest of the batch's event ids, so a retry of the same events carries the same webhook-id. */
    public static String batchId(List<OutboxRow> batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (OutboxRow r : batch) {
                sha.update(r.eventId().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "msg_" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The JSON body of one batch (payloads embedded as JSON, byte for byte as stored). */
    public static byte[] body(String batchId, String gatewayId, Instant at, List<OutboxRow> batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                1024 + batch.stream().mapToInt(OutboxRow::bytes).sum() * 11 / 10);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", TYPE);
            g.writeStringField("timestamp", at.toString());
            g.writeObjectFieldStart("data");
            g.writeStringField("batch_id", batchId);
            g.writeStringField("gateway", gatewayId);
            g.writeNumberField("count", batch.size());
            g.writeArrayFieldStart("events");
            for (OutboxRow r : batch) {
                g.writeStartObject();
                g.writeStringField("id", r.eventId());
                g.writeStringField("kind", r.kind());
                g.writeStringField("schema", r.schemaId());
                g.writeStringField("device", r.deviceKey());
                g.writeNumberField("device_seq", r.dseq());
                g.writeStringField("committed_at", r.createdAt().toString());
                g.writeStringField("gateway", r.gatewayId());
                g.writeFieldName("payload");
                g.writeRawValue(r.payload());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192)) {
            z.write(body);
        }
        return out.toByteArray();
    }

    @Override
    public void publish(List<OutboxRow> batch) throws Exception {
        Instant now = clock.instant();
        long ts = now.getEpochSecond();
        String id = batchId(batch);
        byte[] json = body(id, gatewayId, now, batch);
        byte[] wire = settings.gzip() ? gzip(json) : json;
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "voc-edge-gateway")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", WebhookSigner.sign(key, id, ts, json))
                .header("voc-event-count", Integer.toString(batch.size()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(wire));
        if (settings.gzip()) {
            b.header("Content-Encoding", "gzip");
        }
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer from " + settings.url().getHost() + " within "
                    + settings.timeout().toMillis() + " ms (forward.http.timeout)");
        } catch (IOException e) {
            throw new IOException("cannot reach " + settings.url().getHost() + ": "
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + clip(withoutQuery(e.getMessage()))));
        }
        int status = resp.statusCode();
        String answer = readSome(resp.body());
        if (status / 100 == 2) {
            return;
        }
        if (status / 100 == 3) {
            throw new IOException("HTTP " + status + " from " + settings.url().getHost()
                    + ": redirects are not followed;" + " set forward.http.url to the receiver's final address");
        }
        String detail = "HTTP " + status + " from " + settings.url().getHost()
                + (answer.isBlank() ? "" : ": " + io.vocedge.common.text.Printable.of(answer, 200));
        if (status == 429 || status == 503) {
            Duration after = retryAfter(resp.headers().firstValue("Retry-After").orElse(null), now);
            if (after != null) {
                throw new RetryLater(detail + " (Retry-After " + after.toSeconds() + " s)", after);
            }
        }
        throw new IOException(detail);
    }

    /** Reads at most {@link #MAX_ANSWER} bytes of the answer and closes it (an endless answer is cut). */
    private static String readSome(InputStream in) {
        try (in) {
            return new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.matches("\\d{1,9}")) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            Instant at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An error text without the URL's query (which may carry a token). */
    private String withoutQuery(String s) {
        String q = settings.url().getRawQuery();
        return q == null || q.isEmpty() ? s : s.replace(q, "***");
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }

    @Override
    public void reset() {
        // stateless: the client keeps no per-batch state, and a broken connection is not reused
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
