package io.vocedge.gateway.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.protocol.ProtocolException;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Answers the devices' {@code voc.model-request/1} ({@code voc/v1/{site}/{device}/up/model_request}) with one
 * {@code voc.model-chunk/1} on that device's {@code down/model_chunk} (QoS 1, not retained), and only when:
 *
 * <ul>
 *   <li>the topic is a device's {@code up/model_request} and the payload at most {@link Limits#MAX_MESSAGE_BYTES};</li>
 *   <li>the device is registered, not revoked, and registered at the site the topic names;</li>
 *   <li>the device is within its rate: at most {@value #CHUNKS_PER_SECOND} answers per second (token bucket, burst
 *       {@value #CHUNKS_PER_SECOND}; per gateway: each keeps its own buckets), so one device can make a gateway send at
 *       most 512 KiB/s however it loops. A device that asks a little faster (the agent asks for the next chunk as
 *       soon as one arrived) is paced, not refused: ONE small request per device is held until its next token (at
 *       most 1/{@value #CHUNKS_PER_SECOND} s) and answered then; anything more while one is held is refused
 *       ({@code rate_limited});</li>
 *   <li>the payload is valid {@code voc.model-request/1}, names exactly the version published for that device (its
 *       site's or every site's, the newer) and an index inside that file.</li>
 * </ul>
 * Anything else is refused: counted by reason and logged as {@code event=model_request_refused device= reason=} (at
 * most one line per device per second, with how many were held back; never payload content), and nothing is sent.
 * Requests arrive from the MQTT callback thread ({@link #offer}), wait in a bounded queue (full: refused as
 * {@code busy}) and are answered by one thread, so a flood never blocks ingest nor grows memory.
 */
public final class ModelChunkServer implements AutoCloseable {
    /** Chunk answers per device per second (and the burst): 4 x 128 KiB = 512 KiB/s per device at most. */
    public static final int CHUNKS_PER_SECOND = 4;

    /** Requests waiting for the answering thread; more are refused ({@code busy}). */
    static final int QUEUE = 256;

    /** How long the newest publications are reused before the store is asked again. */
    static final long LATEST_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Every reason a request is refused, as counted and logged. */
    public static final List<String> REASONS = List.of(
            "bad_topic",
            "too_large",
            "unknown_device",
            "revoked",
            "site_mismatch",
            "rate_limited",
            "bad_json",
            "bad_schema",
            "not_published",
            "wrong_version",
            "index_out_of_range",
            "busy",
            "unavailable");

    /** Where the chunks go: QoS 1; false when it could not be sent. */
    public interface Publisher {
        boolean publish(String topic, byte[] payload, boolean retained);
    }

    private record Request(String topic, byte[] payload) {}

    /** A request held until the device's next token: at most one per registered device, at most this big. */
    private record Held(String topic, byte[] payload, long due) {}

    static final int HOLD_MAX_BYTES = 1024;

    private static final class Bucket {
        double tokens = CHUNKS_PER_SECOND;
        long at;
        long lastLogged = Long.MIN_VALUE;
        long heldBack;

        Bucket(long now) {
            at = now;
        }
    }

    private final ModelPublications publications;
    private final Function<String, Optional<DeviceEntry>> devices;
    private final Publisher out;
    private final ObjectMapper json;
    private final SchemaValidator schemas;
    private final LongSupplier nanos;
    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Held> held = new java.util.LinkedHashMap<>();
    private final LongAdder paced = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder served = new LongAdder();
    private final Thread thread;
    private List<ModelPublications.Publication> latest;
    private long latestAt;
    private long lastOtherLog = Long.MIN_VALUE;
    private final java.util.concurrent.atomic.AtomicLong lastBusyLog =
            new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
    private volatile boolean running;

    /**
     * @param devices the registry's view of a device id (the gateway's in-memory {@code DeviceRegistry})
     * @param nanos a monotonic clock ({@code System::nanoTime}; tests pass their own)
     */
    public ModelChunkServer(
            ModelPublications publications,
            Function<String, Optional<DeviceEntry>> devices,
            Publisher out,
            ObjectMapper json,
            SchemaValidator schemas,
            LongSupplier nanos) {
        this.publications = publications;
        this.devices = devices;
        this.out = out;
        this.json = json;
        this.schemas = schemas;
        this.nanos = nanos;
        for (String r : REASONS) {
            refused.put(r, new LongAdder());
        }
        this.thread = Thread.ofPlatform().name("model-chunks").daemon(true).unstarted(this::loop);
    }

    public ModelChunkServer start() {
        running = true;
        thread.start();
        return this;
    }

    /** Called on the MQTT callback thread: never blocks, never throws. */
    public void offer(String topic, byte[] payload) {
        if (!queue.offer(new Request(topic, payload))) {
            refused.get("busy").increment();
            long now = nanos.getAsLong();
            long last = lastBusyLog.get();
            if ((last == Long.MIN_VALUE || now - last >= 1_000_000_000L) && lastBusyLog.compareAndSet(last, now)) {
                Logger.warn("event=model_request_refused device={} reason=busy queue={}", deviceOf(topic), QUEUE);
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                Request r = queue.poll(heldCount() > 0 ? 20 : 200, TimeUnit.MILLISECONDS);
                if (r != null) {
                    handle(r.topic(), r.payload());
                }
                answerHeld();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // handle() catches what it expects; this is the last line so one message never ends the thread.
                Logger.error(
                        "event=model_request_failed error=\"{}\"", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Answers one request. Returns {@code null} when a chunk was sent, {@link #PACED} when it is held until the
     * device's next token ({@link #answerHeld}), otherwise the reason it was refused (one of {@link #REASONS}).
     */
    synchronized String handle(String topic, byte[] payload) {
        return handle(topic, payload, true);
    }

    /** Answers the held requests whose token has come; returns how many were answered. */
    synchronized int answerHeld() {
        if (held.isEmpty()) {
            return 0;
        }
        long now = nanos.getAsLong();
        List<Held> due = new java.util.ArrayList<>();
        for (var it = held.values().iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (now - h.due() >= 0) {
                due.add(h);
                it.remove();
            }
        }
        int n = 0;
        for (Held h : due) {
            if (handle(h.topic(), h.payload(), false) == null) {
                n++;
            }
        }
        return n;
    }

    private synchronized int heldCount() {
        return held.size();
    }

    /** What {@link #handle} returns for a request held until the device's next token (not a refusal). */
    static final String PACED = "paced";

    private String handle(String topic, byte[] payload, boolean mayHold) {
        Topics.DeviceTopic t;
        try {
            t = Topics.parse(topic);
        } catch (ProtocolException e) {
            return refuse(null, "bad_topic");
        }
        if (!Topics.UP_MODEL_REQUEST.equals(t.channel())) {
            return refuse(t.device(), "bad_topic");
        }
        if (payload == null || payload.length > Limits.MAX_MESSAGE_BYTES) {
            return refuse(t.device(), "too_large");
        }
        Optional<DeviceEntry> device = devices.apply(t.device());
        if (device.isEmpty()) {
            return refuse(t.device(), "unknown_device");
        }
        DeviceEntry d = device.get();
        if (d.revoked()) {
            return refuse(t.device(), "revoked");
        }
        if (!d.site().equals(t.site())) {
            return refuse(t.device(), "site_mismatch");
        }
        long wait = take(d.deviceId());
        if (wait > 0) {
            if (mayHold && payload.length <= HOLD_MAX_BYTES && !held.containsKey(d.deviceId())) {
                held.put(d.deviceId(), new Held(topic, payload, nanos.getAsLong() + wait));
                paced.increment();
                return PACED;
            }
            return refuse(t.device(), "rate_limited");
        }
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (java.io.IOException e) {
            return refuse(t.device(), "bad_json");
        }
        if (node == null || schemas.problems(SchemaId.MODEL_REQUEST, node).isPresent()) {
            return refuse(t.device(), "bad_schema");
        }
        String version = node.get("version").asText();
        int index = node.get("index").asInt();
        try {
            Optional<ModelPublications.Publication> desired = ModelPublications.desiredFor(d.site(), latest());
            if (desired.isEmpty()) {
                return refuse(t.device(), "not_published");
            }
            ModelPublications.Publication p = desired.get();
            if (!p.version().equals(version)) {
                return refuse(t.device(), "wrong_version");
            }
            if (index < 0 || index >= p.chunks()) {
                return refuse(t.device(), "index_out_of_range");
            }
            ModelPublications.Loaded l = publications.loaded(p);
            byte[] answer = json.writeValueAsBytes(ModelChunk.of(l.manifest(), l.content(), index));
            if (!out.publish(Topics.modelChunk(d.site(), d.deviceId()), answer, false)) {
                return refuse(t.device(), "unavailable");
            }
        } catch (java.sql.SQLException | IllegalStateException | java.io.IOException e) {
            Logger.warn(
                    "event=model_chunk_failed device={} error=\"{}\"",
                    t.device(),
                    io.vocedge.common.text.Printable.of(String.valueOf(e.getMessage()), 200));
            return refuse(t.device(), "unavailable");
        }
        served.increment();
        Logger.debug("event=model_chunk_sent device={} version={} index={}", t.device(), version, index);
        return null;
    }

    /**
     * Token bucket of the device: {@value #CHUNKS_PER_SECOND} per second, burst the same. Takes a token and returns 0,
     * or returns the nanoseconds until the next one (none taken).
     */
    private long take(String device) {
        long now = nanos.getAsLong();
        Bucket b = buckets.computeIfAbsent(device, k -> new Bucket(now));
        b.tokens = Math.min(CHUNKS_PER_SECOND, b.tokens + (now - b.at) * CHUNKS_PER_SECOND / 1e9);
        b.at = now;
        if (b.tokens < 1) {
            return Math.max(1, (long) Math.ceil((1 - b.tokens) * 1e9 / CHUNKS_PER_SECOND));
        }
        b.tokens -= 1;
        return 0;
    }

    private List<ModelPublications.Publication> latest() throws java.sql.SQLException {
        long now = nanos.getAsLong();
        if (latest == null || now - latestAt >= LATEST_TTL_NANOS) {
            latest = publications.latest();
            latestAt = now;
        }
        return latest;
    }

    /** Forgets the cached publications, so the next request reads the store (after a publish, in tests). */
    synchronized void forgetLatest() {
        latest = null;
    }

    /** Counts; logs at most one line per second per registered device (others share one line per second). */
    private synchronized String refuse(String device, String reason) {
        refused.get(reason).increment();
        long now = nanos.getAsLong();
        Bucket b = device == null ? null : buckets.get(device);
        long held;
        if (b != null) {
            if (b.lastLogged != Long.MIN_VALUE && now - b.lastLogged < 1_000_000_000L) {
                b.heldBack++;
                return reason;
            }
            b.lastLogged = now;
            held = b.heldBack;
            b.heldBack = 0;
        } else {
            if (lastOtherLog != Long.MIN_VALUE && now - lastOtherLog < 1_000_000_000L) {
                return reason;
            }
            lastOtherLog = now;
            held = 0;
        }
        Logger.warn(
                "event=model_request_refused device={} reason={} held_back={}",
                device == null ? "-" : device,
                reason,
                held);
        return reason;
    }

    private static String deviceOf(String topic) {
        try {
            return Topics.parse(topic).device();
        } catch (ProtocolException e) {
            return "-";
        }
    }

    /** Chunks sent. */
    public long served() {
        return served.sum();
    }

    /** Requests refused for {@code reason} (one of {@link #REASONS}). */
    public long refused(String reason) {
        LongAdder a = refused.get(reason);
        return a == null ? 0 : a.sum();
    }

    /** Requests held until the device's next token (answered later, or refused then). */
    public long paced() {
        return paced.sum();
    }

    /** Requests refused for any reason. */
    public long refusedTotal() {
        return refused.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
