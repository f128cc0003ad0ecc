package io.vocedge.gateway.alerts;

import static io.vocedge.gateway.alerts.AlertsIT.commit;
import static io.vocedge.gateway.alerts.AlertsIT.count;
import static io.vocedge.gateway.alerts.AlertsIT.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule kind fires on what it should, once, and not on what it should not - on both stores. */
class RulesIT {
    @TempDir
    Path dir;

    private static final String RULES = """
            alerts:
              sites: {s1: {time_zone: Europe/Berlin, store_hours: "09:00-20:00"}}
              channels: [{id: hook, kind: slack, url: "http://127.0.0.1:9/none"}]
              rules:
                - {id: deposit, kind: negative_utterance, topics: [deposit_contract], max_score: -0.5}
                - {id: swearing, kind: staff_profanity}
                - {id: greet, kind: compliance_rate, measure: greeting, threshold: 0.6, last_n: 5}
                - {id: spike, kind: topic_spike, topics: [delivery], min_count: 4, factor: 3}
                - {id: stale, kind: outbox_stale, older_than: 1h}
                - {id: offline, kind: device_offline, after: 15m}
                - {id: certs, kind: cert_expiry, files: [%s], within: 14d}
            """;

    static StoredRecord utterance(
            String device,
            long seq,
            String site,
            String conv,
            String role,
            double score,
            List<String> topics,
            List<String> flags,
            Instant at) {
        String payload = "{\"schema\":\"voc.utterance/1\",\"flags\":["
                + String.join(",", flags.stream().map(f -> "\"" + f + "\"").toList()) + "]}";
        return new StoredRecord(
                device,
                seq,
                "voc.utterance/1",
                "utterance",
                site,
                conv,
                role,
                "en",
                "text",
                score < 0 ? "negative" : "neutral",
                score,
                "1",
                at,
                true,
                "boot",
                seq,
                at,
                at,
                topics.stream().map(t -> new StoredRecord.Topic(t, null)).toList(),
                payload,
                false,
                false,
                null,
                null);
    }

    static StoredRecord summary(String device, long seq, String site, boolean greeting, Instant at) {
        String payload =
                "{\"schema\":\"voc.conversation/1\",\"compliance\":{\"greeting\":" + greeting + ",\"thanks\":true}}";
        return new StoredRecord(
                device,
                seq,
                "voc.conversation/1",
                "conversation",
                site,
                "c" + seq,
                null,
                "en",
                null,
                "neutral",
                0.0,
                "1",
                at,
                true,
                "boot",
                seq,
                at,
                at,
                List.of(),
                payload,
                false,
                false,
                false,
                null);
    }

    static StoredRecord telemetry(String device, long seq, String site, double oldestAge, Instant at) {
        String payload = "{\"schema\":\"voc.telemetry/1\",\"metrics\":{\"outbox_oldest_age_s\":" + oldestAge + "}}";
        return new StoredRecord(
                device,
                seq,
                "voc.telemetry/1",
                "telemetry",
                site,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                at,
                true,
                "boot",
                seq,
                at,
                at,
                List.of(),
                payload);
    }

