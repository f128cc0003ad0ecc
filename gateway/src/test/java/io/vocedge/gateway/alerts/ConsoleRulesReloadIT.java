package io.vocedge.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreSettings;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Console rules on a store shared by two gateways: a rule saved through gateway A's store is picked up by gateway B
 * (its own pool, its own alerts service, no restart) by polling the rule version, and a record stored through B then
 * fires it; disabling it through A stops B firing it again.
 */
class ConsoleRulesReloadIT {
    @TempDir
    Path dir;

    private static JdbcVocStore open(PostgresDatabase pg, String gateway) throws Exception {
        return JdbcVocStore.open(new StoreSettings("postgresql", null, pg.jdbcUrl(), pg.user(), "", 4), gateway);
    }

    private static AlertsService service(AlertsSettings a, JdbcVocStore store, String gateway) {
        AlertsService s = new AlertsService(
                a,
                store.dataSource(),
                store.dialect(),
                Json.newMapper(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC(),
                gateway,
                "link-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8),
                () -> "https://gw.test:8086",
                null);
        store.addParticipant(s);
        return s;
    }

    @Test
    void aRuleSavedThroughOneGatewayIsAppliedByTheOtherWithoutARestart() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create();
                TestReceiver hook = new TestReceiver(null);
                JdbcVocStore storeA = open(pg, "gw-a");
                JdbcVocStore storeB = open(pg, "gw-b")) {
            AlertsSettings settings = GatewayConfig.read(
                            ConfigDocument.parse(
                                    "alerts:\n  rules_reload_every: 1s\n"
                                            + "  group_window: 0s\n  group_max_delay: 0s\n  channels: [{id: chat, kind: slack, url: \""
                                            + hook.url("/hook")
                                            + "\"}]\n  rules: [{id: file-rule, kind: staff_profanity}]\n",
                                    "test.yaml"),
                            dir)
                    .alerts();
            try (AlertsService a = service(settings, storeA, "gw-a");
                    AlertsService b = service(settings, storeB, "gw-b")) {
                a.start();
                b.start();
                assertThat(b.rules().current())
                        .extracting(AlertsSettings.Rule::id)
                        .containsExactly("file-rule");

                // Before the rule: an attention verdict stored through B fires nothing (the file has another rule).
                AlertsIT.commit(storeB, AlertsIT.conversation("dev-1", 1, "site-a", "conv-before", Instant.now()));
                assertThat(AlertsIT.count(storeB, "SELECT count(*) FROM alerts"))
                        .isZero();

                ObjectNode def = Json.newMapper()
                        .createObjectNode()
                        .put("id", "needs-attention")
                        .put("kind", "attention")
                        .put("severity", "critical");
                a.consoleRules().save("console:boss", true, "Needs attention", def, true, Instant.now());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> b.rules().current().stream().anyMatch(r -> r.id().equals("needs-attention")));
                assertThat(b.rules().current())
                        .extracting(AlertsSettings.Rule::id)
                        .containsExactly("file-rule", "needs-attention");

                AlertsIT.commit(storeB, AlertsIT.conversation("dev-1", 2, "site-a", "conv-after", Instant.now()));
                assertThat(AlertsIT.strings(storeB, "SELECT rule_id FROM alerts"))
                        .containsExactly("needs-attention");
                await().atMost(Duration.ofSeconds(60)).until(() -> !hook.received.isEmpty());

                a.consoleRules().setEnabled("console:boss", "needs-attention", false, Instant.now());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> b.rules().current().stream().noneMatch(r -> r.id().equals("needs-attention")));
                AlertsIT.commit(storeB, AlertsIT.conversation("dev-1", 3, "site-a", "conv-disabled", Instant.now()));
                assertThat(AlertsIT.count(storeB, "SELECT count(*) FROM alerts"))
                        .isEqualTo(1);
                assertThat(a.consoleRules().events(10))
                        .extracting(ConsoleRuleStore.Event::action)
                        .containsExactly("disable", "create");
                assertThat(List.of(a.consoleRules().version(), b.rules().state().version()))
                        .containsOnly(2L);
            }
        }
    }
}
