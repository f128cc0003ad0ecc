package io.vocedge.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.CommandResultRow;
import io.vocedge.gateway.store.CommitResult;
import io.vocedge.gateway.store.DeadLetter;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.gateway.store.VocStore;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The store worker: drains up to N messages from the bounded ingest queue, validates them, commits all their
 * records, dead letters and status updates in ONE transaction, and only then publishes the application acks
 * and completes the MQTT PUBACKs. A crash anywhere before the ack means the device sends again and the store
 * ignores the copy; a crash after the commit and before the ack likewise.
 *
 * <p>Overflow policy: when the queue is full the MQTT callback thread blocks ({@link #offer}), so the broker
 * holds the messages (counted as blocked time). A transaction the store refuses is split and retried message by
 * message; a single message the store cannot take is dead-lettered; while the store is unreachable the worker
 * retries with backoff and acks nothing.
 */
public final class IngestWorker implements AutoCloseable {
    /** Hook for fault tests: pause at a named point so a test can kill -9 the process exactly there. */
    public interface FaultPoint {
        void reached(String point);
    }

    private final BlockingQueue<IngestMessage> queue;
    private final int maxPerTransaction;
    private final BatchValidator validator;
    private final SchemaValidator schemas;
    private final DeviceRegistry registry;
    private final VocStore store;
    private final MqttPort mqtt;
    private final ObjectMapper json;
    private final IngestMetrics metrics;
    private final FaultPoint faults;
    private final Thread thread;
    private volatile boolean running;

    public IngestWorker(int queueCapacity, int maxPerTransaction, BatchValidator validator, SchemaValidator schemas,
            DeviceRegistry registry, VocStore store, MqttPort mqtt, ObjectMapper json, IngestMetrics metrics, FaultPoint faults) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxPerTransaction = maxPerTransaction;
        this.validator = validator;
        this.schemas = schemas;
        this.registry = registry;
        this.store = store;
        this.mqtt = mqtt;
        this.json = json;
        this.metrics = metrics;
        this.faults = faults;
        this.thread = Thread.ofPlatform().name("ingest-store").unstarted(this::loop);
        thread.setUncaughtExceptionHandler((t, e) -> Logger.error(e, "event=ingest_thread_died"));
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Called on the MQTT callback thread; blocks while the queue is full (back-pressure). */
    public void offer(IngestMessage m) throws InterruptedException {
        metrics.received.increment();
        if (!queue.offer(m)) {
            long t0 = System.nanoTime();
            queue.put(m);
            metrics.blockedNanos.increment(System.nanoTime() - t0);
        }
    }

    public int queueDepth() {
        return queue.size();
    }

    private void loop() {
        List<IngestMessage> batch = new ArrayList<>(maxPerTransaction);
        while (running || !queue.isEmpty()) {
            try {
                IngestMessage first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxPerTransaction - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never let one cycle end ingest; the messages were not PUBACKed, so the broker redelivers.
                Logger.error(e, "event=ingest_cycle_failed messages={}", batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private record Prepared(StoreTransaction tx, List<Ack> acks, List<IngestMessage> messages) {}

    void process(List<IngestMessage> messages) throws InterruptedException {
        Prepared p = prepare(messages);
        if (commitWithRetry(p)) {
            finish(p);
            return;
        }
        // The store refused the whole transaction but answers: find the message it cannot take.
        for (IngestMessage m : messages) {
            Prepared single = prepare(List.of(m));
            if (commitWithRetry(single)) {
                finish(single);
            } else {
                // Dead-letter it and ack its records as rejected, so the device drops them instead of resending forever.
                StoreTransaction tx = new StoreTransaction();
                tx.add(DeadLetter.of(m.receivedAt(), m.topic(), null, null, "store refused the message", m.payload()));
                metrics.deadLetter("store_refused");
                List<Ack> rejectAll = single.acks().stream().map(a -> new Ack(a.deviceId(), a.batchId(), List.of(),
                        rejectedSeqs(a))).toList();
                Prepared refused = new Prepared(tx, rejectAll, List.of(m));
                if (commitWithRetry(refused)) {
                    finish(refused);
                }
            }
        }
    }

    private static List<Ack.Rejected> rejectedSeqs(Ack a) {
        List<Ack.Rejected> all = new ArrayList<>(a.rejected());
        for (Ack.SeqRange r : a.stored()) {
            for (long s = r.from(); s <= r.to(); s++) {
                all.add(new Ack.Rejected(s, "store refused the record; see dead_letters"));
            }
        }
        return all;
    }

    private Prepared prepare(List<IngestMessage> messages) {
        StoreTransaction tx = new StoreTransaction();
        List<Ack> acks = new ArrayList<>();
        for (IngestMessage m : messages) {
            String channel = channelOf(m.topic());
            if (Topics.UP_RECORDS.equals(channel)) {
                Verdict v = validator.check(m);
                if (v instanceof Verdict.Refused r) {
                    tx.add(r.deadLetter());
                    metrics.deadLetter(r.reasonKey());
                    Logger.warn("event=dead_letter reason_key={} topic={} reason=\"{}\"", r.reasonKey(), m.topic(),
                            r.deadLetter().reason());
                } else if (v instanceof Verdict.Accepted a) {
                    if (a.autoRegister() != null) {
                        tx.autoRegister(a.autoRegister());
                    }
                    a.records().forEach(tx::add);
                    a.rejectedRecords().forEach(d -> {
                        tx.add(d);
                        metrics.deadLetter("invalid_record");
                    });
                    tx.seen(a.deviceId(), m.receivedAt());
                    long[] seqs = a.records().stream().mapToLong(StoredRecord::seq).toArray();
                    acks.add(new Ack(a.deviceId(), a.batchId(), Ack.ranges(seqs), a.rejected()));
                }
            } else if (Topics.UP_STATUS.equals(channel)) {
                status(m, tx);
            } else if (Topics.UP_RESULT.equals(channel)) {
                commandResult(m, tx);
            } else {
                tx.add(DeadLetter.of(m.receivedAt(), m.topic(), null, null, "not a topic the gateway reads", m.payload()));
                metrics.deadLetter("bad_topic");
            }
        }
        return new Prepared(tx, acks, messages);
    }

    private void status(IngestMessage m, StoreTransaction tx) {
        if (m.payload().length == 0) {
            return; // a cleared retained message
        }
        try {
            Topics.DeviceTopic t = Topics.parse(m.topic());
            JsonNode node = json.readTree(m.payload());
            var problems = schemas.problems(SchemaId.STATUS, node);
            if (problems.isPresent() || !t.device().equals(node.path("device_id").asText())) {
                tx.add(DeadLetter.of(m.receivedAt(), m.topic(), t.device(), null,
                        problems.orElse("status names another device"), m.payload()));
                metrics.deadLetter("invalid_status");
                return;
            }
            Status s = json.treeToValue(node, Status.class);
            Object depth = s.details().get("outbox_depth");
            tx.add(new StatusUpdate(t.device(), t.site(), Status.ONLINE.equals(s.state()), s.softwareVersion(),
                    depth instanceof Number n ? n.longValue() : null, s.at() == null ? m.receivedAt() : s.at(), node.toString()));
            metrics.statuses.increment();
        } catch (Exception e) {
            tx.add(DeadLetter.of(m.receivedAt(), m.topic(), null, null, "unreadable status: " + e.getMessage(), m.payload()));
            metrics.deadLetter("invalid_status");
        }
    }

    private void commandResult(IngestMessage m, StoreTransaction tx) {
        try {
            Topics.DeviceTopic t = Topics.parse(m.topic());
            JsonNode node = json.readTree(m.payload());
            var problems = schemas.problems(SchemaId.COMMAND_RESULT, node);
            if (problems.isPresent() || !t.device().equals(node.path("device_id").asText())) {
                tx.add(DeadLetter.of(m.receivedAt(), m.topic(), t.device(), null,
                        problems.orElse("command result names another device"), m.payload()));
                metrics.deadLetter("invalid_command_result");
                return;
            }
            tx.add(new CommandResultRow(node.get("command_id").asText(), t.device(), node.get("ok").asBoolean(),
                    node.path("message").asText(null), m.receivedAt(), node.toString()));
        } catch (Exception e) {
            tx.add(DeadLetter.of(m.receivedAt(), m.topic(), null, null, "unreadable command result: " + e.getMessage(), m.payload()));
            metrics.deadLetter("invalid_command_result");
        }
    }

    /**
     * Commits; on a connection-level failure waits and retries for as long as the worker runs (nothing is acked
     * meanwhile). Returns false when the store answers but refuses this transaction.
     */
    private boolean commitWithRetry(Prepared p) throws InterruptedException {
        long delayMs = 200;
        while (true) {
            try {
                boolean hasRecords = p.tx().recordCount() > 0;
                if (hasRecords) {
                    faults.reached("before_commit");
                }
                long t0 = System.nanoTime();
                CommitResult r = store.commit(p.tx());
                metrics.commit.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                metrics.stored.increment(r.inserted());
                metrics.duplicates.increment(r.duplicates());
                if (hasRecords) {
                    faults.reached("after_commit");
                }
                return true;
            } catch (SQLException e) {
                boolean reachable = store.ping();
                metrics.storeRetries.increment();
                if (reachable) {
                    Logger.error("event=store_refused_transaction messages={} error=\"{}\"", p.messages().size(), e.getMessage());
                    return false;
                }
                if (!running) {
                    Logger.error("event=store_unreachable_at_shutdown messages={} action=\"not acked; devices will resend\"",
                            p.messages().size());
                    throw new InterruptedException("stopping while the store is unreachable");
                }
                Logger.error("event=store_unreachable retry_in_ms={} error=\"{}\"", delayMs, e.getMessage());
                Thread.sleep(delayMs);
                delayMs = Math.min(10_000, delayMs * 2);
            }
        }
    }

    private void finish(Prepared p) {
        for (Ack ack : p.acks()) {
            try {
                String site = registry.find(ack.deviceId()).map(d -> d.site()).orElse(null);
                if (site == null) {
                    site = siteOf(p.messages(), ack.deviceId());
                }
                if (mqtt.publish(Topics.ack(site, ack.deviceId()), json.writeValueAsBytes(ack), false)) {
                    metrics.acks.increment();
                }
            } catch (Exception e) {
                // The records are stored; the device resends and gets its ack for the duplicates.
                Logger.warn("event=ack_not_sent device={} batch={} error=\"{}\"", ack.deviceId(), ack.batchId(), e.getMessage());
            }
        }
        for (IngestMessage m : p.messages()) {
            mqtt.complete(m);
        }
        p.tx().autoRegisteredDevices().forEach(registry::remember);
    }

    private static String siteOf(List<IngestMessage> messages, String deviceId) {
        for (IngestMessage m : messages) {
            Topics.DeviceTopic t = Topics.parse(m.topic());
            if (t.device().equals(deviceId)) {
                return t.site();
            }
        }
        throw new IllegalStateException("no message of device " + deviceId);
    }

    private static String channelOf(String topic) {
        try {
            return Topics.parse(topic).channel();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Stops taking work, finishes the queued messages (commit and ack), then returns. Safe to call twice. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
