package io.vocedge.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.webhook.WebhookSigner;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.PostgresDatabase;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alerts end to end inside one JVM with real parts: the store (SQLite file or PostgreSQL), real HTTP receivers
 * checking Standard Webhooks signatures and counting ids, a real SMTP server (GreenMail), WeCom/DingTalk/Slack
 * payload shapes, a simulated clock for an hour of receiver outage, escalation and cases.
 */
class AlertsIT {
    static final String SECRET =
            "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef01234567".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private AlertsSettings settings(String yaml) throws Exception {
        return GatewayConfig.read(ConfigDocument.parse(yaml, "test.yaml"), dir).alerts();
    }

    private static AlertsService service(
            AlertsSettings a, JdbcVocStore store, Clock clock, PrometheusMeterRegistry reg) {
        AlertsService s = new AlertsService(
                a,
                store.dataSource(),
                store.dialect(),
                Json.newMapper(),
                reg,
                clock,
                "gw-test",
                "link-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8),
                () -> "https://gw.test:8086",
                null);
        store.addParticipant(s);
        return s;
    }

    static StoredRecord conversation(String device, long seq, String site, String conv, Instant at) {
        String payload =
                "{\"schema\":\"voc.conversation/1\",\"conversation_id\":\"" + conv + "\",\"attention\":{\"flag\":true,"
                        + "\"reason\":\"escalation: asks for a manager\"},\"compliance\":{\"greeting\":false,\"thanks\":true}}";
        return new StoredRecord(
                device,
                seq,
                "voc.conversation/1",
                "conversation",
                site,
                conv,
                null,
                "en",
                null,
                "negative",
                -0.7,
                "1",
                at,
                true,
                "boot",
                seq,
                at,
                at,
                List.of(),
                payload,
                true,
                false,
                true,
                null);
    }

    static void commit(JdbcVocStore store, StoredRecord... records) throws Exception {
        StoreTransaction tx = new StoreTransaction();
        for (StoredRecord r : records) {
            tx.add(r);
        }
        store.commit(tx);
    }

