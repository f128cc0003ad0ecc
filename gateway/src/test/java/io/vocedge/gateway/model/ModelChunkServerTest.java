package io.vocedge.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.protocol.ModelManifest;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chunk server against a real (SQLite) store: a valid request gets a chunk that verifies against the manifest;
 * every attacker case gets nothing, is counted under its reason and leaves the server answering later valid requests.
 */
class ModelChunkServerTest {
    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    @TempDir
    Path dir;

    private JdbcVocStore store;
    private ModelPublications pubs;
    private final ObjectMapper json = Json.newMapper();
    private final Map<String, DeviceEntry> registry = new ConcurrentHashMap<>();
    private final List<String[]> sent = new CopyOnWriteArrayList<>();
    private final List<byte[]> sentPayloads = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private ModelChunkServer server;
    private byte[] v1;
    private byte[] s2Only;

    @BeforeEach
    void setUp() throws Exception {
        store = TestStores.open("sqlite", dir, null, 1);
        pubs = new ModelPublications(store.dataSource(), store.dialect());
        registry.put("dev-a", ModelFiles.device("dev-a", "s1"));
        registry.put("dev-b", ModelFiles.device("dev-b", "s2"));
        DeviceEntry r = ModelFiles.device("dev-r", "s1");
        registry.put(
                "dev-r",
                new DeviceEntry(
                        r.deviceId(),
                        r.site(),
                        r.name(),
                        null,
                        DeviceEntry.REVOKED,
                        r.registeredAt(),
                        Instant.now(),
                        null,
                        false,
                        null,
                        null));
        v1 = ModelFiles.model("1-aaaa");
        s2Only = ModelFiles.model("9-site2", 10_000);
        pubs.publish(v1, "v1.vocim", ModelPublications.ALL_SITES, "ops");
        server = new ModelChunkServer(
                pubs,
                id -> Optional.ofNullable(registry.get(id)),
                (topic, payload, retained) -> {
                    sent.add(new String[] {topic, String.valueOf(retained)});
                    sentPayloads.add(payload);
                    return true;
                },
                json,
                SCHEMAS,
                clock::get);
    }

    @AfterEach
    void tearDown() {
        server.close();
        store.close();
    }

