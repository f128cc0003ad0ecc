package io.vocedge.provisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.provisioning.FakeGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end in-process: exit codes (0 ok, 1 failure, 2 usage), one-line errors, the technician's sequence. */
class ProvisionMainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        CommandLine cli = ProvisionMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private String[] args(String... a) {
        return a;
    }

    @Test
    void technicianSequenceFromCaToRevocation() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        String ca = dir.resolve("ca").toString();
        String p = pass.toString();
        assertThat(run("ca", "init", "--dir", ca, "--passphrase-file", p).code()).isZero();
        assertThat(run("gateway", "enroll", "--ca", ca, "--passphrase-file", p, "--id", "gw-1", "--out", dir.resolve("gw").toString()).code())
                .isZero();
        Run broker = run("broker", "config", "--ca", ca, "--passphrase-file", p, "--out", dir.resolve("broker").toString(),
                "--host", "gw.store.example", "--port", "8883");
        assertThat(broker.code()).as(broker.err()).isZero();
        assertThat(Files.readString(dir.resolve("broker/acl"))).contains("user gw-1");

        try (FakeGateway gw = new FakeGateway()) {
            Path token = Files.writeString(dir.resolve("admin-token"), gw.token + "\n");
            List<String> enroll = new ArrayList<>(List.of("device", "enroll", "--ca", ca, "--passphrase-file", p, "--site", "store-berlin",
                    "--name", "desk 1", "--broker-url", "ssl://gw.store.example:8883", "--out", dir.resolve("bundles").toString(),
                    "--tar", "--gateway", gw.url(), "--gateway-token-file", token.toString()));
            Run e = run(enroll.toArray(String[]::new));
            assertThat(e.code()).as(e.err()).isZero();
            assertThat(e.out()).contains("enrolled dev-store-berlin-").contains("gateway:     registered");
            String id = (String) gw.devices.get(0).get("device_id");
            assertThat(dir.resolve("bundles").resolve(id + ".tar")).exists();

            Run dup = run(enroll.toArray(String[]::new));
            assertThat(dup.code()).isEqualTo(1);
            assertThat(dup.err().lines().toList()).singleElement().asString().startsWith("error: site store-berlin already has a device named");

            gw.devices.get(0).putAll(Map.of("online", true, "last_seen", java.time.Instant.now().toString(), "outbox_depth", 3,
                    "software_version", "0.1.0"));
            Run fleet = run("fleet", "list", "--gateway", gw.url(), "--token-file", token.toString());
            assertThat(fleet.code()).as(fleet.err()).isZero();
            assertThat(fleet.out()).contains("DEVICE").contains(id).contains("online").contains("0.1.0").contains("1 devices, 1 online");
            Run json = run("fleet", "list", "--gateway", gw.url(), "--token-file", token.toString(), "--json");
            assertThat(io.vocedge.protocol.Json.newMapper().readTree(json.out()).get(0).get("device_id").asText()).isEqualTo(id);

            Run list = run("device", "list", "--ca", ca);
            assertThat(list.out()).contains(id).contains("desk 1").contains("registered");

            Run revoke = run("device", "revoke", id, "--ca", ca, "--passphrase-file", p, "--gateway", gw.url(), "--gateway-token-file",
                    token.toString());
            assertThat(revoke.code()).as(revoke.err()).isZero();
            assertThat(revoke.out()).contains("revoked in the inventory").contains("regenerated in").contains("revoked at the gateway");
            assertThat(gw.devices.get(0).get("state")).isEqualTo("revoked");
            assertThat(Files.readString(dir.resolve("broker/acl"))).contains("user " + id + "\ntopic deny #");
            assertThat(run("device", "list", "--ca", ca).out()).contains("revoked");
        }
    }

    @Test
    void usageErrorsExitWith2AndOneLine() {
        Run none = run();
        assertThat(none.code()).isEqualTo(2);
        Run missing = run("device", "enroll", "--site", "s");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: Missing required options").contains("--help");
        Run badSite = run("device", "enroll", "--ca", dir.toString(), "--site", "Bad Site", "--name", "n", "--broker-url",
                "ssl://h:8883", "--out", dir.toString());
        assertThat(badSite.code()).isEqualTo(2);
        assertThat(badSite.err().lines().toList()).singleElement().asString().contains("--site 'Bad Site'");
        Run badArch = run("native", "install", "--archive", "x.zip", "--sha256", "a".repeat(64), "--arch", "sparc");
        assertThat(badArch.code()).isEqualTo(2);
        assertThat(run("broker", "config", "--ca", dir.toString(), "--out", dir.toString(), "--host", "h", "--max-inflight", "5").code())
                .isEqualTo(2);
    }

    @Test
    void failuresExitWith1AndNameTheFix() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        Path wrong = Files.writeString(dir.resolve("wrong"), "not it at all, sorry\n");
        String ca = dir.resolve("ca").toString();
        assertThat(run("ca", "init", "--dir", ca, "--passphrase-file", pass.toString()).code()).isZero();
        Run again = run("ca", "init", "--dir", ca, "--passphrase-file", pass.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a fleet CA");

        Run bad = run("device", "enroll", "--ca", ca, "--passphrase-file", wrong.toString(), "--site", "s", "--name", "n",
                "--broker-url", "ssl://h:8883", "--out", dir.resolve("b").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().lines().toList()).singleElement().asString().startsWith("error: wrong CA passphrase");
        assertThat(dir.resolve("b")).doesNotExist();

        Run noCa = run("device", "enroll", "--ca", dir.resolve("nope").toString(), "--passphrase-file", pass.toString(), "--site", "s",
                "--name", "n", "--broker-url", "ssl://h:8883", "--out", dir.resolve("b").toString());
        assertThat(noCa.code()).isEqualTo(1);
        assertThat(noCa.err()).contains("is not a directory");

        Run noToken = run("fleet", "list", "--gateway", "http://127.0.0.1:1", "--token-file", dir.resolve("none").toString());
        assertThat(noToken.code()).isEqualTo(1);
        assertThat(noToken.err()).contains("admin-token");
        Run model = run("model", "install", "--archive", dir.resolve("none.zip").toString(), "--sha256", "a".repeat(64), "--target",
                dir.resolve("model").toString());
        assertThat(model.code()).isEqualTo(1);
        assertThat(model.err()).contains("missing or unreadable");
        assertThat(args()).isEmpty();
    }
}
