package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.testsupport.TcpOutage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a busy or absent store is not a bad record. Real gateway and device processes, a real Mosquitto; the store
 * is a real SQLite file write-locked by an outside writer, or a real PostgreSQL that goes away (its connections cut
 * and new ones refused by a relay in front of it: the server itself is shared with other tests and cannot be stopped)
 * and then has its records table locked. Every run ends with every seq of every device stored exactly once, no dead
 * letter, no record rejected to a device, and every outbox empty.
 *
 * <p>Devices use ack timeouts of 5, 15 and 60 s, so some re-send during the outage and some never do. Wall time:
 * about 1.5 + 2.5 + 1.5 minutes on an idle 2-core machine.
 */
class StoreOutageIT {
    private static final long BIG_OUTBOX = 64L * 1024 * 1024;

    /** Kept when a test fails: the gateway's and devices' logs are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** Holds SQLite's write lock on {@code file} like any other writer would (BEGIN IMMEDIATE), then lets go. */
    private static void holdWriteLock(Path file, Duration howLong) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Thread.sleep(howLong.toMillis());
            s.execute("ROLLBACK");
        }
    }

    private static String health(String httpUrl) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(httpUrl + "/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static Map<String, JarProcess> devices(
            Scenario s, Map<String, String> ackTimeouts, int records, double rate) throws Exception {
        Map<String, JarProcess> out = new LinkedHashMap<>();
        for (var e : ackTimeouts.entrySet()) {
            out.put(
                    e.getKey(),
                    s.device(e.getKey(), s.replayFile(e.getKey(), records), rate, BIG_OUTBOX, true, e.getValue())
                            .start());
        }
        return out;
    }

    private static void waitUntilStored(StoreQueries store, String device, int atLeast) {
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        return store.seqs(device).size() >= atLeast;
                    } catch (Exception notYet) {
                        return false;
                    }
                });
    }

    /** Each device exits 0 once synced; then: 1..last once each, no dead letter, nothing rejected, outbox empty. */
    private static void assertNothingLostNothingRejected(
            Scenario s, StoreQueries store, Map<String, JarProcess> devices) throws Exception {
        for (var e : devices.entrySet()) {
            JarProcess d = e.getValue();
            assertThat(d.waitForExit(Duration.ofSeconds(240))).as(d.logText()).isZero();
            long last = s.outbox(e.getKey()).lastSeq();
            Scenario.assertStoreHoldsExactly(store, e.getKey(), last, Duration.ofSeconds(30));
            assertThat(s.outbox(e.getKey()).depth())
                    .as("outbox of %s", e.getKey())
                    .isZero();
            assertThat(d.logText())
                    .as("no record of %s rejected", e.getKey())
                    .doesNotContain("record_rejected_by_gateway");
        }
        assertThat(store.count("SELECT COUNT(*) FROM dead_letters"))
                .as("dead letters")
                .isZero();
    }

    @Test
    void sqliteWriteLockedFor5And25SecondsWhileFourDevicesSync() throws Exception {
        try (Scenario s = new Scenario(dir)) {
            JarProcess g = s.startGateway(s.sqliteGateway("g1"), "g1");
            StoreQueries store = s.sqliteStore("g1");
            Map<String, JarProcess> devices =
                    devices(s, Map.of("dev-a", "5s", "dev-b", "15s", "dev-c", "60s", "dev-d", "5s"), 400, 8);
            waitUntilStored(store, "dev-a", 20);
            holdWriteLock(s.sqliteFile("g1"), Duration.ofSeconds(5));
            waitUntilStored(store, "dev-a", 80);
            Thread lock = Thread.ofPlatform().start(() -> {
                try {
                    holdWriteLock(s.sqliteFile("g1"), Duration.ofSeconds(25));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // While locked: /health names the cause (the gateway's SELECT 1 still works on a write-locked file).
            String httpUrl = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(dir.resolve("gateway-g1/data/runtime.json").toFile())
                    .get("http_url")
                    .asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> health(httpUrl).contains("\"store_state\":\"store_busy\""));
            lock.join();
            assertNothingLostNothingRejected(s, store, devices);
            assertThat(g.logText()).contains("event=store_unavailable cause=store_busy");
        }
    }

    @Test
    void sqliteWriteLockedFor90Seconds() throws Exception {
        try (Scenario s = new Scenario(dir)) {
            s.startGateway(s.sqliteGateway("g1"), "g1");
            StoreQueries store = s.sqliteStore("g1");
            Map<String, JarProcess> devices = devices(s, Map.of("dev-a", "5s", "dev-c", "60s"), 200, 5);
            waitUntilStored(store, "dev-a", 10);
            holdWriteLock(s.sqliteFile("g1"), Duration.ofSeconds(90));
            assertNothingLostNothingRejected(s, store, devices);
        }
    }

    @Test
    void postgresqlGoneFor30SecondsThenItsRecordsTableLocked() throws Exception {
        try (Scenario s = new Scenario(dir);
                TcpOutage outage = TcpOutage.forPostgres()) {
            JarProcess g = s.startGateway(
                    s.gatewayWithStore(
                            "g1",
                            Map.of(),
                            List.of(
                                    "  kind: postgresql",
                                    "  jdbc_url: " + outage.jdbcUrl(s.pg),
                                    "  user: " + s.pg.user()),
                            List.of()),
                    "g1");
            Map<String, JarProcess> devices =
                    devices(s, Map.of("dev-a", "5s", "dev-b", "15s", "dev-c", "60s", "dev-d", "5s"), 300, 8);
            waitUntilStored(s.store, "dev-a", 20);
            outage.down();
            Thread.sleep(30_000);
            outage.up();
            waitUntilStored(s.store, "dev-a", 250);
            try (Connection c = s.pg.connect();
                    Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("LOCK TABLE records IN ACCESS EXCLUSIVE MODE");
                Thread.sleep(20_000);
                c.rollback();
            }
            assertNothingLostNothingRejected(s, s.store, devices);
            assertThat(g.logText()).contains("cause=store_unreachable");
        }
    }
}
