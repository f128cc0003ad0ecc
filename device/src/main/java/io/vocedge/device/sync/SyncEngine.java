package io.vocedge.device.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.outbox.Outbox;
import io.vocedge.device.outbox.OutboxRow;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
    private final Consumer<byte[]> commandHandler;
    private final AckListener ackListener;
    private final LongSupplier monoMs;
    private final String bootId;
    private final Backoff backoff;
    private final String recordsTopic;
    private final String statusTopic;
    private final String ackTopic;
    private final String commandTopic;
    private final BlockingQueue<byte[]> acks = new ArrayBlockingQueue<>(1024);
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean connected;
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
    private final AtomicLong staleAcks = new AtomicLong();
    private final AtomicLong droppedAcks = new AtomicLong();

    private static final class InFlight {
        final String batchId;
        final long firstSeq;
        final long lastSeq;
        final byte[] payload;
        long sentNanos;
        int attempts;

        InFlight(String batchId, long firstSeq, long lastSeq, byte[] payload, long sentNanos) {
            this.batchId = batchId;
            this.firstSeq = firstSeq;
            this.lastSeq = lastSeq;
            this.payload = payload;
            this.sentNanos = sentNanos;
        }
    }

    public SyncEngine(String deviceId, String site, SyncConfig config, Outbox outbox, BrokerLink link, ObjectMapper json,
            Supplier<Status> statusSupplier, Consumer<byte[]> commandHandler, AckListener ackListener, String bootId,
            LongSupplier monoMs, RandomGenerator random) {
        this.deviceId = deviceId;
        this.site = site;
        this.config = config;
        this.outbox = outbox;
        this.link = link;
        this.json = json;
        this.statusSupplier = statusSupplier;
        this.commandHandler = commandHandler;
        this.ackListener = ackListener;
        this.bootId = bootId;
        this.monoMs = monoMs;
        this.backoff = new Backoff(config.reconnectInitial(), config.reconnectMax(), random);
        this.recordsTopic = Topics.records(site, deviceId);
        this.statusTopic = Topics.status(site, deviceId);
        this.ackTopic = Topics.ack(site, deviceId);
        this.commandTopic = Topics.command(site, deviceId);
        this.thread = Thread.ofPlatform().name("sync-" + deviceId).daemon(true).unstarted(this::loop);
        link.setListener(new BrokerLink.Listener() {
            @Override
            public void onMessage(String topic, byte[] payload) {
                route(topic, payload);
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
        return List.of(Topics.ack(site, deviceId), Topics.command(site, deviceId));
    }

    public void start() {
        running = true;
        thread.start();
    }

    private void route(String topic, byte[] payload) {
        if (topic.equals(ackTopic)) {
            if (!acks.offer(payload)) {
                droppedAcks.incrementAndGet();
            }
            signal();
        } else if (topic.equals(commandTopic)) {
            try {
                commandHandler.accept(payload);
            } catch (RuntimeException e) {
                Logger.error(e, "event=command_handler_failed device={}", deviceId);
            }
        } else {
            Logger.warn("event=unexpected_topic device={} topic={}", deviceId, topic);
        }
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
                processAcks();
                resendTimedOut();
                fillWindow();
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

    private void connectOnce() throws InterruptedException {
        try {
            link.connect(statusBytes(Status.OFFLINE));
            connected = true;
            backoff.reset();
            inFlight.clear();
            cursor = 0;
            link.publish(statusTopic, statusBytes(Status.ONLINE), 1, true);
            Logger.info("event=sync_connected device={} outbox_depth={}", deviceId, outbox.depth());
        } catch (BrokerLink.LinkException e) {
            connectFailures.incrementAndGet();
            lastError = e.getMessage();
            Duration delay = backoff.next();
            Logger.warn("event=sync_connect_failed device={} attempt={} retry_in_ms={} error=\"{}\"", deviceId,
                    backoff.attempts(), delay.toMillis(), e.getMessage());
            sleepInterruptibly(delay.toMillis());
        }
    }

    private void processAcks() throws java.sql.SQLException {
        byte[] payload;
        while ((payload = acks.poll()) != null) {
            Ack ack;
            try {
                ack = json.readValue(payload, Ack.class);
            } catch (IOException | RuntimeException e) {
                staleAcks.incrementAndGet();
                Logger.warn("event=ack_unreadable device={} error=\"{}\"", deviceId, e.getMessage());
                continue;
            }
            if (!deviceId.equals(ack.deviceId())) {
                staleAcks.incrementAndGet();
                Logger.warn("event=ack_foreign device={} ack_device={}", deviceId, ack.deviceId());
                continue;
            }
            List<Long> rejected = ack.rejected().stream().map(Ack.Rejected::seq).toList();
            int removed = outbox.delete(ack.stored(), rejected);
            acksReceived.incrementAndGet();
            recordsAcked.addAndGet(removed);
            recordsRejected.addAndGet(rejected.size());
            for (Ack.Rejected r : ack.rejected()) {
                Logger.warn("event=record_rejected_by_gateway device={} seq={} reason=\"{}\"", deviceId, r.seq(), r.reason());
            }
            InFlight done = inFlight.remove(ack.batchId());
            if (done == null) {
                staleAcks.incrementAndGet();
            } else {
                rewindIfUncovered(done, ack);
            }
            ackListener.onAck(ack);
        }
    }

    /** A batch acked only in part (should not happen with our gateway) gets its missing records resent. */
    private void rewindIfUncovered(InFlight batch, Ack ack) {
        long covered = 0;
        for (Ack.SeqRange r : ack.stored()) {
            covered += Math.max(0, Math.min(r.to(), batch.lastSeq) - Math.max(r.from(), batch.firstSeq) + 1);
        }
        covered += ack.rejected().stream().filter(r -> r.seq() >= batch.firstSeq && r.seq() <= batch.lastSeq).count();
        if (covered < batch.lastSeq - batch.firstSeq + 1) {
            // Records may be missing from the batch range because they were evicted; rereading is cheap and safe.
            cursor = Math.min(cursor, batch.firstSeq - 1);
        }
    }

    private void resendTimedOut() throws InterruptedException {
        long now = System.nanoTime();
        for (InFlight b : inFlight.values()) {
            long timeout = config.ackTimeout().toNanos() << Math.min(b.attempts, 3);
            if (now - b.sentNanos < timeout) {
                continue;
            }
            try {
                link.publish(recordsTopic, b.payload, 1, false);
                b.sentNanos = now;
                b.attempts++;
                batchesResent.incrementAndGet();
                Logger.info("event=batch_resent device={} batch={} seqs={}-{} attempt={}", deviceId, b.batchId,
                        b.firstSeq, b.lastSeq, b.attempts);
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

    private void fillWindow() throws java.sql.SQLException {
        while (inFlight.size() < config.maxInFlightBatches()) {
            List<OutboxRow> rows = outbox.readAfter(cursor, config.maxRecordsPerBatch(), config.maxBatchBytes());
            if (rows.isEmpty()) {
                return;
            }
            long waited = System.currentTimeMillis() - rows.get(0).createdMs();
            if (rows.size() < config.maxRecordsPerBatch() && waited < config.linger().toMillis()) {
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
            long first = rows.get(0).seq();
            long last = rows.get(rows.size() - 1).seq();
            inFlight.put(batchId, new InFlight(batchId, first, last, payload, System.nanoTime()));
            cursor = last;
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
        Status withState = new Status(deviceId, site, state, Instant.now(), s.clockSynced(), s.softwareVersion(), s.details());
        try {
            return json.writeValueAsBytes(withState);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise status", e);
        }
    }

    /** Publishes a fresh retained status now (the agent calls this when mute or health changes). */
    public void publishStatus() {
        if (!connected) {
            return;
        }
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
        return new SyncStats(connected, batchesSent.get(), batchesResent.get(), acksReceived.get(), recordsAcked.get(),
                recordsRejected.get(), connectFailures.get(), backPressure.get(), staleAcks.get() + droppedAcks.get(),
                inFlightSize);
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
