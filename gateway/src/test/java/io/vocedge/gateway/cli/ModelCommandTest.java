package io.vocedge.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code model publish|status}: what an operator sees, and the one-line errors that name the fix. */
class ModelCommandTest {
    @TempDir
    Path dir;

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

    private static byte[] model(String version, int body) throws Exception {
        return io.vocedge.gateway.model.ModelFiles.model(version, body);
    }

    @Test
    void publishThenStatusShowsDesiredReportedAndInSync() throws Exception {
        Path data = dir.resolve("data");
        try (JdbcVocStore s = JdbcVocStore.open(GatewayConfig.defaults(data).store(), "gw-1")) {
            s.register(new DeviceEntry(
                    "dev-a", "s1", "a", null, DeviceEntry.REGISTERED, Instant.now(), null, null, false, null, null));
        }
        Path file = Files.write(dir.resolve("m.vocim"), model("2-abc", 300_000));
        Run r = run("model", "publish", "--file", file.toString(), "--data-dir", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("model 2-abc published for every site")
                .contains("3 chunks")
                .contains("sha256 ")
                .contains(String.valueOf(Files.size(file)));

        Run again = run("model", "publish", "--file", file.toString(), "--data-dir", data.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already the one published for every site");

        Run status = run("model", "status", "--data-dir", data.toString());
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("published  *").contains("REPORTED");
        assertThat(status.out().lines().filter(l -> l.startsWith("dev-a")))
                .singleElement()
                .satisfies(l -> assertThat(l.split("\\s+"))
                        .containsExactly("dev-a", "s1", "registered", "2-abc", "?", "pending"));
    }

    /** The embedded default store is a SQLite file: publishing a lexicon must write to it (it once opened it read-only). */
    @Test
    void aLexiconIsPublishedToTheEmbeddedSqliteStoreToo() throws Exception {
        Path data = dir.resolve("data");
        JdbcVocStore.open(GatewayConfig.defaults(data).store(), "gw-1").close();
        Path yaml = Files.writeString(
                dir.resolve("lexicon.yaml"), "version: \"2099.1.1\"\ntopics:\n  delivery: {en: [shipment]}\n");
        Run r = run("lexicon", "publish", yaml.toString(), "--data-dir", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lexicon 2099.1.1 published for every site");
        Run status = run("lexicon", "status", "--data-dir", data.toString());
        assertThat(status.out()).contains("2099.1.1");
    }

    @Test
    void errorsNameTheProblemAndTheFix() throws Exception {
        Path data = dir.resolve("data");
        JdbcVocStore.open(GatewayConfig.defaults(data).store(), "gw-1").close();
        Path yaml = Files.writeString(dir.resolve("lexicon.yaml"), "version: 3\n".repeat(20));
        Run notModel = run("model", "publish", "--file", yaml.toString(), "--data-dir", data.toString());
        assertThat(notModel.code()).isEqualTo(2);
        assertThat(notModel.err())
                .contains("is not a VoC Edge insight model (no VOCIM header)")
                .contains("voc-device insights train");
        assertThat(notModel.err().strip().lines()).hasSize(1);

        Run missing =
                run("model", "publish", "--file", dir.resolve("nope.vocim").toString(), "--data-dir", data.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");

        Path file = Files.write(dir.resolve("m.vocim"), model("2-abc", 100));
        Run badSite =
                run("model", "publish", "--file", file.toString(), "--site", "Bad Site", "--data-dir", data.toString());
        assertThat(badSite.code()).isEqualTo(2);
        assertThat(badSite.err()).contains("--site");

        Run device = run("model", "publish", "--file", "/dev/zero", "--data-dir", data.toString());
        assertThat(device.code()).isEqualTo(2);
        assertThat(device.err()).contains("/dev/zero is not a regular file");

        Run noFile = run("model", "publish", "--data-dir", data.toString());
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("--file");

        Run empty = run("model", "status", "--data-dir", data.toString());
        assertThat(empty.out()).contains("no model published");
    }
}
