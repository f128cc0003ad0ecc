package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert delivery under faults, with the real gateway jar as processes, a real Mosquitto and PostgreSQL, real device
 * agents and a real HTTP receiver checking Standard Webhooks signatures. Each test ends with: every alert the store
 * holds reached the receiver, none is missing for a record that should have fired (checked against the records by
 * SQL), no alert arrived under two message ids, and every alert belongs to exactly one consistent case.
 */
class AlertFaultIT {
    private static final String SECRET = "fault-test-webhook-secret-0123456789";
    private static final String TOPICS =
            "[delivery, deposit_contract, staff_attitude, price_discount, advisor_competence,"
                    + " test_drive, waiting_time, stock_availability, after_sales, financing, facility]";

    @TempDir
    Path dir;

    /** A receiver that checks signatures and records, per alert id, the webhook ids it came under. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final Map<String, List<String>> webhookIdsByAlert = new ConcurrentHashMap<>();
        final List<String> badSignatures = new CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        volatile boolean down;

        Receiver() throws Exception {
            ObjectMapper json = new ObjectMapper();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                byte[] body = ex.getRequestBody().readAllBytes();
                if (down) {
                    refused.incrementAndGet();
                    ex.sendResponseHeaders(503, -1);
                    ex.close();
                    return;
                }
                String id = ex.getRequestHeaders().getFirst("webhook-id");
                String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
                String sig = ex.getRequestHeaders().getFirst("webhook-signature");
                if (id == null
                        || ts == null
                        || sig == null
                        || !MessageDigest.isEqual(
                                sign(id, ts, body).getBytes(StandardCharsets.US_ASCII),
                                sig.getBytes(StandardCharsets.US_ASCII))) {
                    badSignatures.add(String.valueOf(id));
                    ex.sendResponseHeaders(401, -1);
                    ex.close();
                    return;
                }
                for (JsonNode a : json.readTree(body).path("data").path("alerts")) {
                    webhookIdsByAlert
                            .computeIfAbsent(a.path("id").asText(), k -> new CopyOnWriteArrayList<>())
                            .add(id);
                }
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            server.start();
        }

        static String sign(String id, String ts, byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
                return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/voc";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static List<String> alertsYaml(Receiver r) {
        return List.of(
                "alerts:",
                "  group_window: 1s",
                "  first_retry: 500ms",
                "  max_retry_delay: 2s",
                "  evaluate_every: 2s",
                "  channels: [{id: hook, kind: webhook, url: \"" + r.url() + "\", secret: \"" + SECRET + "\"}]",
                "  rules: [{id: unhappy, kind: negative_utterance, topics: " + TOPICS + ", max_score: 0.0}]");
    }

    private static List<String> strings(Scenario s, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(s.pg.jdbcUrl(), s.pg.user(), "");
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** The end state every test must reach: all alerts delivered, matching the records, ids stable, cases consistent. */
    private static void assertEveryAlertDeliveredOnceUnderOneId(Scenario s, Receiver r, boolean killedMidSend)
            throws Exception {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> s.store.count("SELECT count(*) FROM alert_deliveries WHERE state <> 'delivered'") == 0
                        && s.store.count("SELECT count(*) FROM alerts") > 0);
        // Alerts the records call for: one per (device, conversation) with an unhappy customer on a watched topic.
        long expected = s.store.count("SELECT count(DISTINCT r.device_id || ':' || r.conversation_id) FROM records r"
                + " JOIN record_topics t ON t.device_id = r.device_id AND t.seq = r.seq WHERE r.kind = 'utterance'"
                + " AND r.speaker_role = 'customer' AND r.sentiment_score <= 0 AND t.topic_id IN ("
                + String.join(
                        ",",
                        java.util.Arrays.stream(
                                        TOPICS.replaceAll("[\\[\\] ]", "").split(","))
                                .map(x -> "'" + x + "'")
                                .toList())
                + ")");
        List<String> stored = strings(s, "SELECT id FROM alerts");
        assertThat(stored).hasSize((int) expected);
        assertThat(r.webhookIdsByAlert.keySet()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(r.badSignatures).isEmpty();
        r.webhookIdsByAlert.forEach((alert, ids) -> {
            assertThat(new HashSet<>(ids)).as("message ids of alert %s", alert).hasSize(1);
            if (!killedMidSend) {
                assertThat(ids).as("deliveries of alert %s", alert).hasSize(1);
            }
        });
        // Cases: each alert in one existing case; each case's count matches its alerts; one open case per key.
        assertThat(s.store.count(
                        "SELECT count(*) FROM alerts a LEFT JOIN cases c ON c.id = a.case_id WHERE c.id IS NULL"))
                .isZero();
        assertThat(s.store.count("SELECT count(*) FROM cases c WHERE c.alert_count <> (SELECT count(*) FROM alerts a"
                        + " WHERE a.case_id = c.id)"))
                .isZero();
        assertThat(s.store.count("SELECT count(*) FROM cases"))
                .isEqualTo(s.store.count(
                        "SELECT count(DISTINCT 'conv:' || device_id || ':' || conversation_id) FROM alerts"));
    }

