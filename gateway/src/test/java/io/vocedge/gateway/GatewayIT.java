package io.vocedge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Limits;
import io.vocedge.testsupport.MosquittoBroker;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway against a real Mosquitto, with both stores: PostgreSQL (fresh database) and SQLite (fresh file). */
class GatewayIT {
    @TempDir
    Path dir;

    private record Env(MosquittoBroker broker, PostgresDatabase pg, GatewayApp app, String jdbc, String user)
            implements AutoCloseable {
        @Override
        public void close() {
            app.close();
            broker.close();
            if (pg != null) {
                pg.close();
            }
        }

        long count(String sql) throws Exception {
            try (Connection c = DriverManager.getConnection(jdbc, user, "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Env start(String store, String registryMode) throws Exception {
        MosquittoBroker broker = MosquittoBroker.start();
        PostgresDatabase pg = store.equals("postgresql") ? PostgresDatabase.create() : null;
        String yaml = "gateway_id: it-1\nbroker:\n  url: " + broker.url() + "\nregistry:\n  mode: " + registryMode
                + "\n"
                + (pg != null
                        ? "store:\n  kind: postgresql\n  jdbc_url: " + pg.jdbcUrl() + "\n  user: " + pg.user() + "\n"
                        : "");
        Path cfg = dir.resolve("gateway.yaml");
        java.nio.file.Files.writeString(cfg, yaml);
        GatewayApp app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
        String jdbc = pg != null ? pg.jdbcUrl() : "jdbc:sqlite:" + dir.resolve("data/voc.db");
        return new Env(broker, pg, app, jdbc, pg != null ? pg.user() : "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void storesEachRecordOnceAcksAfterCommitAndKeepsQueryableColumns(String store) throws Exception {
        try (Env env = start(store, "open");
                FakeDevice dev = new FakeDevice(env.broker().url(), "site-a", "dev-1")) {
            dev.publish(dev.batch("b1", 1, 100));
            dev.publish(dev.batch("b2", 101, 200));
            await().atMost(Duration.ofSeconds(20)).until(() -> dev.acks.size() == 2);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'dev-1'"))
                    .isEqualTo(200);
            assertThat(dev.acks).extracting(Ack::batchId).containsExactlyInAnyOrder("b1", "b2");
            assertThat(dev.acks.stream()
                            .filter(a -> a.batchId().equals("b1"))
                            .findFirst()
                            .orElseThrow()
                            .stored())
                    .containsExactly(new Ack.SeqRange(1, 100));
            // Queryable: topic, sentiment, speaker, site - not only a JSON blob.
            assertThat(env.count("SELECT COUNT(*) FROM record_topics WHERE topic_id = 'delivery'"))
                    .isEqualTo(200);
            assertThat(env.count(
                            "SELECT COUNT(*) FROM records WHERE sentiment = 'negative' AND speaker_role = 'customer'"
                                    + " AND site = 'site-a' AND kind = 'utterance'"))
                    .isEqualTo(200);
            assertThat(env.count("SELECT COUNT(*) FROM devices WHERE device_id = 'dev-1'"))
                    .isEqualTo(1);

            // A replayed old batch and a flood of duplicates: acked again, stored once, counted.
            for (int i = 0; i < 20; i++) {
                dev.publish(dev.batch("replay-" + i, 1, 100));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> dev.acks.size() == 22);
            assertThat(env.count("SELECT COUNT(*) FROM records")).isEqualTo(200);
            assertThat(env.app().metrics().duplicates()).isEqualTo(2000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void hostileInputIsDeadLetteredWithReasonsWhileGoodTrafficFlows(String store) throws Exception {
        try (Env env = start(store, "open");
                FakeDevice good = new FakeDevice(env.broker().url(), "site-a", "good-1");
                FakeDevice evil = new FakeDevice(env.broker().url(), "site-a", "evil-1")) {
            List<byte[]> hostile = new ArrayList<>();
            hostile.add("{\"schema\": \"voc.batch/1\", ".getBytes(StandardCharsets.UTF_8));
            hostile.add(
                    "{\"schema\":\"voc.batch/7\",\"device_id\":\"evil-1\",\"batch_id\":\"x\",\"records\":[{\"schema\":\"voc.utterance/1\"}]}"
                            .getBytes(StandardCharsets.UTF_8));
            hostile.add(new byte[Limits.MAX_MESSAGE_BYTES + 10]);
            hostile.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
            // Claims to be good-1 on evil-1's topic.
            hostile.add(good.batch("spoof", 1000, 1001));
            for (int round = 0; round < 3; round++) {
                for (byte[] h : hostile) {
                    evil.publish(h);
                }
                good.publish(good.batch("g" + round, round * 10L + 1, round * 10L + 10));
            }
            // A batch with one record of another schema major and one naming another device: those two are
            // rejected by seq, the rest stored.
            String mixed = new String(evil.batch("mixed", 1, 3), StandardCharsets.UTF_8)
                    .replaceFirst("\"schema\":\"voc.utterance/1\"", "\"schema\":\"voc.utterance/9\"")
                    .replaceFirst("\"device_id\":\"evil-1\",\"seq\":3", "\"device_id\":\"good-1\",\"seq\":3");
            evil.publish(mixed.getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(20)).until(() -> good.acks.size() == 3 && evil.acks.size() == 1);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'good-1'"))
                    .isEqualTo(30);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'evil-1'"))
                    .isEqualTo(1);
            Ack mixedAck = evil.acks.get(0);
            assertThat(mixedAck.stored()).containsExactly(new Ack.SeqRange(2, 2));
            assertThat(mixedAck.rejected()).extracting(Ack.Rejected::seq).containsExactlyInAnyOrder(1L, 3L);
            assertThat(env.count("SELECT COUNT(*) FROM dead_letters")).isEqualTo(3 * 5 + 2);
            assertThat(env.count("SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%unknown schema%'"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(env.count(
                            "SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%exceeds the 262144-byte limit%'"))
                    .isEqualTo(3);
            assertThat(env.count(
                            "SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%payload claims device ''good-1''%'"))
                    .isEqualTo(3);
            assertThat(env.count("SELECT COUNT(*) FROM dead_letters WHERE payload_encoding = 'base64'"))
                    .isEqualTo(3);
            assertThat(env.app().metrics().deadLetters("foreign_device")).isEqualTo(3);
            assertThat(env.app().metrics().deadLetters("malformed_json")).isEqualTo(6);
        }
    }

    private java.net.http.HttpResponse<String> admin(Env env, String method, String path, String body)
            throws Exception {
        String token =
                java.nio.file.Files.readString(dir.resolve("data/admin-token")).trim();
        var req = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(env.app().httpUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql"})
    void strictRegistryRefusesUnknownAndRevokedDevicesManagedThroughTheAdminApi(String store) throws Exception {
        try (Env env = start(store, "strict");
                FakeDevice known = new FakeDevice(env.broker().url(), "site-a", "known-1");
                FakeDevice stranger = new FakeDevice(env.broker().url(), "site-a", "stranger-1")) {
            var created = admin(
                    env,
                    "POST",
                    "/admin/devices",
                    "{\"device_id\":\"known-1\",\"site\":\"site-a\",\"name\":\"desk 1\",\"cert_fingerprint\":\"ab:cd\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            var duplicate = admin(
                    env,
                    "POST",
                    "/admin/devices",
                    "{\"device_id\":\"other-9\",\"site\":\"site-a\",\"name\":\"desk 1\"}");
            assertThat(duplicate.statusCode()).isEqualTo(409);
            assertThat(duplicate.body()).contains("already has a device named 'desk 1'");
            var http = java.net.http.HttpClient.newHttpClient();
            var noToken = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(env.app().httpUrl() + "/admin/devices"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(401);

            known.publish(known.batch("k1", 1, 5));
            stranger.publish(stranger.batch("s1", 1, 5));
            await().atMost(Duration.ofSeconds(20)).until(() -> known.acks.size() == 1);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'known-1'"))
                    .isEqualTo(5);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            env.count("SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%not enrolled%'") == 1);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'stranger-1'"))
                    .isZero();
            assertThat(stranger.acks).isEmpty();

            assertThat(admin(env, "POST", "/admin/devices/known-1/revoke", null).statusCode())
                    .isEqualTo(200);
            known.publish(known.batch("k2", 6, 7));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> env.count("SELECT COUNT(*) FROM dead_letters WHERE reason LIKE '%is revoked%'") == 1);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'known-1'"))
                    .isEqualTo(5);
            assertThat(known.acks).hasSize(1);
            assertThat(admin(env, "GET", "/admin/devices", null).body()).contains("\"state\":\"revoked\"");
        }
    }

    @org.junit.jupiter.api.Test
    void aSecondGatewayOnTheSameDataDirIsRefusedAndLeavesTheFirstAlone() throws Exception {
        try (Env env = start("sqlite", "open")) {
            Path runtime = dir.resolve("data/runtime.json");
            assertThat(runtime).exists();
            // console_url is the console's sign-in page on the gateway's one HTTP server (bin/demo prints it).
            String consoleUrl = new ObjectMapper()
                    .readTree(runtime.toFile())
                    .path("console_url")
                    .asText();
            assertThat(consoleUrl).isEqualTo(env.app().httpUrl() + "/login");
            var signIn = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(consoleUrl))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("name=\"password\"");
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            GatewayApp.start(GatewayConfig.load(dir.resolve("gateway.yaml"), dir.resolve("data"))))
                    .hasMessageContaining("in use by another gateway");
            assertThat(runtime).exists();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aNulCharacterInTextIsStoredAsReplacementNotAPoisonTransaction(String store) throws Exception {
        try (Env env = start(store, "open");
                FakeDevice dev = new FakeDevice(env.broker().url(), "site-a", "nul-1")) {
            String batch = new String(dev.batch("n1", 1, 3), StandardCharsets.UTF_8)
                    .replaceFirst("slipping 2", "slip\\\\u0000ping");
            dev.publish(batch.getBytes(StandardCharsets.UTF_8));
            dev.publish(dev.batch("n2", 4, 6));
            await().atMost(Duration.ofSeconds(20)).until(() -> dev.acks.size() == 2);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'nul-1'"))
                    .isEqualTo(6);
            assertThat(dev.acks.stream().flatMap(a -> a.rejected().stream()).toList())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aForgetResultDeletesThatDevicesStoredRecordsOfTheWindowAuditedAndCounted(String store) throws Exception {
        try (Env env = start(store, "open");
                FakeDevice dev = new FakeDevice(env.broker().url(), "site-a", "fg-1");
                FakeDevice other = new FakeDevice(env.broker().url(), "site-a", "fg-2")) {
            dev.publish(dev.batch("f1", 1, 10));
            other.publish(other.batch("o1", 1, 10));
            await().atMost(Duration.ofSeconds(20)).until(() -> dev.acks.size() == 1 && other.acks.size() == 1);
            java.time.Instant t0 = java.time.Instant.parse("2026-11-22T10:00:00Z");
            // Records are recorded at t0 + seq seconds: the window [t0+3s, t0+5s] holds seqs 3, 4 and 5.
            byte[] forget = io.vocedge.protocol.Json.newMapper()
                    .writeValueAsBytes(new io.vocedge.protocol.CommandResult(
                            "forget-button-1",
                            "fg-1",
                            true,
                            "forgot",
                            java.time.Instant.now(),
                            java.util.Map.of(
                                    "forget_from",
                                    t0.plusSeconds(3).toString(),
                                    "forget_to",
                                    t0.plusSeconds(5).toString())));
            // A window over 24 h is refused (nothing deleted), and another device cannot speak for fg-1.
            byte[] tooWide = io.vocedge.protocol.Json.newMapper()
                    .writeValueAsBytes(new io.vocedge.protocol.CommandResult(
                            "forget-wide",
                            "fg-1",
                            true,
                            "forgot",
                            java.time.Instant.now(),
                            java.util.Map.of(
                                    "forget_from",
                                    t0.minusSeconds(100_000).toString(),
                                    "forget_to",
                                    t0.plusSeconds(100).toString())));
            dev.publishOn(io.vocedge.protocol.Topics.commandResult("site-a", "fg-1"), tooWide);
            other.publishOn(io.vocedge.protocol.Topics.commandResult("site-a", "fg-2"), forget);
            dev.publishOn(io.vocedge.protocol.Topics.commandResult("site-a", "fg-1"), forget);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> env.count("SELECT COUNT(*) FROM command_results WHERE command_id = 'forget-button-1'")
                            == 1);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'fg-1'"))
                    .isEqualTo(7);
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'fg-1' AND seq BETWEEN 3 AND 5"))
                    .isZero();
            assertThat(env.count("SELECT COUNT(*) FROM record_topics WHERE device_id = 'fg-1' AND seq BETWEEN 3 AND 5"))
                    .isZero();
            assertThat(env.count("SELECT COUNT(*) FROM records WHERE device_id = 'fg-2'"))
                    .isEqualTo(10);
            assertThat(env.count("SELECT COUNT(*) FROM console_audit WHERE action = 'forget' AND actor = 'device:fg-1' "
                            + "AND detail LIKE '%records_deleted=3%'"))
                    .isEqualTo(1);
            assertThat(env.count("SELECT COUNT(*) FROM command_results WHERE command_id = 'forget-button-1' "
                            + "AND message LIKE '%gateway deleted 3 stored records%'"))
                    .isEqualTo(1);
        }
    }
}
