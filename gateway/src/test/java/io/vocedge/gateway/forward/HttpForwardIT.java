package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vocedge.gateway.forward.ForwardSettings.HttpSinkSettings;
import io.vocedge.gateway.forward.ForwardSettings.KafkaSettings;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoreSettings;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.testsupport.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed HTTP batch sink against a real in-test receiver that verifies signatures itself, gunzips and dedupes on
 * event ids: every event arrives exactly once in effect and in per-device order across receiver outages and lost
 * answers; the Kafka and HTTP sinks keep separate progress; a redirecting or hanging receiver gets nothing it should
 * not and never holds up ingest; the secret and the URL's token are never logged.
 */
class HttpForwardIT {
    static final String SECRET = "whsec_"
            + java.util.Base64.getEncoder()
                    .encodeToString("forward-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private JdbcVocStore store;
    private OutboxStore outboxStore;
    private final List<Forwarder> forwarders = new ArrayList<>();
    private final Set<String> expected = new HashSet<>();

    @BeforeEach
    void openStore() throws Exception {
        store = JdbcVocStore.open(new StoreSettings("sqlite", dir.resolve("voc.db"), null, null, null, 1), "gw-http");
        ForwardOutbox outbox = new ForwardOutbox(
                store.dialect(), "gw-http", true, Clock.systemUTC(), () -> forwarders.forEach(Forwarder::wake));
        store.addParticipant(new OutboxParticipant(outbox, () -> {}));
        outboxStore = new OutboxStore(store.dataSource(), store.dialect());
    }

    @AfterEach
    void close() {
        forwarders.forEach(Forwarder::close);
        store.close();
    }

    private Forwarder start(Sink sink, int batchEvents) {
        Forwarder f = new Forwarder(
                outboxStore,
                sink,
                batchEvents,
                1 << 20,
                Duration.ZERO,
                Duration.ofDays(1),
                point -> {},
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        forwarders.add(f);
        f.start();
        return f;
    }

    private static HttpSink http(String url, Duration timeout) throws Exception {
        return new HttpSink(
                new HttpSinkSettings(
                        URI.create(url), SECRET, null, timeout, Duration.ofMillis(50), Duration.ofMillis(400), true),
                "gw-http",
                Clock.systemUTC());
    }

    /** Commits {@code perDevice} records for each device, a few devices per transaction, plus one status each. */
    private void commit(List<String> devices, long fromSeq, int perDevice) throws Exception {
        for (long seq = fromSeq; seq < fromSeq + perDevice; seq++) {
            StoreTransaction tx = new StoreTransaction();
            for (String d : devices) {
                tx.add(ForwardOutboxIT.record(d, seq, seq % 10 == 0 ? "conversation" : "utterance"));
                expected.add(ForwardEvent.recordEventId(d, seq));
            }
            store.commit(tx);
        }
        StoreTransaction status = new StoreTransaction();
        for (String d : devices) {
            String json =
                    "{\"schema\":\"voc.status/1\",\"device\":\"" + d + "\",\"up_to\":" + (fromSeq + perDevice) + "}";
            status.add(new StatusUpdate(d, "s1", true, "1.0", 0L, Instant.now(), json));
            expected.add(ForwardEvent.nameId("status:" + d + ":" + json));
        }
        store.commit(status);
    }

    private static void assertDeviceOrder(SignedReceiver r) {
        assertThat(r.orderPerDevice).isNotEmpty();
        r.orderPerDevice.forEach((device, seqs) -> {
            List<Long> copy;
            synchronized (seqs) {
                copy = List.copyOf(seqs);
            }
            assertThat(copy).as("first-seen order of %s", device).isSorted().doesNotHaveDuplicates();
            assertThat(copy.get(0)).isEqualTo(1L);
            assertThat(copy.get(copy.size() - 1)).isEqualTo(copy.size()); // no gap: 1..n
        });
    }

    @Test
    void everyEventArrivesSignedGzippedOnceInDeviceOrderAcrossOutagesAndALostAnswer() throws Exception {
        try (SignedReceiver r = new SignedReceiver(SECRET)) {
            r.mode = SignedReceiver.Mode.DOWN_503;
            Forwarder f = start(http(r.url("/voc/events"), Duration.ofSeconds(10)), 7);
            List<String> devices = List.of("dev-a", "dev-b", "dev-c", "dev-d");
            commit(devices, 1, 25);
            await().atMost(Duration.ofSeconds(30)).until(() -> r.refused.get() >= 3);
            assertThat(outboxStore.lag("http").events()).isEqualTo(expected.size());
            assertThat(r.events).isEmpty();

            r.stop(); // connection refused now
            commit(devices, 26, 10);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> f.health().get("last_error") != null
                            && f.health().get("last_error").toString().contains("cannot reach 127.0.0.1"));
            r.mode = SignedReceiver.Mode.ACCEPT_THEN_500; // the first batch after the outage: stored, answer lost
            r.startAgain();

            await().atMost(Duration.ofSeconds(60)).until(() -> r.events.size() == expected.size());
            assertThat(r.events.keySet()).isEqualTo(expected);
            assertThat(r.badSignatures.get()).isZero();
            assertThat(r.notGzip.get()).isZero();
            // The lost answer made the gateway send that batch again, under the same webhook-id; the receiver's
            // dedupe on event ids made it count once.
            assertThat(r.duplicates.get()).isPositive();
            assertThat(r.webhookIds.get(1)).isEqualTo(r.webhookIds.get(0));
            assertDeviceOrder(r);
            SignedReceiver.Seen first = r.events.get(ForwardEvent.recordEventId("dev-a", 10));
            assertThat(first.kind()).isEqualTo("conversation");
            assertThat(first.schema()).isEqualTo("voc.conversation/1");
            assertThat(first.payload().path("seq").asLong()).isEqualTo(10); // the protocol JSON, embedded as JSON
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> outboxStore.lag("http").events() == 0);
        }
    }

