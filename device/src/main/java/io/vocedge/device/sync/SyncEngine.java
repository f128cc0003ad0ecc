package io.vocedge.device.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.outbox.Outbox;
import io.vocedge.device.outbox.OutboxRow;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.tinylog.Logger;

/**
 * Moves records from the outbox to the gateway: batches of records per MQTT message (QoS 1), a bounded window
 * of unacked batches, deletion only on the gateway's application ack (sent after its store commit), resend
 * after a timeout, and a reconnect loop with exponential backoff and jitter. After a reconnect or a restart it
 * starts again from the oldest record still in the outbox: the gateway ignores copies it already stored.
 *
 * <p>One thread ("sync") does all outbox and broker work; MQTT callbacks only enqueue. Overflow: incoming acks
 * beyond 1024 queued are dropped and counted (the batch is then resent and deduplicated, nothing lost);
 * commands beyond the handler's own bound are its business.
 */
public final class SyncEngine implements AutoCloseable {
    private final String deviceId;
    private final String site;
    private final SyncConfig config;
    private final Outbox outbox;
    private final BrokerLink link;
    private final ObjectMapper json;
    private final Supplier<Status> statusSupplier;
    private final DownSink down;
    private final AckListener ackListener;
    private final LongSupplier monoMs;
    private final String bootId;
    private final Backoff backoff;
    private final String recordsTopic;
    private final String statusTopic;
    private final String ackTopic;
    private final String commandTopic;
    private final String lexiconTopic;
    private final String modelTopic;
    private final String modelChunkTopic;
    private final BlockingQueue<byte[]> acks = new ArrayBlockingQueue<>(1024);
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean connected;
    /** Set by {@link #forgetInFlight()}; the sync thread drops its in-flight copies at the next cycle. */
    private volatile boolean dropInFlight;

    private volatile String lastError;
    private volatile int inFlightSize;
    private long cursor;
    private long lingerUntil;
    private boolean signalled;
    private final AtomicLong batchesSent = new AtomicLong();
    private final AtomicLong batchesResent = new AtomicLong();
    private final AtomicLong acksReceived = new AtomicLong();
    private final AtomicLong recordsAcked = new AtomicLong();
    private final AtomicLong recordsRejected = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong backPressure = new AtomicLong();
    private final AtomicLong droppedAcks = new AtomicLong();