    private Path certificate(int days) throws Exception {
        Path cert = dir.resolve("cert-" + days + ".pem");
        Process p = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-days",
                        Integer.toString(days),
                        "-subj",
                        "/CN=voc-test-ca",
                        "-keyout",
                        dir.resolve("key-" + days + ".pem").toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("openssl made a certificate")
                .isTrue();
        return cert;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void eachRuleKindFiresOnceOnWhatItWatches(String kind) throws Exception {
        Path soon = certificate(5);
        AlertsSettings a = GatewayConfig.read(ConfigDocument.parse(RULES.formatted(soon), "rules.yaml"), dir)
                .alerts();
        Instant now = Instant.now();
        // 12:00 in Berlin today, inside store hours.
        Instant noon = now.atZone(java.time.ZoneId.of("Europe/Berlin"))
                .withHour(12)
                .withMinute(0)
                .withSecond(0)
                .withNano(0)
                .toInstant();
        MutableClock clock = new MutableClock(noon);
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 4);
                AlertsService alerts = new AlertsService(
                        a,
                        store.dataSource(),
                        store.dialect(),
                        Json.newMapper(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        clock,
                        "gw",
                        "k".repeat(32).getBytes(StandardCharsets.UTF_8),
                        () -> "https://gw",
                        null)) {
            store.addParticipant(alerts);
            long seq = 1;
            // Negative customer utterances about a watched topic: one alert per conversation; other topics, staff,
            // mild: none.
            commit(
                    store,
                    utterance("d1", seq++, "s1", "c1", "customer", -0.8, List.of("deposit_contract"), List.of(), noon),
                    utterance("d1", seq++, "s1", "c1", "customer", -0.9, List.of("deposit_contract"), List.of(), noon),
                    utterance("d1", seq++, "s1", "c2", "customer", -0.8, List.of("parking"), List.of(), noon),
                    utterance("d1", seq++, "s1", "c3", "staff", -0.8, List.of("deposit_contract"), List.of(), noon),
                    utterance("d1", seq++, "s1", "c4", "customer", -0.3, List.of("deposit_contract"), List.of(), noon));
            assertThat(strings(store, "SELECT conversation_id FROM alerts WHERE rule_id = 'deposit'"))
                    .containsExactly("c1");
            // Staff profanity only for staff.
            commit(
                    store,
                    utterance("d1", seq++, "s1", "c5", "staff", 0, List.of(), List.of("profanity"), noon),
                    utterance("d1", seq++, "s1", "c6", "customer", 0, List.of(), List.of("profanity"), noon));
            assertThat(strings(store, "SELECT conversation_id FROM alerts WHERE rule_id = 'swearing'"))
                    .containsExactly("c5");
            // Greeting rate: 4 conversations are not enough to judge; the 5th makes 2/5 = 40% < 60%.
            for (int i = 0; i < 4; i++) {
                commit(store, summary("d2", seq++, "s1", i < 2, noon.plusSeconds(i)));
            }
            assertThat(count(store, "SELECT count(*) FROM alerts WHERE rule_id = 'greet'"))
                    .isZero();
            commit(store, summary("d2", seq++, "s1", false, noon.plusSeconds(10)));
            assertThat(count(store, "SELECT count(*) FROM alerts WHERE rule_id = 'greet'"))
                    .isEqualTo(1);
            commit(
                    store,
                    summary("d2", seq++, "s1", false, noon.plusSeconds(11))); // same cooldown window: no second alert
            assertThat(count(store, "SELECT count(*) FROM alerts WHERE rule_id = 'greet'"))
                    .isEqualTo(1);
            // Topic spike: last week's same hour had 1 mention; now 3 is below min_count, the 4th fires (4 >= 3 x
            // 0.25).
            commit(
                    store,
                    utterance(
                            "d3",
                            seq++,
                            "s1",
                            "w",
                            "customer",
                            0,
                            List.of("delivery"),
                            List.of(),
                            noon.minus(Duration.ofDays(7)).minusSeconds(60)));
            for (int i = 0; i < 3; i++) {
                commit(
                        store,
                        utterance("d3", seq++, "s1", "x" + i, "customer", 0, List.of("delivery"), List.of(), noon));
            }
            assertThat(count(store, "SELECT count(*) FROM alerts WHERE rule_id = 'spike'"))
                    .isZero();
            commit(store, utterance("d3", seq++, "s1", "x4", "customer", 0, List.of("delivery"), List.of(), noon));
            assertThat(strings(store, "SELECT title FROM alerts WHERE rule_id = 'spike'"))
                    .singleElement()
                    .satisfies(t -> assertThat(t)
                            .contains("delivery")
                            .contains("4 times")
                            .contains("usual 0.3"));
            // Outbox age from telemetry.
            commit(store, telemetry("d4", seq++, "s1", 1200, noon), telemetry("d5", seq++, "s1", 4000, noon));
            assertThat(strings(store, "SELECT device_id FROM alerts WHERE rule_id = 'stale'"))
                    .containsExactly("d5");
            assertThat(count(store, "SELECT count(*) FROM cases WHERE case_key = 'conv:d1:c1'"))
                    .isEqualTo(1);

            // Fleet: d6 offline since 11:40 (20 min, in store hours), d7 since 11:50 (10 min).
            for (String[] d : new String[][] {{"d6", "11:40"}, {"d7", "11:50"}}) {
                store.register(new DeviceEntry(
                        d[0],
                        "s1",
                        "till-" + d[0],
                        null,
                        DeviceEntry.REGISTERED,
                        noon.minus(Duration.ofDays(1)),
                        null,
                        null,
                        false,
                        null,
                        null));
                try (Connection c = store.dataSource().getConnection();
                        PreparedStatement ps = c.prepareStatement("UPDATE devices SET online = "
                                + (kind.equals("sqlite") ? "0" : "false") + ", status_at = ? WHERE device_id = ?")) {
                    Instant since = noon.atZone(java.time.ZoneId.of("Europe/Berlin"))
                            .with(java.time.LocalTime.parse(d[1]))
                            .toInstant();
                    store.dialect().setTime(ps, 1, since);
                    ps.setString(2, d[0]);
                    ps.executeUpdate();
                    c.commit();
                }
            }
            alerts.evaluatePeriodic();
            assertThat(strings(store, "SELECT device_id FROM alerts WHERE rule_id = 'offline'"))
                    .containsExactly("d6");
            assertThat(strings(store, "SELECT detail FROM alerts WHERE rule_id = 'certs'"))
                    .containsExactly(soon.toString());
            alerts.evaluatePeriodic(); // evaluated again: nothing new
            assertThat(count(store, "SELECT count(*) FROM alerts WHERE rule_id IN ('offline', 'certs')"))
                    .isEqualTo(2);
            // After closing time the 15 minutes of d7 count only in store hours: at 20:30 it has 8h10m... of which all
            // but the last 30 min are store hours; it fires, but only once the store is open (rule: store hours only).
            clock.advance(Duration.ofHours(8).plusMinutes(30));
            alerts.evaluatePeriodic();
            assertThat(count(store, "SELECT count(*) FROM alerts WHERE rule_id = 'offline' AND device_id = 'd7'"))
                    .isZero();
            List<String> all = new ArrayList<>(strings(store, "SELECT rule_id FROM alerts ORDER BY rule_id"));
            assertThat(all).containsExactly("certs", "deposit", "greet", "offline", "spike", "stale", "swearing");
        }
    }
}