    /** Both sinks configured: Kafka unreachable, HTTP up. Each has its own cursor: HTTP drains, Kafka's lag stays. */
    @Test
    void eachSinkKeepsItsOwnProgressAndLag() throws Exception {
        try (SignedReceiver r = new SignedReceiver(SECRET)) {
            int deadPort = FreePorts.next();
            KafkaSettings kafka = KafkaSettings.plaintext(
                    "127.0.0.1:" + deadPort, "voc", Duration.ofMillis(5), Duration.ofSeconds(5));
            Forwarder k = start(new KafkaSink(kafka, "gw-http"), 50);
            Forwarder h = start(http(r.url("/in"), Duration.ofSeconds(10)), 50);
            commit(List.of("dev-a", "dev-b"), 1, 20);
            await().atMost(Duration.ofSeconds(30)).until(() -> r.events.size() == expected.size());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> outboxStore.lag("http").events() == 0);
            assertThat(outboxStore.lag("kafka").events()).isEqualTo(expected.size());
            assertThat(outboxStore.lag("kafka").bytes()).isPositive();
            // The Kafka forwarder makes its cursors between its (blocking, failing) attempts.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> outboxStore.sinks().equals(List.of("http", "kafka")));
            assertThat(outboxStore.lag("kafka").events()).isEqualTo(expected.size());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> (long) h.health().get("lag_events") == 0
                            && (long) k.health().get("lag_events") == expected.size());
            assertDeviceOrder(r);
        }
    }

    /**
     * A receiver that answers 307 to another host: the gateway never follows (the attacker's receiver gets nothing), the
     * events stay in the outbox, /health says why; neither the secret nor the token in the URL's query reach the log.
     */
    @Test
    void aRedirectIsNeverFollowedAndNoSecretIsLogged() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (SignedReceiver r = new SignedReceiver(SECRET);
                SignedReceiver attacker = new SignedReceiver(SECRET)) {
            System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
            r.mode = SignedReceiver.Mode.REDIRECT;
            r.redirectTo = attacker.url("/steal");
            Forwarder f = start(http(r.url("/voc/events?token=tok-SECRET-123"), Duration.ofSeconds(10)), 20);
            commit(List.of("dev-a"), 1, 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> r.requests.get() >= 3);
            assertThat(attacker.requests.get()).isZero();
            assertThat(outboxStore.lag("http").events()).isEqualTo(expected.size());
            await().atMost(Duration.ofSeconds(10)).until(() -> f.health().get("last_error") != null);
            String error = f.health().get("last_error").toString();
            assertThat(error).contains("HTTP 307").contains("redirects are not followed");

            r.mode = SignedReceiver.Mode.DOWN_503; // also a failure text of the receiver's own choosing
            await().atMost(Duration.ofSeconds(30)).until(() -> r.refused.get() >= 2);
            r.mode = SignedReceiver.Mode.UP;
            await().atMost(Duration.ofSeconds(30)).until(() -> r.events.size() == expected.size());
            System.err.flush();
            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("event=forward_failed sink=http"); // the capture did see the forwarder's lines
            for (String text : List.of(log, error, f.health().toString())) {
                assertThat(text)
                        .doesNotContain(SECRET)
                        .doesNotContain(SECRET.substring(6))
                        .doesNotContain("tok-SECRET-123");
            }
        } finally {
            System.setErr(original);
        }
    }

    /**
     * A receiver that accepts the connection and never answers: on SQLite (one pooled connection, shared with ingest)
     * the forwarder must not hold the store while it waits. Commits go on at full speed; the attempt ends at
     * forward.http.timeout, is retried, and everything arrives once the receiver answers again.
     */
    @Test
    void aHangingReceiverNeverHoldsUpIngest() throws Exception {
        try (SignedReceiver r = new SignedReceiver(SECRET)) {
            r.mode = SignedReceiver.Mode.HANG;
            Forwarder f = start(http(r.url("/slow"), Duration.ofSeconds(4)), 20);
            commit(List.of("dev-a", "dev-b"), 1, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> r.hanging.get() >= 1);
            long worst = 0;
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                commit(List.of("dev-a", "dev-b"), 2 + i * 2L, 2);
                worst = Math.max(worst, System.nanoTime() - t0);
            }
            // Generous for a loaded machine; holding the store for the request would mean >= 4 s (the timeout) or a
            // pool timeout (10 s) and a failed commit.
            assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> f.health().get("last_error") != null
                            && f.health()
                                    .get("last_error")
                                    .toString()
                                    .contains("no answer from 127.0.0.1 within 4000 ms"));
            r.mode = SignedReceiver.Mode.UP;
            r.hang.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> r.events.size() == expected.size());
            assertThat(r.events.keySet()).isEqualTo(expected);
            assertDeviceOrder(r);
        }
    }

    /** Writes to two streams (the console and the test's capture). */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