    private static byte[] request(String version, int index) {
        return ("{\"schema\":\"voc.model-request/1\",\"version\":\"" + version + "\",\"index\":" + index + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void nextSecond() {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    }

    private ModelManifest manifest(String version) throws Exception {
        var p = pubs.latest().stream()
                .filter(x -> x.version().equals(version))
                .findFirst()
                .orElseThrow();
        return pubs.loaded(p).manifest();
    }

    @Test
    void aValidRequestIsAnsweredWithAChunkThatVerifiesAndTheWholeFileReassembles() throws Exception {
        ModelManifest m = manifest("1-aaaa");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < m.chunks(); i++) {
            assertThat(server.handle(Topics.modelRequest("s1", "dev-a"), request("1-aaaa", i)))
                    .isNull();
            assertThat(sent.get(i)).containsExactly(Topics.modelChunk("s1", "dev-a"), "false");
            ModelChunk c = json.readValue(sentPayloads.get(i), ModelChunk.class);
            assertThat(json.readTree(sentPayloads.get(i)).get("schema").asText())
                    .isEqualTo("voc.model-chunk/1");
            assertThat(SCHEMAS.problems(json.readTree(sentPayloads.get(i)))).isEmpty();
            assertThat(sentPayloads.get(i).length).isLessThan(Limits.MAX_MESSAGE_BYTES);
            file.write(m.verifyChunk(c));
        }
        assertThat(m.matchesFile(file.toByteArray())).isTrue();
        assertThat(server.served()).isEqualTo(3);
        assertThat(server.refusedTotal()).isZero();
    }

    @Test
    void attackersGetNoBytesAndTheServerGoesOnServing() throws Exception {
        pubs.publish(s2Only, "s2.vocim", "s2", "ops");
        server.forgetLatest();
        String a = Topics.modelRequest("s1", "dev-a");
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("wrong_version", new Object[] {a, request("7-never-published", 0)});
        cases.put("wrong_version ", new Object[] {a, request("9-site2", 0)}); // another site's version
        cases.put("index_out_of_range", new Object[] {a, request("1-aaaa", 3)});
        cases.put("index_out_of_range ", new Object[] {a, request("1-aaaa", 63)});
        cases.put("bad_json", new Object[] {a, "{not json".getBytes(StandardCharsets.UTF_8)});
        cases.put("bad_json ", new Object[] {a, new byte[] {(byte) 0xff, 0, 1}});
        cases.put("bad_schema", new Object[] {a, request("1-aaaa", -1)});
        cases.put("bad_schema ", new Object[] {a, request("../../etc/passwd", 0)});
        cases.put("bad_schema  ", new Object[] {a, "[]".getBytes(StandardCharsets.UTF_8)});
        cases.put("bad_schema   ", new Object[] {
            a, "{\"schema\":\"voc.model-request/1\",\"version\":\"1-aaaa\",\"index\":0,\"x\":1}".getBytes()
        });
        cases.put("too_large", new Object[] {a, new byte[Limits.MAX_MESSAGE_BYTES + 1]});
        cases.put("revoked", new Object[] {Topics.modelRequest("s1", "dev-r"), request("1-aaaa", 0)});
        cases.put("unknown_device", new Object[] {Topics.modelRequest("s1", "dev-x"), request("1-aaaa", 0)});
        cases.put("site_mismatch", new Object[] {Topics.modelRequest("s2", "dev-a"), request("9-site2", 0)});
        cases.put("bad_topic", new Object[] {"voc/v1/s1/dev-a/up/records", request("1-aaaa", 0)});
        cases.put("bad_topic ", new Object[] {"voc/v1/s1/dev-a/up/model_request/x", request("1-aaaa", 0)});
        cases.put("bad_topic  ", new Object[] {"voc/v1/S 1/dev-a/up/model_request", request("1-aaaa", 0)});
        cases.put("bad_topic   ", new Object[] {null, request("1-aaaa", 0)});
        for (var e : cases.entrySet()) {
            nextSecond(); // each case within the device's rate, so it is refused for its own reason
            String reason = server.handle((String) e.getValue()[0], (byte[]) e.getValue()[1]);
            assertThat(reason).as(e.getKey()).isEqualTo(e.getKey().trim());
        }
        assertThat(sent).as("no bytes for any of them").isEmpty();
        assertThat(server.refused("wrong_version")).isEqualTo(2);
        assertThat(server.refused("bad_topic")).isEqualTo(4);

        // dev-b of s2 gets its site's version; dev-a still gets its own.
        assertThat(server.handle(Topics.modelRequest("s2", "dev-b"), request("9-site2", 0)))
                .isNull();
        assertThat(server.handle(a, request("1-aaaa", 2))).isNull();
        assertThat(sent)
                .extracting(s -> s[0])
                .containsExactly(Topics.modelChunk("s2", "dev-b"), Topics.modelChunk("s1", "dev-a"));
        assertThat(manifest("1-aaaa").verifyChunk(json.readValue(sentPayloads.get(1), ModelChunk.class)))
                .hasSize(v1.length - 2 * Limits.MODEL_CHUNK_BYTES);
    }

    @Test
    void aFloodBeyondTheRateIsRefusedAndTheDeviceIsServedAgainASecondLater() throws Exception {
        String a = Topics.modelRequest("s1", "dev-a");
        int served = 0;
        for (int i = 0; i < 1000; i++) {
            if (server.handle(a, request("1-aaaa", i % 3)) == null) {
                served++;
            }
        }
        // The burst, then ONE request held for the next token, the rest refused: at most 4 chunks per second.
        assertThat(served).isEqualTo(ModelChunkServer.CHUNKS_PER_SECOND);
        assertThat(server.paced()).isEqualTo(1);
        assertThat(server.refused("rate_limited")).isEqualTo(1000 - ModelChunkServer.CHUNKS_PER_SECOND - 1);
        // Garbage in the flood is rate limited too: it costs no parsing.
        assertThat(server.handle(a, "{garbage".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("rate_limited");
        // Another device is not affected by dev-a's flood.
        assertThat(server.handle(Topics.modelRequest("s2", "dev-b"), request("1-aaaa", 0)))
                .isNull();
        assertThat(sent).hasSize(ModelChunkServer.CHUNKS_PER_SECOND + 1);
        // The held request is answered when its token comes (1/4 s), not before.
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(server.answerHeld()).isZero();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(server.answerHeld()).isEqualTo(1);
        assertThat(sent).hasSize(ModelChunkServer.CHUNKS_PER_SECOND + 2);
        // Half a second later: two more tokens; then one held, then refused.
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(server.handle(a, request("1-aaaa", 0))).isNull();
        assertThat(server.handle(a, request("1-aaaa", 1))).isNull();
        assertThat(server.handle(a, request("1-aaaa", 2))).isEqualTo(ModelChunkServer.PACED);
        assertThat(server.handle(a, request("1-aaaa", 2))).isEqualTo("rate_limited");
        nextSecond();
        assertThat(server.answerHeld()).isEqualTo(1);
        for (int i = 0; i < ModelChunkServer.CHUNKS_PER_SECOND - 1; i++) {
            assertThat(server.handle(a, request("1-aaaa", i % 3))).isNull();
        }
        // Only a small request is held: a big payload over the rate is refused at once.
        assertThat(server.handle(a, new byte[ModelChunkServer.HOLD_MAX_BYTES + 1]))
                .isEqualTo("rate_limited");
    }

    @Test
    void aDeviceAskingChunkAfterChunkIsPacedNotRefused() throws Exception {
        // The agent asks for the next chunk as soon as one arrived: faster than 4/s on a LAN. Every request is
        // answered, the fifth and later ones a quarter of a second apart (on the test's clock).
        server.start();
        var m = manifest("1-aaaa");
        long t0 = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < m.chunks(); i++) {
                int before = sent.size();
                server.offer(Topics.modelRequest("s1", "dev-a"), request("1-aaaa", i));
                clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(50)); // 20 requests a second on the test's clock
                await().atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> {
                            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
                            return sent.size() == before + 1;
                        });
            }
        }
        assertThat(server.served()).isEqualTo(9);
        assertThat(server.refusedTotal()).isZero();
        assertThat(server.paced()).isPositive();
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void aNewPublicationIsServedAndTheOldVersionIsRefused() throws Exception {
        String a = Topics.modelRequest("s1", "dev-a");
        assertThat(server.handle(a, request("1-aaaa", 0))).isNull();
        pubs.publish(ModelFiles.model("2-bbbb", 5000), "v2.vocim", "s1", "ops");
        nextSecond(); // the server re-reads the publications at most once a second
        assertThat(server.handle(a, request("1-aaaa", 1))).isEqualTo("wrong_version");
        assertThat(server.handle(a, request("2-bbbb", 0))).isNull();
        assertThat(server.handle(a, request("2-bbbb", 1))).isEqualTo("index_out_of_range");
    }

