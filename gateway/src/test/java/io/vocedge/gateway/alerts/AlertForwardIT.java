package io.vocedge.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.webhook.WebhookSigner;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.forward.ForwardEvent;
import io.vocedge.gateway.forward.ForwardOutbox;
import io.vocedge.gateway.forward.OutboxParticipant;
import io.vocedge.gateway.forward.OutboxRow;
import io.vocedge.gateway.forward.OutboxStore;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alerts and case changes reach the forwarding outbox in the transaction that writes them, after the record that fired
 * them, in one order per device: alert fired, case opened / joined, escalated, acknowledged, resolved. A change that
 * does not happen (an ack of a resolved case) leaves no event. Every payload validates against its published schema.
 */
class AlertForwardIT {
    @TempDir
    Path dir;

    private static List<OutboxRow> all(OutboxStore os) throws Exception {
        return os.range(Instant.EPOCH, Instant.now().plus(Duration.ofDays(2)), null, null, 0, 1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void alertsAndCaseChangesGoIntoTheOutboxWithTheChangeInDeviceOrder(String kind) throws Exception {
        byte[] key = WebhookSigner.key(AlertsIT.SECRET);
        try (PostgresDatabase pg = TestStores.databaseFor(kind);
                TestReceiver li = new TestReceiver(key);
                TestReceiver wang = new TestReceiver(key)) {
            try (JdbcVocStore store = TestStores.open(kind, dir, pg, 4)) {
                AlertsSettings a = GatewayConfig.read(
                                ConfigDocument.parse(
                                        """
                        alerts:
                          sites: {s1: {time_zone: UTC, store_hours: "09:00-21:00"}}
                          channels:
                            - {id: li, kind: webhook, url: "%s", secret: "%s"}
                            - {id: wang, kind: webhook, url: "%s", secret: "%s"}
                          rosters:
                            - {id: floor, sites: [s1], ack_within: 10m, chain: [{name: Li, channels: [li]}, {name: Wang, channels: [wang]}]}
                          rules:
                            - {id: attention, kind: attention, roster: floor}
                            - {id: attention-copy, kind: attention, roster: floor}
                        """.formatted(
                                                li.url("/li"), AlertsIT.SECRET, wang.url("/wang"), AlertsIT.SECRET),
                                        "t.yaml"),
                                dir)
                        .alerts();
                MutableClock clock = new MutableClock(Instant.parse("2026-12-01T20:55:00Z"));
                ForwardOutbox outbox = new ForwardOutbox(store.dialect(), "gw-test", true, clock, () -> {});
                store.addParticipant(new OutboxParticipant(outbox, () -> {}));
                ObjectMapper json = Json.newMapper();
                try (AlertsService alerts = new AlertsService(
                        a,
                        store.dataSource(),
                        store.dialect(),
                        json,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        clock,
                        "gw-test",
                        "link-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8),
                        () -> "https://gw.test",
                        null,
                        new AlertFeed(outbox, json, "gw-test"))) {
                    store.addParticipant(alerts);
                    AlertsIT.commit(store, AlertsIT.conversation("d1", 1, "s1", "c1", clock.instant()));
                    AlertsIT.commit(
                            store, AlertsIT.conversation("d1", 1, "s1", "c1", clock.instant())); // resend: nothing
                    AlertsIT.commit(store, AlertsIT.conversation("d1", 2, "s1", "c1", clock.instant())); // no new alert
                    CaseService.CaseView c = alerts.cases().list("s1", null, 10).get(0);
                    clock.advance(Duration.ofHours(12).plusMinutes(11)); // 09:06 next day: 11 min of store hours
                    assertThat(alerts.evaluatePeriodic()).isEqualTo(1);
                    assertThat(alerts.cases().acknowledge(c.id(), "wang", clock.instant()))
                            .isEqualTo(CaseService.Change.DONE);
                    assertThat(alerts.cases().acknowledge(c.id(), "wang", clock.instant()))
                            .isEqualTo(CaseService.Change.ALREADY);
                    clock.advance(Duration.ofMinutes(3));
                    assertThat(alerts.cases().resolve(c.id(), "wang", "called back", clock.instant()))
                            .isEqualTo(CaseService.Change.DONE);
                    assertThat(alerts.cases().resolve(c.id(), "wang", "again", clock.instant()))
                            .isEqualTo(CaseService.Change.ALREADY);

                    List<OutboxRow> rows = all(new OutboxStore(store.dataSource(), store.dialect()));
                    List<String> d1 = new ArrayList<>();
                    for (OutboxRow r : rows) {
                        assertThat(r.deviceKey()).isEqualTo("d1");
                        JsonNode p = json.readTree(r.payload());
                        d1.add(r.kind()
                                + (r.kind().equals("case")
                                        ? ":" + p.path("change").path("action").asText() + ":"
                                                + p.path("state").asText()
                                        : ""));
                    }
                    // Two rules fired on the first summary: the second alert joined the case the first opened.
                    assertThat(d1)
                            .containsExactly(
                                    "conversation",
                                    "alert",
                                    "case:opened:open",
                                    "alert",
                                    "case:alert:open",
                                    "conversation",
                                    "case:escalated:open",
                                    "case:acknowledged:acknowledged",
                                    "case:resolved:resolved");
                    assertThat(rows).extracting(OutboxRow::dseq).isSorted().doesNotHaveDuplicates();
                    assertThat(rows).extracting(OutboxRow::eventId).doesNotHaveDuplicates();

                    List<String> alertIds =
                            AlertsIT.strings(store, "SELECT id FROM alerts ORDER BY fired_at, record_seq");
                    List<JsonNode> alertEvents = new ArrayList<>();
                    for (OutboxRow r : rows) {
                        if (r.kind().equals("alert")) {
                            alertEvents.add(json.readTree(r.payload()));
                        }
                    }
                    assertThat(alertEvents)
                            .extracting(n -> n.path("alert_id").asText())
                            .containsExactlyInAnyOrderElementsOf(alertIds);
                    assertThat(alertEvents).allSatisfy(n -> {
                        assertThat(n.path("case_id").asText()).isEqualTo(c.id());
                        assertThat(n.path("rule").asText()).startsWith("attention");
                        assertThat(n.path("device_id").asText()).isEqualTo("d1");
                        assertThat(n.path("conversation_id").asText()).isEqualTo("c1");
                    });
                    JsonNode escalated = json.readTree(rows.get(6).payload());
                    assertThat(escalated.path("owner").asText()).isEqualTo("Wang");
                    assertThat(escalated.path("escalation_step").asInt()).isEqualTo(1);
                    JsonNode resolved = json.readTree(rows.get(8).payload());
                    assertThat(resolved.path("resolution").asText()).isEqualTo("called back");
                    assertThat(resolved.path("change").path("actor").asText()).isEqualTo("wang");
                    assertThat(resolved.path("alert_count").asInt()).isEqualTo(2);
                    // The records' own events are the records' ids: the alert events come after the record that fired.
                    assertThat(rows.get(0).eventId()).isEqualTo(ForwardEvent.recordEventId("d1", 1));

                    SchemaValidator schemas = new SchemaValidator();
                    for (OutboxRow r : rows) {
                        JsonNode p = json.readTree(r.payload());
                        assertThat(p.path("schema").asText()).isEqualTo(r.schemaId());
                        if (!r.kind().equals("conversation")) { // the test's conversation payloads are abridged
                            assertThat(schemas.problems(p))
                                    .as("%s %s", r.kind(), r.payload())
                                    .isEmpty();
                        }
                    }
                }
            }
        }
    }
}