    static long count(JdbcVocStore store, String sql) throws Exception {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    static List<String> strings(JdbcVocStore store, String sql) throws Exception {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            c.commit();
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anAttentionVerdictReachesEveryChannelOnceSignedAndInItsShape(String kind) throws Exception {
        byte[] key = WebhookSigner.key(SECRET);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 4);
                TestReceiver hook = new TestReceiver(key);
                TestReceiver robots = new TestReceiver(null)) {
            int smtpPort = smtp.getSmtp().getPort();
            AlertsSettings a = settings("""
                    alerts:
                      sites: {sh-01: {time_zone: Asia/Shanghai, language: zh}}
                      channels:
                        - {id: hook, kind: webhook, url: "%s", secret: "%s"}
                        - {id: wecom, kind: wecom, url: "%s"}
                        - {id: ding, kind: dingtalk, url: "%s", secret: SECtest-ding-secret}
                        - {id: slack, kind: slack, url: "%s"}
                        - {id: mail, kind: smtp, url: "smtp://127.0.0.1:%d", from: voc@dealer.example, to: [duty@dealer.example]}
                    """.formatted(
                            hook.url("/voc"),
                            SECRET,
                            robots.url("/cgi-bin/webhook/send?key=k1"),
                            robots.url("/robot/send?access_token=t1"),
                            robots.url("/slack"),
                            smtpPort));
            PrometheusMeterRegistry reg = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (AlertsService alerts = service(a, store, Clock.systemUTC(), reg)) {
                alerts.start();
                Instant now = Instant.now();
                StoredRecord conv = conversation("d1", 1, "sh-01", "c-1", now);
                commit(store, conv);
                commit(store, conv); // the device's resend: a duplicate, no second alert
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> hook.received.size() == 1
                                && robots.received.size() == 3
                                && smtp.getReceivedMessages().length == 1);

                String alertId = strings(store, "SELECT id FROM alerts").get(0);
                assertThat(count(store, "SELECT count(*) FROM alerts")).isEqualTo(1);
                TestReceiver.Received w = hook.received.get(0);
                assertThat(w.signatureOk()).isTrue();
                assertThat(hook.byAlertId).containsOnlyKeys(alertId);
                JsonNode alert = w.body().path("data").path("alerts").get(0);
                assertThat(alert.path("kind").asText()).isEqualTo("attention");
                assertThat(alert.path("title").asText()).isEqualTo("对话需要关注"); // the site's language
                assertThat(alert.path("links").path("console").asText())
                        .startsWith("https://gw.test:8086/console/cases/");
                assertThat(alert.path("links").path("ack").asText())
                        .contains("/alerts/cases/")
                        .contains("sig=");

                TestReceiver.Received wecom = robots.received.stream()
                        .filter(r -> r.path().equals("/cgi-bin/webhook/send"))
                        .findFirst()
                        .orElseThrow();
                assertThat(wecom.body().path("msgtype").asText()).isEqualTo("markdown");
                assertThat(wecom.body().path("markdown").path("content").asText())
                        .contains("对话需要关注")
                        .contains("sh-01");
                TestReceiver.Received ding = robots.received.stream()
                        .filter(r -> r.path().equals("/robot/send"))
                        .findFirst()
                        .orElseThrow();
                assertThat(ding.body().path("msgtype").asText()).isEqualTo("markdown");
                assertThat(ding.body().path("markdown").path("title").asText()).isNotBlank();
                assertThat(ding.body().path("markdown").path("text").asText()).contains("对话需要关注");
                Map<String, String> q = query(ding.query());
                assertThat(q).containsKeys("access_token", "timestamp", "sign");
                byte[] mac = WebhookSigner.hmac(
                        "SECtest-ding-secret".getBytes(StandardCharsets.UTF_8),
                        (q.get("timestamp") + "\nSECtest-ding-secret").getBytes(StandardCharsets.UTF_8));
                assertThat(q.get("sign")).isEqualTo(Base64.getEncoder().encodeToString(mac));
                TestReceiver.Received slack = robots.received.stream()
                        .filter(r -> r.path().equals("/slack"))
                        .findFirst()
                        .orElseThrow();
                assertThat(slack.body().path("text").asText()).contains("对话需要关注");
                MimeMessage mail = smtp.getReceivedMessages()[0];
                assertThat(mail.getSubject()).contains("对话需要关注");
                assertThat(mail.getHeader("X-VoC-Alert-Ids")[0]).isEqualTo(alertId);

                // One case, opened with the alert; acknowledged and resolved with its audit trail.
                CaseService.CaseView c = alerts.cases().list(null, null, 10).get(0);
                assertThat(c.state()).isEqualTo("open");
                assertThat(alerts.cases().acknowledge(c.id(), "li", Instant.now()))
                        .isEqualTo(CaseService.Change.DONE);
                assertThat(alerts.cases().acknowledge(c.id(), "li", Instant.now()))
                        .isEqualTo(CaseService.Change.ALREADY);
                assertThat(alerts.cases().resolve(c.id(), "li", "called the customer back", Instant.now()))
                        .isEqualTo(CaseService.Change.DONE);
                assertThat(alerts.cases().events(c.id()))
                        .extracting(CaseService.Event::action)
                        .containsExactly("opened", "acknowledged", "resolved");
                assertThat(reg.scrape())
                        .contains("voc_alert_deliveries_total{channel=\"hook\",outcome=\"delivered\"} 1.0")
                        .contains("voc_alerts_fired_total{rule=\"attention\"} 1.0")
                        .contains("voc_alert_delivery_latency_seconds_bucket{channel=\"mail\"");
            }
        } finally {
            smtp.stop();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Alert ids per received message, in order (one list per webhook message). */
    private static List<Set<String>> messages(TestReceiver hook) {
        List<Set<String>> out = new ArrayList<>();
        for (TestReceiver.Received r : hook.received) {
            Set<String> ids = new HashSet<>();
            r.body()
                    .path("data")
                    .path("alerts")
                    .forEach(a -> ids.add(a.path("conversation_id").asText()));
            out.add(ids);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void firstAlertGoesAtOnceFollowUpsAreGroupedForAtMostGroupMaxDelayAndAQuietWindowResets(String kind)
            throws Exception {
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 4);
                TestReceiver hook = new TestReceiver(WebhookSigner.key(SECRET))) {
            AlertsSettings a = settings("""
                    alerts:
                      group_window: 2m
                      group_max_delay: 5s
                      channels: [{id: hook, kind: webhook, url: "%s", secret: "%s"}]
                    """.formatted(hook.url("/voc"), SECRET));
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
            try (AlertsService alerts =
                    service(a, store, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                commit(store, conversation("d1", 1, "s1", "c1", clock.instant()));
                alerts.deliverOnce();
                assertThat(messages(hook)).containsExactly(Set.of("c1")); // leading edge: at once
                clock.advance(Duration.ofSeconds(1));
                commit(store, conversation("d1", 2, "s1", "c2", clock.instant()));
                alerts.deliverOnce();
                clock.advance(Duration.ofSeconds(2));
                commit(store, conversation("d2", 3, "s1", "c3", clock.instant()));
                alerts.deliverOnce();
                clock.advance(Duration.ofMillis(2999)); // c2 (written at +1 s) waited 4.999 s
                alerts.deliverOnce();
                assertThat(messages(hook)).hasSize(1); // follow-ups wait to be grouped...
                clock.advance(Duration.ofMillis(1)); // ...until the oldest of them waited group_max_delay
                alerts.deliverOnce();
                assertThat(messages(hook)).containsExactly(Set.of("c1"), Set.of("c2", "c3"));
                // Another site is not held up by s1's group.
                commit(store, conversation("d3", 4, "s2", "c4", clock.instant()));
                alerts.deliverOnce();
                assertThat(messages(hook)).hasSize(3).last().isEqualTo(Set.of("c4"));
                // A quiet window after s1's last message: the next alert goes at once again.
                clock.advance(Duration.ofMinutes(2).plusSeconds(1));
                commit(store, conversation("d1", 5, "s1", "c5", clock.instant()));
                alerts.deliverOnce();
                assertThat(messages(hook)).hasSize(4).last().isEqualTo(Set.of("c5"));
                assertThat(hook.byAlertId)
                        .hasSize(5)
                        .allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(1));
                assertThat(hook.received)
                        .allSatisfy(r -> assertThat(r.signatureOk()).isTrue());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void withGroupMaxDelayAtLeastTheWindowFollowUpsWaitForTheWholeWindow(String kind) throws Exception {
        try (JdbcVocStore store = TestStores.open(kind, dir, null, 4);
                TestReceiver hook = new TestReceiver(WebhookSigner.key(SECRET))) {
            AlertsSettings a = settings("""
                    alerts:
                      group_window: 2m
                      group_max_delay: 10m
                      channels: [{id: hook, kind: webhook, url: "%s", secret: "%s"}]
                    """.formatted(hook.url("/voc"), SECRET));
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
            try (AlertsService alerts =
                    service(a, store, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                commit(store, conversation("d1", 1, "s1", "c1", clock.instant()));
                alerts.deliverOnce();
                clock.advance(Duration.ofSeconds(1));
                commit(store, conversation("d1", 2, "s1", "c2", clock.instant()));
                clock.advance(Duration.ofSeconds(100));
                commit(store, conversation("d1", 3, "s1", "c3", clock.instant()));
                alerts.deliverOnce();
                assertThat(messages(hook)).containsExactly(Set.of("c1"));
                clock.advance(Duration.ofSeconds(19)); // 120 s after the first message
                alerts.deliverOnce();
                assertThat(messages(hook)).containsExactly(Set.of("c1"), Set.of("c2", "c3"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void receiverDownForAnHourThenEveryAlertArrivesOnceUnderTheSameIdsGroupedPerSite(String kind) throws Exception {
        byte[] key = WebhookSigner.key(SECRET);
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 4);
                TestReceiver hook = new TestReceiver(key)) {
            AlertsSettings a = settings("""
                    alerts:
                      group_window: 2m
                      channels: [{id: hook, kind: webhook, url: "%s", secret: "%s"}]
                    """.formatted(hook.url("/voc"), SECRET));
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
            Set<String> refusedIds = new HashSet<>();
            try (AlertsService alerts =
                    service(a, store, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                hook.status = 503;
                // Five sites with one conversation each, one site with three: 8 alerts, 6 messages.
                int seq = 1;
                for (int s = 1; s <= 5; s++) {
                    commit(store, conversation("d" + s, seq++, "site-" + s, "c" + s, clock.instant()));
                }
                commit(
                        store,
                        conversation("d9", seq++, "site-9", "c9a", clock.instant()),
                        conversation("d9", seq++, "site-9", "c9b", clock.instant()),
                        conversation("d9", seq++, "site-9", "c9c", clock.instant()));
                for (int minute = 0; minute < 60; minute++) {
                    alerts.deliverOnce();
                    clock.advance(Duration.ofMinutes(1));
                }
                assertThat(hook.refused.get()).isGreaterThan(6 * 4); // retried, with backoff growing
                assertThat(hook.refused.get()).isLessThan(6 * 60); // ...but not every minute
                assertThat(count(store, "SELECT count(*) FROM alert_deliveries WHERE state = 'pending'"))
                        .isEqualTo(8);
                refusedIds.addAll(strings(store, "SELECT DISTINCT batch_id FROM alert_deliveries"));
                assertThat(refusedIds).hasSize(6);

                hook.status = 200;
                clock.advance(Duration.ofMinutes(31)); // beyond the longest backoff
                alerts.deliverOnce();
                assertThat(count(store, "SELECT count(*) FROM alert_deliveries WHERE state = 'delivered'"))
                        .isEqualTo(8);
                assertThat(hook.byAlertId)
                        .hasSize(8)
                        .allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(1));
                assertThat(hook.byWebhookId.keySet())
                        .hasSize(6)
                        .allSatisfy(id -> assertThat(refusedIds).contains(id.substring("msg_".length())));
                assertThat(hook.received)
                        .allSatisfy(r -> assertThat(r.signatureOk()).isTrue());
                assertThat(hook.received.stream()
                                .filter(r -> r.body()
                                        .path("data")
                                        .path("site")
                                        .asText()
                                        .equals("site-9"))
                                .findFirst()
                                .orElseThrow()
                                .body()
                                .path("data")
                                .path("alerts"))
                        .hasSize(3);
                assertThat(count(store, "SELECT count(*) FROM cases")).isEqualTo(8);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void afterRetryForTheDeliveryIsDeadLetteredAndOtherChannelsAreNotHeldUp(String kind) throws Exception {
        try (JdbcVocStore store = TestStores.open(kind, dir, null, 4);
                TestReceiver down = new TestReceiver(WebhookSigner.key(SECRET));
                TestReceiver up = new TestReceiver(WebhookSigner.key(SECRET))) {
            AlertsSettings a = settings("""
                    alerts:
                      channels:
                        - {id: down, kind: webhook, url: "%s", secret: "%s"}
                        - {id: up, kind: webhook, url: "%s", secret: "%s"}
                    """.formatted(down.url("/x"), SECRET, up.url("/y"), SECRET));
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
            PrometheusMeterRegistry reg = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (AlertsService alerts = service(a, store, clock, reg)) {
                down.status = 500;
                commit(store, conversation("d1", 1, "s1", "c1", clock.instant()));
                alerts.deliverOnce();
                assertThat(up.byAlertId).hasSize(1);
                for (int i = 0; i < 73 * 2; i++) {
                    clock.advance(Duration.ofMinutes(30));
                    alerts.deliverOnce();
                }
                assertThat(strings(store, "SELECT state FROM alert_deliveries WHERE channel_id = 'down'"))
                        .containsExactly("dead");
                assertThat(strings(store, "SELECT last_error FROM alert_deliveries WHERE channel_id = 'down'")
                                .get(0))
                        .contains("HTTP 500");
                assertThat(reg.scrape())
                        .contains("voc_alert_deliveries_total{channel=\"down\",outcome=\"failed\"} 1.0");
                assertThat(up.byAlertId.values())
                        .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anUnacknowledgedCaseEscalatesAlongTheRosterInStoreHours(String kind) throws Exception {
        byte[] key = WebhookSigner.key(SECRET);
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                JdbcVocStore store = TestStores.open(kind, dir, pg, 4);
                TestReceiver li = new TestReceiver(key);
                TestReceiver wang = new TestReceiver(key)) {
            AlertsSettings a = settings("""
                    alerts:
                      sites: {s1: {time_zone: UTC, store_hours: "09:00-21:00"}}
                      channels:
                        - {id: li, kind: webhook, url: "%s", secret: "%s"}
                        - {id: wang, kind: webhook, url: "%s", secret: "%s"}
                      rosters:
                        - {id: floor, sites: [s1], ack_within: 10m, chain: [{name: Li, channels: [li]}, {name: Wang, channels: [wang]}]}
                      rules:
                        - {id: attention, kind: attention, roster: floor}
                    """.formatted(li.url("/li"), SECRET, wang.url("/wang"), SECRET));
            // 20:55: five minutes of store hours left; the next five count from 09:00 tomorrow.
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T20:55:00Z"));
            try (AlertsService alerts =
                    service(a, store, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                commit(store, conversation("d1", 1, "s1", "c1", clock.instant()));
                alerts.deliverOnce();
                assertThat(li.byAlertId).hasSize(1);
                assertThat(wang.received).isEmpty();
                CaseService.CaseView c = alerts.cases().list("s1", null, 10).get(0);
                assertThat(c.owner()).isEqualTo("Li");

                clock.advance(Duration.ofHours(12)); // 08:55 next day: only 5 minutes of store hours have passed
                alerts.evaluatePeriodic();
                alerts.deliverOnce();
                assertThat(wang.received).isEmpty();
                clock.advance(Duration.ofMinutes(4)); // 08:59: still 5 minutes of store hours
                alerts.evaluatePeriodic();
                assertThat(alerts.cases().get(c.id()).owner()).isEqualTo("Li");
                clock.advance(Duration.ofMinutes(7)); // 09:06: 5 + 6 = 11 minutes of store hours unacknowledged
                alerts.evaluatePeriodic();
                alerts.deliverOnce();
                assertThat(wang.received).hasSize(1);
                JsonNode esc =
                        wang.received.get(0).body().path("data").path("alerts").get(0);
                assertThat(esc.path("escalation_step").asInt()).isEqualTo(1);
                assertThat(esc.path("owner").asText()).isEqualTo("Wang");
                assertThat(alerts.cases().get(c.id()).owner()).isEqualTo("Wang");
                assertThat(alerts.cases().acknowledge(c.id(), "wang", clock.instant()))
                        .isEqualTo(CaseService.Change.DONE);
                clock.advance(Duration.ofHours(2));
                assertThat(alerts.evaluatePeriodic()).isZero();
                assertThat(alerts.cases().events(c.id()))
                        .extracting(CaseService.Event::action)
                        .containsExactly("opened", "escalated", "acknowledged");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void signedLinksAreCheckedAndExpire() {
        CaseLinks links =
                new CaseLinks("k".repeat(32).getBytes(StandardCharsets.UTF_8), () -> "https://gw", Duration.ofDays(7));
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        String url = links.action("case-1", "ack", now);
        Map<String, String> q = query(url.substring(url.indexOf('?') + 1));
        assertThat(links.valid("case-1", "ack", q.get("exp"), q.get("sig"), now))
                .isTrue();
        assertThat(links.valid("case-2", "ack", q.get("exp"), q.get("sig"), now))
                .isFalse(); // another case
        assertThat(links.valid("case-1", "resolve", q.get("exp"), q.get("sig"), now))
                .isFalse(); // another action
        assertThat(links.valid("case-1", "ack", Long.toString(Long.parseLong(q.get("exp")) + 86400), q.get("sig"), now))
                .isFalse(); // a longer life
        assertThat(links.valid("case-1", "ack", q.get("exp"), q.get("sig"), now.plus(Duration.ofDays(8))))
                .isFalse();
    }
}
