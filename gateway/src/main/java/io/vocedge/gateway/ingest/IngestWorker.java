package io.vocedge.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.CommandResultRow;
import io.vocedge.gateway.store.CommitResult;
import io.vocedge.gateway.store.DeadLetter;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoreCondition;
import io.vocedge.gateway.store.StoreFault;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.gateway.store.VocStore;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * holds the messages (counted as blocked time). Store errors are classified by cause ({@link StoreFault}): while the
 * store is busy, unreachable or unwritable the worker retries the same transaction with capped, jittered backoff and
 * acks nothing. Only a refusal for content splits the transaction, message by message and then record by record;
 * the record the store refuses on its own is dead-lettered as {@code store_refused}.
 */
public final class IngestWorker implements AutoCloseable {
    /** Hook for fault tests: pause at a named point so a test can kill -9 the process exactly there. */
    public interface FaultPoint {
        void reached(String point);
    }

    private final BlockingQueue<IngestMessage> queue;
    private final int maxPerTransaction;
    private final long maxBytesPerTransaction;
    private final BatchValidator validator;
    private final SchemaValidator schemas;
    private final DeviceRegistry registry;
    private final VocStore store;
    private final MqttPort mqtt;
    private final ObjectMapper json;
    private final IngestMetrics metrics;
    private final FaultPoint faults;
    private final Thread thread;
    private final StoreCondition condition = new StoreCondition();
    /** Acks of the batches committed last: a byte-identical resend is answered without parsing or storing it again. */
    private final RecentBatches recent = new RecentBatches(RECENT_BATCHES);
    /** Acks of this cycle's record batches by message, remembered in {@link #recent} once committed. */
    private final Map<IngestMessage, Map.Entry<String, Ack>> uncommitted = new java.util.IdentityHashMap<>();

    static final int RECENT_BATCHES = 8192;
    private volatile boolean running;
    private static final long RETRY_FIRST_MS = 200;
    /** Low, so ingest resumes within seconds of the store answering again. */
    private static final long RETRY_MAX_MS = 5_000;