    private final AtomicLong refusedAcks = new AtomicLong();
    private final AtomicLong duplicateAcks = new AtomicLong();
    /** Batches acked lately: a second ack for one (the gateway acks every copy of a resent batch) is no forgery. */
    private final Map<String, Boolean> recentlyAcked = new LinkedHashMap<>(128, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 256;
        }
    };

    private static final class InFlight {
        final String batchId;
        final long firstSeq;
        final long lastSeq;
        /** The seqs this batch carries, ascending (gaps where records were evicted). */
        final long[] seqs;

        final byte[] payload;
        long sentNanos;
        int attempts;

        InFlight(String batchId, long[] seqs, byte[] payload, long sentNanos) {
            this.batchId = batchId;
            this.seqs = seqs;
            this.firstSeq = seqs[0];
            this.lastSeq = seqs[seqs.length - 1];
            this.payload = payload;
            this.sentNanos = sentNanos;
        }
    }

    public SyncEngine(
            String deviceId,
            String site,
            SyncConfig config,
            Outbox outbox,
            BrokerLink link,
            ObjectMapper json,
            Supplier<Status> statusSupplier,
            DownSink down,
            AckListener ackListener,
            String bootId,
            LongSupplier monoMs,
            RandomGenerator random) {
        this.deviceId = deviceId;
        this.site = site;
        this.config = config;
        this.outbox = outbox;
        this.link = link;
        this.json = json;
        this.statusSupplier = statusSupplier;
        this.down = down;
        this.ackListener = ackListener;
        this.bootId = bootId;
        this.monoMs = monoMs;
        this.backoff = new Backoff(config.reconnectInitial(), config.reconnectMax(), random);
        this.recordsTopic = Topics.records(site, deviceId);
        this.statusTopic = Topics.status(site, deviceId);
        this.ackTopic = Topics.ack(site, deviceId);
        this.commandTopic = Topics.command(site, deviceId);
        this.lexiconTopic = Topics.lexicon(site, deviceId);
        this.modelTopic = Topics.model(site, deviceId);
        this.modelChunkTopic = Topics.modelChunk(site, deviceId);
        this.thread = Thread.ofPlatform().name("sync-" + deviceId).daemon(true).unstarted(this::loop);
        link.setListener(new BrokerLink.Listener() {
            @Override
            public void onMessage(String topic, byte[] payload, boolean retained) {
                route(topic, payload, retained);
            }

            @Override
            public void onConnectionLost(String reason) {
                connected = false;
                lastError = reason;
                Logger.warn("event=mqtt_connection_lost device={} reason=\"{}\"", deviceId, reason);
                signal();
            }
        });
        outbox.addInsertListener(this::signal);
    }

    /** Topics this engine needs subscribed on connect (give them to the link). */
    public static List<String> subscriptions(String site, String deviceId) {
        return List.of(
                Topics.ack(site, deviceId),
                Topics.command(site, deviceId),
                Topics.lexicon(site, deviceId),
                Topics.model(site, deviceId),
                Topics.modelChunk(site, deviceId));
    }

    public void start() {
        running = true;
        thread.start();
    }

    private void route(String topic, byte[] payload, boolean retained) {
        if (topic.equals(ackTopic)) {
            if (!acks.offer(payload)) {
                droppedAcks.incrementAndGet();
            }
            signal();
        } else if (downChannel(topic) != null) {
            String channel = downChannel(topic);
            try {
                down.onMessage(channel, payload, retained);
            } catch (RuntimeException e) {
                Logger.error(e, "event=down_handler_failed device={} channel={}", deviceId, channel);
            }
        } else {
            Logger.warn("event=unexpected_topic device={} topic={}", deviceId, topic);
        }
    }

    /** The {@code down/<what>} channel of one of this device's down topics other than acks, or null. */
    private String downChannel(String topic) {
        if (topic.equals(commandTopic)) {
            return Topics.DOWN_COMMAND;
        } else if (topic.equals(lexiconTopic)) {
            return Topics.DOWN_LEXICON;
        } else if (topic.equals(modelTopic)) {
            return Topics.DOWN_MODEL;
        } else if (topic.equals(modelChunkTopic)) {
            return Topics.DOWN_MODEL_CHUNK;
        }
        return null;
    }

    private void signal() {
        synchronized (wake) {
            signalled = true;
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!connected || !link.isConnected()) {
                    connected = false;
                    connectOnce();
                    continue;
                }
                if (link.credentialsChanged()) {
                    // 'device renew' replaced the certificate or key: reconnect with them (unacked batches are resent).
                    Logger.info("event=sync_credentials_changed device={} action=reconnect", deviceId);
                    connected = false;
                    link.disconnect();
                    continue;
                }
                if (dropInFlight) {
                    dropInFlight = false;
                    inFlight.keySet().forEach(id -> recentlyAcked.put(id, Boolean.TRUE)); // their acks are no forgery
                    inFlight.clear();
                    cursor = 0;
                }
                processAcks();
                resendTimedOut();
                fillWindow();
                refreshStatus();
                inFlightSize = inFlight.size();
                waitForWork(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | java.sql.SQLException e) {
                // One bad cycle must not end syncing for good: log, pause, go on.
                lastError = e.getMessage();
                Logger.error(e, "event=sync_cycle_failed device={}", deviceId);
                sleepQuietly(1000);
            }
        }
    }

    /** The retained status (with the outbox state) is republished this often while connected, so coverage stays current. */
    static final Duration STATUS_REFRESH = Duration.ofSeconds(30);

    private volatile long statusPublishedNanos;

    private void refreshStatus() {
        if (System.nanoTime() - statusPublishedNanos >= STATUS_REFRESH.toNanos()) {
            publishStatus();
        }
    }

    private void connectOnce() throws InterruptedException {
        try {
            link.connect(statusBytes(Status.OFFLINE));
            connected = true;
            backoff.reset();
            inFlight.clear();
            cursor = 0;
            link.publish(statusTopic, statusBytes(Status.ONLINE), 1, true);
            statusPublishedNanos = System.nanoTime();
            Logger.info("event=sync_connected device={} outbox_depth={}", deviceId, outbox.depth());
        } catch (BrokerLink.LinkException e) {
            connectFailures.incrementAndGet();
            lastError = e.getMessage();
            Duration delay = backoff.next();
            Logger.warn(
                    "event=sync_connect_failed device={} attempt={} retry_in_ms={} error=\"{}\"",
                    deviceId,
                    backoff.attempts(),
                    delay.toMillis(),
                    e.getMessage());
            sleepInterruptibly(delay.toMillis());
        }
    }

    /**
     * Applies the acks queued by the MQTT callback. An ack is applied only if it names a batch this engine has in
     * flight and everything it covers lies within that batch's seqs; then exactly the batch's covered seqs are
     * deleted. Anything else (unreadable, oversize, another device's, an unknown or old batch, seqs outside the
     * batch) is refused: counted, logged, and the outbox is not touched. The broker ACL keeps strangers off this
     * topic; this check keeps one forged or replayed ack from emptying the outbox if that ever fails.
     */
    private void processAcks() throws java.sql.SQLException {
        byte[] payload;
        while ((payload = acks.poll()) != null) {
            if (payload.length > Limits.MAX_MESSAGE_BYTES) {
                refuseAck("oversize", null, payload.length + " bytes");
                continue;
            }
            Ack ack;
            try {
                ack = json.readValue(payload, Ack.class);
            } catch (IOException | RuntimeException e) {
                refuseAck("unreadable", null, e.getClass().getSimpleName());
                continue;
            }
            if (!deviceId.equals(ack.deviceId())) {
                refuseAck("other_device", ack.batchId(), "ack names another device");
                continue;
            }
            InFlight batch = inFlight.get(ack.batchId());
            if (batch == null) {
                if (recentlyAcked.containsKey(ack.batchId())) {
                    duplicateAcks.incrementAndGet();
                } else {
                    refuseAck("batch_not_in_flight", ack.batchId(), "no batch with this id awaits an ack");
                }
                continue;
            }
            String outside = outsideOf(batch, ack);
            if (outside != null) {
                refuseAck(
                        "seqs_outside_batch",
                        ack.batchId(),
                        outside + " not in batch seqs " + batch.firstSeq + "-" + batch.lastSeq);
                continue;
            }
            long[] covered = coveredSeqs(batch, ack);
            List<Long> rejected = ack.rejected().stream().map(Ack.Rejected::seq).toList();
            int removed = covered.length == 0 ? 0 : outbox.delete(Ack.ranges(covered), List.of());
            inFlight.remove(ack.batchId());
            recentlyAcked.put(ack.batchId(), Boolean.TRUE);
            acksReceived.incrementAndGet();
            recordsAcked.addAndGet(removed);
            recordsRejected.addAndGet(rejected.size());
            for (Ack.Rejected r : ack.rejected()) {
                Logger.warn(
                        "event=record_rejected_by_gateway device={} seq={} reason=\"{}\"",
                        deviceId,
                        r.seq(),
                        printable(r.reason(), 200));
            }
            if (covered.length < batch.seqs.length) {
                // Acked only in part (our gateway never does): the rest is read again and resent.
                cursor = Math.min(cursor, batch.firstSeq - 1);
            }
            ackListener.onAck(ack);
        }
    }

    /** The first stored range or rejected seq of the ack that falls outside the batch's seq span, or null. */
    private static String outsideOf(InFlight batch, Ack ack) {
        for (Ack.SeqRange r : ack.stored()) {
            if (r.from() < batch.firstSeq || r.to() > batch.lastSeq) {
                return "stored " + r.from() + "-" + r.to();
            }
        }
        for (Ack.Rejected r : ack.rejected()) {
            if (Arrays.binarySearch(batch.seqs, r.seq()) < 0) {
                return "rejected " + r.seq();
            }
        }
        return null;
    }

    /** The batch's seqs that the ack names as stored or rejected (nothing else is ever deleted). */
    private static long[] coveredSeqs(InFlight batch, Ack ack) {
        return Arrays.stream(batch.seqs)
                .filter(seq -> ack.stored().stream().anyMatch(r -> r.contains(seq))
                        || ack.rejected().stream().anyMatch(r -> r.seq() == seq))
                .toArray();
    }

    private void refuseAck(String reason, String batchId, String why) {
        refusedAcks.incrementAndGet();
        Logger.warn(
                "event=ack_refused device={} reason={} batch={} detail=\"{}\" action=\"outbox untouched\"",
                deviceId,
                reason,
                batchId == null ? "-" : printable(batchId, 64),
                why);
    }

    /** Text from the wire made safe for one log line: letters, digits and a few marks; truncated. */
    private static String printable(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isLetterOrDigit(c) || " -_.:,/()".indexOf(c) >= 0 ? c : '?');
        }
        return b.toString();
    }

    private void resendTimedOut() throws InterruptedException {
        long now = System.nanoTime();
        for (InFlight b : inFlight.values()) {
            long timeout = resendAfterNanos(config.ackTimeout(), b.attempts);
            if (now - b.sentNanos < timeout) {
                continue;
            }
            try {
                link.publish(recordsTopic, b.payload, 1, false);
                b.sentNanos = now;
                b.attempts++;
                batchesResent.incrementAndGet();
                Logger.info(
                        "event=batch_resent device={} batch={} seqs={}-{} attempt={}",
                        deviceId,
                        b.batchId,
                        b.firstSeq,
                        b.lastSeq,
                        b.attempts);
            } catch (BrokerLink.BackPressureException e) {
                backPressure.incrementAndGet();
                return;
            } catch (BrokerLink.LinkException e) {
                connected = false;
                lastError = e.getMessage();
                return;
            }
        }
    }

    /** Growth of the ack timeout per resend stops here (or at the configured timeout when that is longer). */
    static final Duration ACK_TIMEOUT_GROWTH_CAP = Duration.ofSeconds(30);

    /**
     * The wait before resending a batch sent {@code attempts} times: the ack timeout doubling per resend, capped at
     * {@link #ACK_TIMEOUT_GROWTH_CAP} (never below the configured timeout). After a reconnect every batch starts again
     * at the plain timeout (the window is rebuilt), so an outage never leaves a device waiting minutes for a gateway
     * that is back.
     */
    static long resendAfterNanos(Duration ackTimeout, int attempts) {
        long base = ackTimeout.toNanos();
        long cap = Math.max(base, ACK_TIMEOUT_GROWTH_CAP.toNanos());
        return Math.min(base << Math.min(attempts, 3), cap);
    }

    private void fillWindow() throws java.sql.SQLException {
        while (inFlight.size() < config.maxInFlightBatches()) {
            List<OutboxRow> rows = outbox.readAfter(cursor, config.maxRecordsPerBatch(), config.maxBatchBytes());
            if (rows.isEmpty()) {
                return;
            }
            long waited = System.currentTimeMillis() - rows.get(0).createdMs();
            if (rows.size() < config.maxRecordsPerBatch()
                    && waited < config.linger().toMillis()) {
                lingerUntil = System.nanoTime() + (config.linger().toMillis() - waited) * 1_000_000L;
                return;
            }
            String batchId = UUID.randomUUID().toString();
            byte[] payload = batchPayload(batchId, rows);
            try {
                link.publish(recordsTopic, payload, 1, false);
            } catch (BrokerLink.BackPressureException e) {
                backPressure.incrementAndGet();
                return;
            } catch (BrokerLink.LinkException e) {
                connected = false;
                lastError = e.getMessage();
                return;
            }
            long[] seqs = rows.stream().mapToLong(OutboxRow::seq).toArray();
            inFlight.put(batchId, new InFlight(batchId, seqs, payload, System.nanoTime()));
            cursor = seqs[seqs.length - 1];
            batchesSent.incrementAndGet();
        }
    }

    private byte[] batchPayload(String batchId, List<OutboxRow> rows) {
        var out = new ByteArrayOutputStream(rows.size() * 700 + 256);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", SchemaId.BATCH.toString());
            g.writeStringField("device_id", deviceId);
            g.writeStringField("site", site);
            g.writeStringField("batch_id", batchId);
            g.writeStringField("sent_at", Instant.now().toString());
            g.writeStringField("boot_id", bootId);
            g.writeNumberField("sent_mono_ms", monoMs.getAsLong());
            g.writeArrayFieldStart("records");
            for (OutboxRow row : rows) {
                g.writeRawValue(row.json());
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot build batch JSON", e);
        }
        return out.toByteArray();
    }

    private byte[] statusBytes(String state) {
        Status s = statusSupplier.get();
        Status withState = new Status(
                deviceId, site, state, Instant.now(), s.clockSynced(), s.softwareVersion(), s.details(), outboxState());
        try {
            return json.writeValueAsBytes(withState);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise status", e);
        }
    }

    /**
     * Forgets the copies of the batches in flight (after records were deleted for privacy, a resend must not carry
     * them); what is still in the outbox is read and sent again. Acks for the dropped batches are then refused.
     */
    public void forgetInFlight() {
        dropInFlight = true;
        signal();
    }

    /**
     * The outbox as the published status reports it. One cheap query (the oldest row's time) per published status,
     * which is at connect, on changes and every {@link #STATUS_REFRESH} - never per second.
     */
    private io.vocedge.protocol.OutboxState outboxState() {
        io.vocedge.device.outbox.OutboxStats st = outbox.stats();
        return new io.vocedge.protocol.OutboxState(
                st.depth(),
                st.oldestCreatedMs() > 0 ? Instant.ofEpochMilli(st.oldestCreatedMs()) : null,
                Math.max(0, st.nextSeq() - 1),
                st.evictedTotal());
    }

    /** Publishes a fresh retained status now (the agent calls this when mute or health changes). */
    public void publishStatus() {
        if (!connected) {
            return;
        }
        statusPublishedNanos = System.nanoTime();
        try {
            link.publish(statusTopic, statusBytes(Status.ONLINE), 1, true);
        } catch (BrokerLink.LinkException e) {
            Logger.warn("event=status_publish_failed device={} error=\"{}\"", deviceId, e.getMessage());
        }
    }

    /** Publishes a command result (or any device message) on the given topic; false if offline. */
    public boolean publish(String topic, byte[] payload) {
        if (!connected) {
            return false;
        }
        try {
            link.publish(topic, payload, 1, false);
            return true;
        } catch (BrokerLink.LinkException e) {
            Logger.warn("event=publish_failed device={} topic={} error=\"{}\"", deviceId, topic, e.getMessage());
            return false;
        }
    }

    private void waitForWork(long ms) throws InterruptedException {
        long lingerMs = lingerUntil == 0 ? ms : Math.max(1, (lingerUntil - System.nanoTime()) / 1_000_000L);
        lingerUntil = 0;
        synchronized (wake) {
            if (!signalled) {
                wake.wait(Math.min(ms, lingerMs));
            }
            signalled = false;
        }
    }

    private void sleepInterruptibly(long ms) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (running) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            synchronized (wake) {
                wake.wait(Math.min(left, 200));
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isConnected() {
        return connected;
    }

    public String lastError() {
        return lastError;
    }

    public SyncStats stats() {
        return new SyncStats(
                connected,
                batchesSent.get(),
                batchesResent.get(),
                acksReceived.get(),
                recordsAcked.get(),
                recordsRejected.get(),
                connectFailures.get(),
                backPressure.get(),
                duplicateAcks.get() + droppedAcks.get(),
                inFlightSize,
                refusedAcks.get());
    }

    /**
     * Stops syncing: publishes a retained {@code offline} status (a clean disconnect does not fire the will),
     * disconnects, and leaves unacked records in the outbox for the next start. Safe to call twice.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        signal();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (link.isConnected()) {
            try {
                link.publishAndWait(statusTopic, statusBytes(Status.OFFLINE), 1, true, 3000);
            } catch (BrokerLink.LinkException e) {
                Logger.warn("event=offline_status_failed device={} error=\"{}\"", deviceId, e.getMessage());
            }
        }
        link.close();
        Logger.info("event=sync_stopped device={} outbox_depth={}", deviceId, outbox.depth());
    }
}