    @Test
    void gatewayKilledBetweenCommitAndDeliveryLosesNoAlert() throws Exception {
        try (Scenario s = new Scenario(dir);
                Receiver r = new Receiver()) {
            JarProcess g = s.startGateway(
                    s.gateway("g1", Map.of("VOC_GATEWAY_FAULT_PAUSE", "alert_before_send"), alertsYaml(r)), "g1");
            JarProcess dev = s.device("dev-a", s.replayFile("a", 300), 0, 64L * 1024 * 1024, true)
                    .start();
            Path marker = dir.resolve("gateway-g1/data/fault-alert_before_send");
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(marker));
            g.kill9();
            assertThat(s.store.count("SELECT count(*) FROM alerts"))
                    .as("alerts committed with their records")
                    .isPositive();
            assertThat(r.webhookIdsByAlert).isEmpty();
            s.startGateway(s.gateway("g1", Map.of(), alertsYaml(r)), "g1");
            assertThat(dev.waitForExit(Duration.ofSeconds(120)))
                    .as(dev.logText())
                    .isZero();
            assertEveryAlertDeliveredOnceUnderOneId(s, r, false);
        }
    }

    @Test
    void gatewayKilledDuringRetriesAndMidSendResendsUnderTheSameIds() throws Exception {
        try (Scenario s = new Scenario(dir);
                Receiver r = new Receiver()) {
            r.down = true;
            JarProcess g = s.startGateway(s.gateway("g1", Map.of(), alertsYaml(r)), "g1");
            JarProcess dev = s.device("dev-a", s.replayFile("b", 200), 0, 64L * 1024 * 1024, true)
                    .start();
            assertThat(dev.waitForExit(Duration.ofSeconds(120)))
                    .as(dev.logText())
                    .isZero();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> s.store.countSafely("SELECT count(*) FROM alert_deliveries WHERE attempts >= 2") > 0);
            Set<String> batchesBefore = new HashSet<>(
                    strings(s, "SELECT DISTINCT batch_id FROM alert_deliveries" + " WHERE batch_id IS NOT NULL"));
            g.kill9(); // during retries

            // Back with the receiver up, but killed again right after a send and before it was marked delivered.
            r.down = false;
            JarProcess g2 = s.startGateway(
                    s.gateway("g1", Map.of("VOC_GATEWAY_FAULT_PAUSE", "alert_after_send"), alertsYaml(r)), "g1");
            Path marker = dir.resolve("gateway-g1/data/fault-alert_after_send");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker));
            g2.kill9();
            s.startGateway(s.gateway("g1", Map.of(), alertsYaml(r)), "g1");
            assertEveryAlertDeliveredOnceUnderOneId(s, r, true);
            assertThat(r.refused.get()).isPositive();
            // The messages that had been tried before the first kill went out under those same ids.
            Set<String> delivered = new HashSet<>();
            r.webhookIdsByAlert
                    .values()
                    .forEach(ids -> ids.forEach(id -> delivered.add(id.substring("msg_".length()))));
            assertThat(delivered).containsAll(batchesBefore);
        }
    }

    @Test
    void twoGatewaysOnOnePostgresNeverDeliverTheSameAlertTwice() throws Exception {
        try (Scenario s = new Scenario(dir);
                Receiver r = new Receiver()) {
            s.startGateway(s.gateway("g1", Map.of(), alertsYaml(r)), "g1");
            s.startGateway(s.gateway("g2", Map.of(), alertsYaml(r)), "g2");
            JarProcess a = s.device("dev-a", s.replayFile("a", 300), 0, 64L * 1024 * 1024, true)
                    .start();
            JarProcess b = s.device("dev-b", s.replayFile("b", 300), 0, 64L * 1024 * 1024, true)
                    .start();
            assertThat(a.waitForExit(Duration.ofSeconds(120))).as(a.logText()).isZero();
            assertThat(b.waitForExit(Duration.ofSeconds(120))).as(b.logText()).isZero();
            assertEveryAlertDeliveredOnceUnderOneId(s, r, false);
        }
    }
}
