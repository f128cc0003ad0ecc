package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.cli.GatewayMain;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.Conversations.Line;
import io.vocedge.gateway.console.data.InsightCorrections;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code voc-gateway records} with the read API's filters and formats, on a real store (SQLite file or PostgreSQL
 * database) seeded through the store's commit: each filter narrows what it says, conversations show their attention
 * verdict, CSV is a spreadsheet's and not a formula's, and malformed filters are refused with exit 2 naming the option.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordsCliContract {
    Path dir;

    Path data;
    GatewayConfig cfg;
    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    final ObjectMapper json = new ObjectMapper();

    /** The store's config under {@code data}: what the seed opens and what the command's options point at. */
    abstract GatewayConfig config(Path data) throws Exception;

    /** The options that point {@code records} at that store ({@code --data-dir} or {@code --config}). */
    abstract List<String> storeOptions(Path data);

    @BeforeAll
    void seed(@TempDir Path tmp) throws Exception {
        dir = tmp;
        data = dir.resolve("gw");
        cfg = config(data);
        try (JdbcVocStore store = JdbcVocStore.open(cfg.store(), "gw-test")) {
            Conversations c = new Conversations();
            c.add(
                    "dev-a1",
                    "site-a",
                    "conv-a1",
                    T0,
                    true,
                    "escalation: asked for a manager",
                    -0.6,
                    new Line("staff", "zh", "欢迎 光临", "neutral", null, null),
                    new Line("customer", "zh", "我 的 定金 还 没 退", "negative", "deposit_refund", "定金"));
            c.add(
                    "dev-a1",
                    "site-a",
                    "conv-a2",
                    T0.plusSeconds(3600),
                    false,
                    null,
                    0.5,
                    new Line("customer", "en", "the test drive was lovely", "positive", "test_drive", "lovely"));
            c.add(
                    "dev-a1",
                    "site-a",
                    "conv-a3",
                    T0.plusSeconds(86_400),
                    false,
                    null,
                    0.1,
                    new Line("customer", "en", "=1+2 price, please", "neutral", "price", "price"));
            c.add(
                    "dev-b1",
                    "site-b",
                    "conv-b1",
                    T0.plusSeconds(120),
                    true,
                    "churn risk",
                    -0.9,
                    new Line("customer", "en", "the deposit again", "negative", "deposit_refund", "deposit"));
            c.add(
                    "dev-c1",
                    "site-c",
                    "conv-c1",
                    T0.plusSeconds(240),
                    false,
                    null,
                    0.2,
                    new Line("customer", "en", "just looking", "neutral", null, null));
            store.commit(c.transaction());
        }
    }

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        CommandLine cli = GatewayMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("records"));
        all.addAll(storeOptions(data));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    List<JsonNode> jsonLines(Run r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().strip().lines().toList()) {
            out.add(json.readTree(line));
        }
        return out;
    }

    List<String> field(List<JsonNode> rows, String name) {
        return rows.stream().map(n -> n.path(name).asText()).toList();
    }

    @Test
    void utterancesNewestNOldestFirstWithEachFilter() throws Exception {
        List<JsonNode> all = jsonLines(run("--format", "json"));
        assertThat(field(all, "text"))
                .containsExactly(
                        "欢迎 光临",
                        "我 的 定金 还 没 退",
                        "the deposit again",
                        "just looking",
                        "the test drive was lovely",
                        "=1+2 price, please");
        assertThat(field(jsonLines(run("--json", "--limit", "2")), "text"))
                .containsExactly("the test drive was lovely", "=1+2 price, please");
        assertThat(field(jsonLines(run("--json", "--site", "site-b")), "site")).containsExactly("site-b");
        assertThat(field(jsonLines(run("--json", "--site", "site-b", "--site", "site-c")), "site"))
                .containsExactly("site-b", "site-c");
        assertThat(field(jsonLines(run("--json", "--topic", "deposit_refund")), "text"))
                .containsExactly("我 的 定金 还 没 退", "the deposit again");
        assertThat(field(jsonLines(run("--json", "--sentiment", "positive")), "text"))
                .containsExactly("the test drive was lovely");
        assertThat(field(jsonLines(run("--json", "--speaker", "staff")), "text"))
                .containsExactly("欢迎 光临");
        assertThat(field(jsonLines(run("--json", "--attention")), "conversation_id"))
                .containsExactly("conv-a1", "conv-a1", "conv-b1");
        assertThat(field(jsonLines(run("--json", "--since", "2026-11-03")), "text"))
                .containsExactly("=1+2 price, please");
        assertThat(field(jsonLines(run("--json", "--until", "2026-11-02T10:03:00Z")), "conversation_id"))
                .containsExactly("conv-a1", "conv-a1", "conv-b1");
        JsonNode deposit = jsonLines(run("--json", "--topic", "deposit_refund", "--site", "site-a"))
                .get(0);
        assertThat(deposit.at("/topics/0/evidence/0").asText()).isEqualTo("定金");
        assertThat(deposit.path("conversation_url").asText()).contains("conv-a1");
    }

    @Test
    void conversationsShowTheAttentionVerdict() throws Exception {
        List<JsonNode> flagged = jsonLines(run("--conversations", "--attention", "--json"));
        assertThat(field(flagged, "conversation_id")).containsExactly("conv-a1", "conv-b1");
        assertThat(field(flagged, "reason")).containsExactly("escalation: asked for a manager", "churn risk");
        // As /api/v1/conversations: topic and sentiment pick conversations with an utterance of them.
        assertThat(field(
                        jsonLines(run("--conversations", "--json", "--sentiment", "negative", "--site", "site-a")),
                        "conversation_id"))
                .containsExactly("conv-a1");
        assertThat(field(jsonLines(run("--conversations", "--json", "--topic", "deposit_refund")), "conversation_id"))
                .containsExactly("conv-a1", "conv-b1");
        assertThat(field(jsonLines(run("--conversations", "--json", "--since", "2026-11-03")), "conversation_id"))
                .containsExactly("conv-a3");

        Run table = run("--conversations", "--site", "site-a");
        assertThat(table.code()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).contains("attention").contains("reason");
        assertThat(lines)
                .filteredOn(l -> l.contains("conv-a1"))
                .singleElement()
                .asString()
                .contains("YES")
                .contains("escalation: asked for a manager")
                .contains("-0.60");
        assertThat(lines)
                .filteredOn(l -> l.contains("conv-a2"))
                .singleElement()
                .asString()
                .contains(" no ");
    }

    @Test
    void csvIsSafeForSpreadsheets() {
        Run csv = run("--format", "csv", "--site", "site-a");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(String.join(",", io.vocedge.gateway.console.web.Exports.UTTERANCE_CSV_HEADER));
        assertThat(csv.out()).contains("\"'=1+2 price, please\"").doesNotContain(",=1+2");
        Run conv = run("--conversations", "--format", "csv", "--attention");
        assertThat(conv.out().lines().toList()).hasSize(3);
        assertThat(conv.out()).contains("conv-b1,").contains("churn risk");
    }

    @Test
    void malformedFiltersAreRefusedNamingTheOption() throws Exception {
        String[][] bad = {
            {"--since", "yesterday"},
            {"--until", "2026-13-45"},
            {"--site", "Site A"},
            {"--topic", "Delivery!"},
            {"--sentiment", "angry"},
            {"--speaker", "manager"},
            {"--format", "xml"},
            {"--json", "--format", "csv"},
            {"--conversations", "--speaker", "staff"},
            {"--since", "2026-11-03", "--until", "2026-11-02"},
            {"--limit", "0"},
            {"--limit", "10001"}
        };
        for (String[] args : bad) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .contains(
                            args[args.length - 2].equals("--limit")
                                    ? "--limit"
                                    : args[0].equals("--conversations")
                                            ? "--speaker"
                                            : args[0].equals("--json") ? "--json" : args[0]);
            if (List.of(args).contains("--json")) {
                assertThat(json.readTree(r.out()).path("exit_code").asInt())
                        .as("--json: the error as JSON")
                        .isEqualTo(2);
            } else {
                assertThat(r.out()).isEmpty();
            }
        }
        Path typo = dir.resolve("gwx");
        CommandLine cli = GatewayMain.commandLine();
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("records", "--data-dir", typo.toString(), "--attention"))
                .isEqualTo(2);
        assertThat(typo).as("nothing created").doesNotExist();
        assertThat(run("--limit", "1").code())
                .as("the real store is still there")
                .isZero();
    }

    /**
     * Issue 15's feedback loop in this store's dialect: a correction is read back per conversation (newest wins) and
     * exported with the record's redacted text as the device trainer's JSON line; a correction whose record is gone
     * (forgotten for privacy) is not exported, and a malformed --since is named.
     */
    @Test
    void correctionsAreExportedWithTheRecordsTextAndNothingOfForgottenRecords() throws Exception {
        long seq;
        try (JdbcVocStore store = JdbcVocStore.open(cfg.store(), "gw-test")) {
            try (var c = store.dataSource().getConnection();
                    var ps = c.prepareStatement("SELECT seq FROM records WHERE device_id = 'dev-a1' AND text = ?")) {
                ps.setString(1, "我 的 定金 还 没 退");
                try (var rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    seq = rs.getLong(1);
                }
                c.rollback();
            }
            InsightCorrections k = new InsightCorrections(store.dataSource(), store.dialect());
            Instant at = Instant.parse("2026-12-04T10:00:00Z");
            k.add(new InsightCorrections.Correction(
                    "dev-a1", seq, "site-a", List.of("waiting_time"), "neutral", List.of(), "ana", at));
            k.add(new InsightCorrections.Correction(
                    "dev-a1",
                    seq,
                    "site-a",
                    List.of("deposit_contract", "waiting_time"),
                    "negative",
                    List.of("churn_risk"),
                    "bo",
                    at.plusSeconds(60)));
            k.add(new InsightCorrections.Correction(
                    "dev-a1", 999_999, "site-a", List.of("delivery"), "negative", List.of(), "ana", at));
            assertThat(k.latest("dev-a1", "conv-a1")).containsOnlyKeys(seq);
            assertThat(k.latest("dev-a1", "conv-a1").get(seq).who()).isEqualTo("bo");
        }
        Path out = dir.resolve("corrections.jsonl");
        CommandLine cli = GatewayMain.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        List<String> args = new ArrayList<>(List.of("corrections", "export"));
        args.addAll(storeOptions(data));
        args.addAll(List.of("--since", "2026-12-04", "--out", out.toString()));
        assertThat(cli.execute(args.toArray(String[]::new))).isZero();
        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        JsonNode last = json.readTree(lines.get(1));
        assertThat(last.path("text").asText()).isEqualTo("我 的 定金 还 没 退");
        assertThat(last.path("lang").asText()).isEqualTo("zh");
        assertThat(last.path("role").asText()).isEqualTo("customer");
        assertThat(last.path("topics").toString()).isEqualTo("[\"deposit_contract\",\"waiting_time\"]");
        assertThat(last.path("flags").toString()).isEqualTo("[\"churn_risk\"]");
        assertThat(last.path("who").asText()).isEqualTo("bo");
        assertThat(last.path("when").asText()).isEqualTo("2026-12-04T10:01:00Z");
        assertThat(String.join("\n", lines)).doesNotContain("delivery");

        args.set(args.indexOf("2026-12-04"), "last tuesday");
        assertThat(cli.execute(args.toArray(String[]::new))).isEqualTo(2);
        assertThat(lines).isEqualTo(java.nio.file.Files.readAllLines(out)); // the earlier export is left whole
    }
}
