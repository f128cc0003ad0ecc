package io.vocedge.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** voc-gateway's CLI in-process: exit codes 0/1/2, --help everywhere, one-line errors, JSON errors, read-only records. */
class GatewayMainTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = GatewayMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void commandPaths(CommandLine c, List<String> prefix, List<List<String>> into) {
        for (var e : c.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            into.add(path);
            commandPaths(e.getValue(), path, into);
        }
    }

    @Test
    void helpWorksOnEveryCommandWhateverItsRequiredOptions() {
        List<List<String>> paths = new ArrayList<>();
        commandPaths(GatewayMain.commandLine(), List.of(), paths);
        assertThat(paths)
                .contains(
                        List.of("run"),
                        List.of("records"),
                        List.of("config", "check"),
                        List.of("bench-store"),
                        List.of("bench-kafka", "produce"),
                        List.of("bench-kafka", "consume"));
        for (List<String> p : paths) {
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as("%s --help: %s", p, r.err()).isZero();
            assertThat(r.out()).as("%s --help", p).startsWith("Usage: voc-gateway " + String.join(" ", p));
            assertThat(r.err()).isEmpty();
        }
        assertThat(run("--version").out()).startsWith("voc-gateway ");
        assertThat(run("records", "--version").out()).startsWith("voc-gateway ");
    }

    @Test
    void usageErrorsAreOneLineExit2WithoutUsageDump() {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"nope"},
                new String[] {"records", "--limit", "lots"},
                new String[] {"records", "--limit", "0"},
                new String[] {"config", "check"},
                new String[] {"bench-store"},
                new String[] {"bench-kafka"},
                new String[] {"bench-kafka", "consume", "--bootstrap", "127.0.0.1:9"},
                new String[] {"run", "--bogus"})) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").doesNotContain("Usage:");
        }
    }

    @Test
    void configCheckPrintsTheEffectiveConfigurationWithSecretsMasked() throws Exception {
        Path f = Files.writeString(dir.resolve("gw.yaml"), """
                gateway_id: gw-7
                store: {kind: postgresql, jdbc_url: "jdbc:postgresql://db:5432/voc", user: voc, password: hunter2hunter2}
                admin_token: 0123456789abcdef0123
                """);
        Run text = run("config", "check", f.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("gateway_id: gw-7")
                .contains("url: embedded")
                .contains("queue_capacity: 4096")
                .contains("max_messages_per_transaction: 256")
                .contains("max_bytes_per_transaction: 1048576")
                .contains("mode: open")
                .contains("data_dir: data/gateway")
                .doesNotContain("hunter2")
                .doesNotContain("0123456789abcdef0123");

        Run js = run(
                "config",
                "check",
                f.toString(),
                "--json",
                "--data-dir",
                dir.resolve("d").toString());
        assertThat(js.code()).isZero();
        JsonNode node = json.readTree(js.out());
        assertThat(node.get("ok").asBoolean()).isTrue();
        assertThat(node.at("/config/store/password").asText()).isEqualTo(GatewayConfig.MASKED);
        assertThat(node.at("/config/admin_token").asText()).isEqualTo(GatewayConfig.MASKED);
        assertThat(node.at("/config/data_dir").asText())
                .isEqualTo(dir.resolve("d").toString());
        assertThat(node.at("/config/http/port").asInt()).isZero();
        assertThat(dir.resolve("d"))
                .as("config check starts and creates nothing")
                .doesNotExist();
    }

    @Test
    void configCheckListsEveryProblemAndExits2AlsoAsJson() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), """
                stroe: {kind: postgresql}
                http: {port: eighty}
                store: {password: [1, 2]}
                """);
        Run text = run("config", "check", f.toString());
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err())
                .contains("stroe: unknown key (did you mean 'store'?)")
                .contains("http.port: expected a whole number")
                .contains("store.password: expected text (value not shown: it is a secret)")
                .contains("3 problems");
        assertThat(text.out()).isEmpty();

        Run js = run("config", "check", "--json", f.toString());
        assertThat(js.code()).isEqualTo(2);
        JsonNode node = json.readTree(js.out());
        assertThat(node.get("ok").asBoolean()).isFalse();
        assertThat(node.get("exit_code").asInt()).isEqualTo(2);
        assertThat(node.get("problems")).hasSize(3);

        Run missing = run("config", "check", dir.resolve("nope.yaml").toString(), "--json");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(json.readTree(missing.out()).get("problems").get(0).asText()).contains("no such file");
    }

    @Test
    void readOnlyCommandsNeverCreateAStore() throws Exception {
        Path typo = dir.resolve("data/gatewya");
        Run r = run("records", "--data-dir", typo.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err())
                .contains("no VoC store at " + typo.toAbsolutePath().resolve("voc.db"))
                .contains("--data-dir");
        assertThat(dir.resolve("data")).as("nothing created").doesNotExist();

        Path cfg = Files.writeString(
                dir.resolve("gw.yaml"), "store: {sqlite_file: " + dir.resolve("elsewhere/voc.db") + "}\n");
        Run viaConfig = run("records", "--config", cfg.toString(), "--json");
        assertThat(viaConfig.code()).isEqualTo(2);
        assertThat(json.readTree(viaConfig.out()).get("error").asText())
                .contains(dir.resolve("elsewhere/voc.db").toString());
        assertThat(dir.resolve("elsewhere")).doesNotExist();

        Path notAStore = Files.createDirectories(dir.resolve("empty"));
        Files.createFile(notAStore.resolve("voc.db"));
        Run empty = run("records", "--data-dir", notAStore.toString());
        assertThat(empty.code()).as(empty.err()).isEqualTo(2);
        assertThat(empty.err()).contains("holds no VoC store");
        assertThat(Files.size(notAStore.resolve("voc.db")))
                .as("opened read-only: not turned into a store")
                .isZero();
    }

    @Test
    void recordsReadsAnExistingStore() throws Exception {
        Path data = dir.resolve("gw");
        JdbcVocStore.open(GatewayConfig.defaults(data).store(), "gw-1").close();
        Run text = run("records", "--data-dir", data.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("at ").contains("device").contains("sentiment");
        Run js = run("records", "--data-dir", data.toString(), "--json");
        assertThat(js.code()).isZero();
        assertThat(js.out()).isEmpty();
    }

    @Test
    void runWithAnInvalidConfigExits2AndStartsNothing() throws Exception {
        Path f = Files.writeString(
                dir.resolve("bad.yaml"), "data_dir: " + dir.resolve("never") + "\nregistry: {mode: lenient}\n");
        Run r = run("run", "--config", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("registry.mode: expected one of open, strict, got \"lenient\"");
        assertThat(dir.resolve("never")).doesNotExist();
    }
}
