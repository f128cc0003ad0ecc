package io.vocedge.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code voc-gateway records}: its options are checked before any store is looked for (a bad value is exit 2 with one
 * line naming the option and the accepted form, and nothing is created), and device text made to attack a
 * technician's terminal is printed harmlessly. The filters against seeded stores: {@code RecordsCliSqliteIT},
 * {@code RecordsCliPostgresIT}.
 */
class RecordsCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = GatewayMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--since yesterday                 | --since   | 2026-12-02",
                "--until 2026-02-30                | --until   | 2026-12-02",
                "--since 2026-11-03 --until 2026-11-02 | --until | ",
                "--site Site_A                     | --site    | a-z",
                "--site a --site ../b              | --site    | a-z",
                "--topic Delivery!                 | --topic   | ",
                "--sentiment angry                 | --sentiment | negative",
                "--speaker manager                 | --speaker | customer",
                "--conversations --speaker staff   | --speaker | conversations",
                "--format xml                      | --format  | table, json or csv",
                "--format JSON                     | --format  | table, json or csv",
                "--json --format csv               | --json    | ",
                "--limit 0                         | --limit   | 1-10000",
                "--limit many                      | --limit   | ",
                "--colour red                      | --colour  | "
            })
    void badValuesAreExit2WithOneLineNamingTheOptionAndNothingIsCreated(String args, String option, String form) {
        Path missing = dir.resolve("no-such-gateway");
        List<String> argv = new java.util.ArrayList<>(List.of("records", "--data-dir", missing.toString()));
        argv.addAll(List.of(args.split(" ")));
        Run r = run(argv.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        List<String> lines = r.err().strip().lines().toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("error: ")
                .contains(option)
                .doesNotContain("Exception")
                .doesNotContain("no store");
        if (form != null) {
            assertThat(lines.get(0)).contains(form);
        }
        assertThat(missing).as("nothing created for a command that failed").doesNotExist();
    }

    @Test
    void wellFormedOptionsGoOnToLookForTheStoreAndCreateNone() {
        Path missing = dir.resolve("gatewya");
        Run r = run(
                "records",
                "--data-dir",
                missing.toString(),
                "--conversations",
                "--since",
                "2026-11-01",
                "--until",
                "2026-11-30T12:00:00Z",
                "--site",
                "site-a",
                "--site",
                "site-b",
                "--topic",
                "deposit_refund",
                "--sentiment",
                "negative",
                "--attention",
                "--format",
                "csv",
                "--limit",
                "10000");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .contains(missing.toString());
        assertThat(r.out()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void deviceTextWithTerminalEscapesIsPrintedHarmlessly() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        String evil = "price \u001b[2J\u001b]0;pwned\u0007 ok \u009b31m \u202Eflipped";
        try (JdbcVocStore store = JdbcVocStore.open(GatewayConfig.defaults(data).store(), "gw-test")) {
            StoreTransaction tx = new StoreTransaction();
            tx.add(new StoredRecord(
                    "dev-x\u001b[1m",
                    1,
                    "voc.utterance/1",
                    "utterance",
                    "s1",
                    "c1",
                    "customer",
                    "en",
                    evil,
                    "negative",
                    -0.5,
                    "v1",
                    t,
                    true,
                    "boot",
                    1,
                    t,
                    t,
                    List.of(new StoredRecord.Topic("price\u001b[5m", null)),
                    "{\"topics\":[{\"id\":\"price\\u001b[5m\"}]}"));
            store.commit(tx);
        }
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = GatewayMain.commandLine().execute("records", "--data-dir", data.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out)
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\u009b")
                .doesNotContain("\u202E");
        assertThat(out)
                .contains("price ?[2J?]0;pwned? ok ?31m ?flipped")
                .contains("dev-x?[1m")
                .contains("price?[5m");
    }
}