    public IngestWorker(
            int queueCapacity,
            int maxPerTransaction,
            long maxBytesPerTransaction,
            BatchValidator validator,
            SchemaValidator schemas,
            DeviceRegistry registry,
            VocStore store,
            MqttPort mqtt,
            ObjectMapper json,
            IngestMetrics metrics,
            FaultPoint faults) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxPerTransaction = maxPerTransaction;
        this.maxBytesPerTransaction = maxBytesPerTransaction;
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
                long bytes = first.payload().length;
                // Whichever limit comes first: a backlog of full 200-record batches would otherwise make one
                // transaction of 51,200 records whose statements run for seconds while every ack of it waits.
                while (batch.size() < maxPerTransaction && bytes < maxBytesPerTransaction) {
                    IngestMessage next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    bytes += next.payload().length;
                }
                process(batch);
                uncommitted.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never let one cycle end ingest; the messages were not PUBACKed, so the broker redelivers.
                Logger.error(e, "event=ingest_cycle_failed messages={}", batch.size());
                uncommitted.clear();
            } finally {
                batch.clear();
            }
        }
    }

    private record Prepared(StoreTransaction tx, List<Ack> acks, List<IngestMessage> messages) {}

    /**
     * Commits the messages together. While the store is busy, unreachable or unwritable nothing is acked and the
     * same transaction is retried with backoff ({@link #commit}). Only when the store refuses the CONTENT are the
     * messages retried one by one, and a refused record batch record by record: just the record the store refuses
     * on its own is dead-lettered ({@code store_refused}) and acked as rejected.
     */
    void process(List<IngestMessage> messages) throws InterruptedException {
        Prepared p = prepare(messages);
        SQLException refusal = commit(p);
        if (refusal == null) {
            finish(p);
        } else if (messages.size() > 1) {
            messages.forEach(uncommitted::remove); // their acks change when split: never remember the whole-batch ones
            Logger.warn(
                    "event=store_refused_transaction messages={} action=\"retrying each message alone\" error=\"{}\"",
                    messages.size(),
                    Printable.of(StoreFault.describe(refusal), 300));
            for (IngestMessage m : messages) {
                process(List.of(m));
            }
        } else {
            uncommitted.remove(messages.get(0));
            refusedAlone(messages.get(0), refusal);
        }
    }

    /** One message the store refused for its content: a record batch is retried record by record. */
    private void refusedAlone(IngestMessage m, SQLException refusal) throws InterruptedException {
        Verdict v = m.addressed() && m.address().kind() == DeviceAddress.Kind.RECORDS ? validator.check(m) : null;
        if (!(v instanceof Verdict.Accepted a)) {
            StoreTransaction tx = new StoreTransaction();
            tx.add(storeRefused(m, m.address() == null ? null : m.address().device(), null, refusal, m.payload()));
            commitOrGiveUp(new Prepared(tx, List.of(), List.of(m)));
            return;
        }
        List<Long> stored = new ArrayList<>();
        List<Ack.Rejected> rejected = new ArrayList<>(a.rejected());
        StoreTransaction rest = new StoreTransaction();
        for (StoredRecord r : a.records()) {
            StoreTransaction one = new StoreTransaction();
            if (a.autoRegister() != null) {
                one.autoRegister(a.autoRegister());
            }
            one.add(r);
            SQLException why = commit(new Prepared(one, List.of(), List.of(m)));
            if (why == null) {
                stored.add(r.seq());
            } else {
                rest.add(storeRefused(
                        m, a.deviceId(), r.seq(), why, r.payloadJson().getBytes(StandardCharsets.UTF_8)));
                rejected.add(new Ack.Rejected(
                        r.seq(), "store refused the record (" + StoreFault.CONTENT.code + "); see dead_letters"));
            }
        }
        a.rejectedRecords().forEach(rest::add);
        rest.seen(a.deviceId(), m.receivedAt());
        long[] seqs = stored.stream().mapToLong(Long::longValue).toArray();
        commitOrGiveUp(new Prepared(
                rest, List.of(new Ack(a.deviceId(), a.batchId(), Ack.ranges(seqs), rejected)), List.of(m)));
    }

    private DeadLetter storeRefused(IngestMessage m, String device, Long seq, SQLException why, byte[] payload) {
        String reason = "store refused " + (seq == null ? "the message" : "the record") + " for its content: "
                + Printable.of(StoreFault.describe(why), 300);
        Logger.error(
                "event=dead_letter reason_key={} device={} seq={} reason=\"{}\"",
                StoreFault.CONTENT.code,
                Printable.of(String.valueOf(device), 100),
                seq,
                reason);
        return DeadLetter.of(m.receivedAt(), m.topic(), device, seq, StoreFault.CONTENT.code, reason, payload);
    }

    /** The dead letters themselves refused: nothing can be kept, so nothing is acked; the device sends again. */
    private void commitOrGiveUp(Prepared p) throws InterruptedException {
        SQLException refusal = commit(p);
        if (refusal == null) {
            finish(p);
        } else {
            Logger.error(
                    "event=dead_letter_refused topic={} action=\"not acked; the device sends again\" error=\"{}\"",
                    Printable.of(p.messages().get(0).topic(), 200),
                    Printable.of(StoreFault.describe(refusal), 300));
            p.messages().forEach(mqtt::complete);
        }
    }

    private Prepared prepare(List<IngestMessage> messages) {
        StoreTransaction tx = new StoreTransaction();
        List<Ack> acks = new ArrayList<>();
        for (IngestMessage m : messages) {
            if (!m.addressed()) {
                tx.add(DeadLetter.of(
                        m.receivedAt(), m.topic(), null, null, "bad_topic", m.topicProblem(), m.payload()));
                Logger.warn(
                        "event=dead_letter reason_key=bad_topic reason=\"{}\"", Printable.of(m.topicProblem(), 300));
                continue;
            }
            switch (m.address().kind()) {
                case RECORDS -> records(m, tx, acks);
                case STATUS -> status(m, tx);
                case COMMAND_RESULT -> commandResult(m, tx);
            }
        }
        return new Prepared(tx, acks, messages);
    }

    private void records(IngestMessage m, StoreTransaction tx, List<Ack> acks) {
        String key = RecentBatches.key(m);
        Ack copyOf = recent.find(key);
        if (copyOf != null) {
            metrics.resentBatches.increment();
            tx.seen(copyOf.deviceId(), m.receivedAt());
            acks.add(copyOf);
            return;
        }
        Verdict v = validator.check(m);
        if (v instanceof Verdict.Refused r) {
            tx.add(r.deadLetter());
            Logger.warn(
                    "event=dead_letter reason_key={} site={} device={} reason=\"{}\"",
                    r.reasonKey(),
                    m.address().site(),
                    m.address().device(),
                    Printable.of(r.deadLetter().reason(), 300));
        } else if (v instanceof Verdict.Accepted a) {
            if (a.autoRegister() != null) {
                tx.autoRegister(a.autoRegister());
            }
            a.records().forEach(tx::add);
            a.rejectedRecords().forEach(tx::add);
            tx.seen(a.deviceId(), m.receivedAt());
            long[] seqs = a.records().stream().mapToLong(StoredRecord::seq).toArray();
            Ack ack = new Ack(a.deviceId(), a.batchId(), Ack.ranges(seqs), a.rejected());
            acks.add(ack);
            uncommitted.put(m, Map.entry(key, ack));
        }
    }

    /**
     * A device's retained status: validated against {@code voc.status/1} and checked against the topic and the
     * registry before it may touch the registry. Anything wrong goes to dead letters with the reason and changes
     * nothing; one bad status never stops ingest (each is decided on its own, inside this transaction).
     */
    private void status(IngestMessage m, StoreTransaction tx) {
        if (m.payload().length == 0) {
            return; // a cleared retained message
        }
        String deviceOnTopic = null;
        try {
            DeviceAddress t = m.address();
            deviceOnTopic = t.device();
            String problem = statusProblem(m);
            JsonNode node = problem == null ? json.readTree(m.payload()) : null;
            if (problem == null) {
                problem = schemas.problems(SchemaId.STATUS, node).orElse(null);
            }
            if (problem == null) {
                problem = statusOwnerProblem(node, t);
            }
            if (problem != null) {
                refuseStatus(m, tx, t.device(), problem);
                return;
            }
            Status s = json.treeToValue(node, Status.class);
            Object depth = s.outbox() != null
                    ? (Object) s.outbox().depth()
                    : s.details().get("outbox_depth");
            tx.add(new StatusUpdate(
                    t.device(),
                    t.site(),
                    Status.ONLINE.equals(s.state()),
                    s.softwareVersion(),
                    depth instanceof Number n ? n.longValue() : null,
                    s.at() == null ? m.receivedAt() : s.at(),
                    node.toString()));
            metrics.statuses.increment();
        } catch (Exception e) {
            // Never the parser's message: it may quote the payload (which is in the dead letter anyway).
            refuseStatus(
                    m,
                    tx,
                    deviceOnTopic,
                    "unreadable status: not valid JSON or not readable as voc.status/1 ("
                            + e.getClass().getSimpleName() + ")");
        }
    }

    private static String statusProblem(IngestMessage m) {
        if (m.payload().length > io.vocedge.protocol.Limits.MAX_MESSAGE_BYTES) {
            return "status of " + m.payload().length + " bytes exceeds the "
                    + io.vocedge.protocol.Limits.MAX_MESSAGE_BYTES + "-byte limit";
        }
        return null;
    }

    /** The status must speak for the device and site of its topic, and that device may speak (not revoked). */
    private String statusOwnerProblem(JsonNode node, DeviceAddress t) {
        String device = node.path("device_id").asText();
        if (!t.device().equals(device)) {
            return "status names device '" + device + "' but was published on the topic of device '" + t.device() + "'";
        }
        if (node.hasNonNull("site") && !t.site().equals(node.get("site").asText())) {
            return "status names site '" + node.get("site").asText() + "' but was published under site '" + t.site()
                    + "'";
        }
        var known = registry.find(device);
        if (known.isPresent() && known.get().revoked()) {
            return "device '" + device + "' is revoked; its status is refused";
        }
        if (known.isPresent() && !known.get().site().equals(t.site())) {
            return "device '" + device + "' is registered at site '"
                    + known.get().site() + "', not '" + t.site() + "'";
        }
        if (known.isEmpty() && registry.strict()) {
            return "device '" + device + "' is not enrolled (registry.mode=strict); its status is refused";
        }
        return null;
    }

    private void refuseStatus(IngestMessage m, StoreTransaction tx, String device, String reason) {
        tx.add(DeadLetter.of(m.receivedAt(), m.topic(), device, null, "invalid_status", reason, m.payload()));
        Logger.warn(
                "event=dead_letter reason_key=invalid_status topic={} reason=\"{}\"",
                Printable.of(m.topic(), 200),
                Printable.of(reason, 300));
    }

    /** A result that asks to forget a window ({@code detail.forget_from}/{@code forget_to}, at most 24 h). */
    private static java.util.Optional<io.vocedge.gateway.store.ForgetRequest> forgetRequest(
            JsonNode node, DeviceAddress t) {
        JsonNode d = node.path("detail");
        if (!node.path("ok").asBoolean()
                || !d.path("forget_from").isTextual()
                || !d.path("forget_to").isTextual()) {
            return java.util.Optional.empty();
        }
        try {
            java.time.Instant from =
                    java.time.Instant.parse(d.get("forget_from").asText());
            java.time.Instant to = java.time.Instant.parse(d.get("forget_to").asText());
            if (!from.isBefore(to)
                    || java.time.Duration.between(from, to).compareTo(java.time.Duration.ofHours(24)) > 0) {
                Logger.warn("event=forget_refused device={} reason=\"window must be 0-24 h\"", t.device());
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new io.vocedge.gateway.store.ForgetRequest(
                    node.get("command_id").asText(), t.device(), t.site(), from, to));
        } catch (java.time.format.DateTimeParseException e) {
            Logger.warn(
                    "event=forget_refused device={} reason=\"forget_from/forget_to are not ISO-8601 instants\"",
                    t.device());
            return java.util.Optional.empty();
        }
    }

    private void commandResult(IngestMessage m, StoreTransaction tx) {
        try {
            DeviceAddress t = m.address();
            JsonNode node = json.readTree(m.payload());
            var problems = schemas.problems(SchemaId.COMMAND_RESULT, node);
            if (problems.isPresent()
                    || !t.device().equals(node.path("device_id").asText())) {
                tx.add(DeadLetter.of(
                        m.receivedAt(),
                        m.topic(),
                        t.device(),
                        null,
                        "invalid_command_result",
                        problems.orElse("command result names another device"),
                        m.payload()));
                return;
            }
            tx.add(new CommandResultRow(
                    node.get("command_id").asText(),
                    t.device(),
                    node.get("ok").asBoolean(),
                    node.path("message").asText(null),
                    m.receivedAt(),
                    node.toString()));
            forgetRequest(node, t).ifPresent(tx::add);
        } catch (Exception e) {
            tx.add(DeadLetter.of(
                    m.receivedAt(),
                    m.topic(),
                    null,
                    null,
                    "invalid_command_result",
                    "unreadable command result: " + "not valid JSON or not readable as voc.command-result/1 ("
                            + e.getClass().getSimpleName() + ")",
                    m.payload()));
        }
    }

    /**
     * Commits, retrying for as long as the worker runs while the store's condition is the problem (busy, unreachable,
     * unwritable or unattributable: {@link StoreFault}); nothing is acked meanwhile. Returns null once committed, or
     * the store's error when it refused the content.
     */
    private SQLException commit(Prepared p) throws InterruptedException {
        long delayMs = RETRY_FIRST_MS;
        while (true) {
            try {
                boolean hasRecords = p.tx().recordCount() > 0;
                if (hasRecords) {
                    faults.reached("before_commit");
                }
                long t0 = System.nanoTime();
                condition.commitStarted();
                CommitResult r = store.commit(p.tx());
                condition.committed();
                metrics.commit.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                metrics.stored.increment(r.inserted());
                metrics.duplicates.increment(r.duplicates());
                if (hasRecords) {
                    faults.reached("after_commit");
                }
                return null;
            } catch (SQLException e) {
                StoreFault fault = StoreFault.of(e);
                metrics.storeError(fault.code);
                if (!fault.retryable()) {
                    condition.committed(); // the store answers: its condition is fine, the content is not
                    return e;
                }
                condition.failed(fault, StoreFault.describe(e));
                metrics.storeRetries.increment();
                if (!running) {
                    Logger.error(
                            "event=store_unavailable_at_shutdown cause={} messages={} action=\"not acked; devices will resend\"",
                            fault.code,
                            p.messages().size());
                    throw new InterruptedException("stopping while the store is unavailable");
                }
                long sleep = jitter(delayMs);
                Logger.warn(
                        "event=store_unavailable cause={} sqlstate={} messages={} retry_in_ms={} action=\"nothing acked\" error=\"{}\"",
                        fault.code,
                        e.getSQLState(),
                        p.messages().size(),
                        sleep,
                        Printable.of(StoreFault.describe(e), 300));
                Thread.sleep(sleep);
                delayMs = Math.min(RETRY_MAX_MS, delayMs * 2);
            }
        }
    }

    private static long jitter(long ms) {
        return ms / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ms / 2 + 1);
    }

    /** What the worker last learned about the store (for /health). */
    public StoreCondition storeCondition() {
        return condition;
    }

    private void finish(Prepared p) {
        for (IngestMessage m : p.messages()) {
            Map.Entry<String, Ack> done = uncommitted.remove(m);
            if (done != null) {
                recent.remember(done.getKey(), done.getValue());
            }
        }
        // Counted once committed, so a transaction split and retried counts each dead letter once.
        p.tx().deadLetters().forEach(d -> metrics.deadLetter(d.reasonCode()));
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
                Logger.warn(
                        "event=ack_not_sent device={} batch={} error=\"{}\"",
                        ack.deviceId(),
                        ack.batchId(),
                        e.getMessage());
            }
        }
        for (IngestMessage m : p.messages()) {
            mqtt.complete(m);
        }
        p.tx().autoRegisteredDevices().forEach(registry::remember);
    }

    private static String siteOf(List<IngestMessage> messages, String deviceId) {
        for (IngestMessage m : messages) {
            if (m.addressed() && m.address().device().equals(deviceId)) {
                return m.address().site();
            }
        }
        throw new IllegalStateException("no message of device " + deviceId);
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