    @Test
    void theQueueIsBoundedAndTheThreadSurvivesBadMessages() throws Exception {
        // Not started: the queue fills, then offers are refused at once (the MQTT thread never blocks).
        for (int i = 0; i < ModelChunkServer.QUEUE + 50; i++) {
            server.offer(Topics.modelRequest("s1", "dev-a"), request("1-aaaa", 0));
        }
        assertThat(server.refused("busy")).isEqualTo(50);

        var live = new ModelChunkServer(
                        pubs,
                        id -> Optional.ofNullable(registry.get(id)),
                        (topic, payload, retained) -> {
                            sent.add(new String[] {topic, String.valueOf(retained)});
                            return true;
                        },
                        json,
                        SCHEMAS,
                        System::nanoTime)
                .start();
        try {
            live.offer(null, null);
            live.offer("voc/v1/s1/dev-a/up/model_request", null);
            live.offer(Topics.modelRequest("s1", "dev-a"), "\u0000garbage".getBytes(StandardCharsets.UTF_8));
            live.offer(Topics.modelRequest("s1", "dev-a"), request("1-aaaa", 1));
            await().atMost(Duration.ofSeconds(5)).until(() -> live.served() == 1);
            assertThat(live.refusedTotal()).isEqualTo(3);
            assertThat(sent).hasSize(1);
        } finally {
            live.close();
        }
    }

    @Test
    void aFailedPublishIsCountedAndNotServed() throws Exception {
        var failing = new ModelChunkServer(
                pubs, id -> Optional.ofNullable(registry.get(id)), (t, p, r) -> false, json, SCHEMAS, clock::get);
        assertThat(failing.handle(Topics.modelRequest("s1", "dev-a"), request("1-aaaa", 0)))
                .isEqualTo("unavailable");
        assertThat(failing.served()).isZero();
    }
}
