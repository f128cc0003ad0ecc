package io.vocedge.gateway.alerts;

import static io.vocedge.gateway.alerts.AlertsIT.commit;
import static io.vocedge.gateway.alerts.AlertsIT.conversation;
import static io.vocedge.gateway.alerts.RulesIT.utterance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.cli.GatewayMain;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code voc-gateway alerts preview RULEFILE}: counts over stored records, read-only; bad rule files exit 2. */
class RulePreviewIT {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GatewayMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void countsWhatTheRulesWouldHaveFiredOverTheLastDays() throws Exception {
        Path data = dir.resolve("gw");
        Instant now = Instant.now();
        try (JdbcVocStore store =
                JdbcVocStore.open(new StoreSettings("sqlite", data.resolve("voc.db"), null, null, null, 1), "gw")) {
            long seq = 1;
            // 3 attention conversations in the period, 1 older than 30 days.
            for (int day : new int[] {1, 5, 20, 40}) {
                commit(store, conversation("d1", seq++, "s1", "c" + day, now.minus(Duration.ofDays(day))));
            }
            // Negative deposit talk in 2 conversations (3 utterances), once about parking only.
            commit(
                    store,
                    utterance(
                            "d2",
                            seq++,
                            "s1",
                            "k1",
                            "customer",
                            -0.8,
                            List.of("deposit_contract"),
                            List.of(),
                            now.minus(Duration.ofDays(2))),
                    utterance(
                            "d2",
                            seq++,
                            "s1",
                            "k1",
                            "customer",
                            -0.7,
                            List.of("deposit_contract"),
                            List.of(),
                            now.minus(Duration.ofDays(2))),
                    utterance(
                            "d2",
                            seq++,
                            "s1",
                            "k2",
                            "customer",
                            -0.9,
                            List.of("deposit_contract"),
                            List.of(),
                            now.minus(Duration.ofDays(3))),
                    utterance(
                            "d2",
                            seq++,
                            "s1",
                            "k3",
                            "customer",
                            -0.9,
                            List.of("parking"),
                            List.of(),
                            now.minus(Duration.ofDays(3))));
        }
        long before = Files.size(data.resolve("voc.db"));
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - {id: attention, kind: attention}
                  - {id: deposit, kind: negative_utterance, topics: [deposit_contract], max_score: -0.5}
                  - {id: offline, kind: device_offline}
                """);
        Run r = run("alerts", "preview", rules.toString(), "--data-dir", data.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.path("rules").get(0).path("firings").asLong()).isEqualTo(3);
        assertThat(out.path("rules").get(1).path("firings").asLong()).isEqualTo(2);
        assertThat(out.path("rules").get(1).path("samples").findValuesAsText("conversation_id"))
                .containsExactly("k2", "k1");
        assertThat(out.path("rules").get(2).path("note").asText()).startsWith("not previewable");
        assertThat(Files.size(data.resolve("voc.db"))).as("read-only").isEqualTo(before);

        Run text = run("alerts", "preview", rules.toString(), "--data-dir", data.toString(), "--days", "7");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).containsPattern("attention\\s+attention\\s+2");
    }

    @Test
    void aBadRuleFileIsRefusedNamingRuleAndField() throws Exception {
        Path rules = Files.writeString(dir.resolve("bad.yaml"), """
                rules:
                  - {id: spike, kind: topic_spike, topics: [delivery], min_count: -1}
                  - {id: greet, kind: compliance_rate, measure: greeting, threshold: 1.5}
                """);
        Run r = run(
                "alerts",
                "preview",
                rules.toString(),
                "--data-dir",
                dir.resolve("none").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .doesNotContain("Exception")
                .contains("rules[spike].min_count: expected a whole number in 1..100000, got -1")
                .contains("rules[greet].threshold: expected a number in 0.0..1.0, got 1.5");
        Run none = run("alerts", "preview", dir.resolve("missing.yaml").toString());
        assertThat(none.exit()).isEqualTo(2);
    }
}
