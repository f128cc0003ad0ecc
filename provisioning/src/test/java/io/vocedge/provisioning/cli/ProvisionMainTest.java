package io.vocedge.provisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * The CLI end to end in-process: exit codes (0 ok, 1 runtime failure, 2 bad usage or input), one-line errors,
 * {@code --help}/{@code --version} on every subcommand, JSON errors in {@code --json} modes, the technician's sequence.
 */
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

    @Test
    void technicianSequenceFromCaToRevocation() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        String ca = dir.resolve("ca").toString();
        String p = pass.toString();
        assertThat(run("ca", "init", "--dir", ca, "--passphrase-file", p).code())
                .isZero();
        assertThat(run(
                                "gateway",
                                "enroll",
                                "--ca",
                                ca,
                                "--passphrase-file",
                                p,
                                "--id",
                                "gw-1",
                                "--out",
                                dir.resolve("gw").toString())
                        .code())
                .isZero();
        Run broker = run(
                "broker",
                "config",
                "--ca",
                ca,
                "--passphrase-file",
                p,
                "--out",
                dir.resolve("broker").toString(),
                "--host",
                "gw.store.example",
                "--port",
                "8883");
        assertThat(broker.code()).as(broker.err()).isZero();
        assertThat(Files.readString(dir.resolve("broker/dynamic-security.json")))
                .contains("\"username\" : \"gw-1\"");
        assertThat(Files.readString(dir.resolve("broker/mosquitto.conf")))
                .contains("plugin mosquitto_dynamic_security.so")
                .doesNotContainPattern("(?m)^acl_file");

        try (FakeGateway gw = new FakeGateway()) {
            Path token = Files.writeString(dir.resolve("admin-token"), gw.token + "\n");
            List<String> enroll = new ArrayList<>(List.of(
                    "device",
                    "enroll",
                    "--ca",
                    ca,
                    "--passphrase-file",
                    p,
                    "--site",
                    "store-berlin",
                    "--name",
                    "desk 1",
                    "--broker-url",
                    "ssl://gw.store.example:8883",
                    "--out",
                    dir.resolve("bundles").toString(),
                    "--tar",
                    "--gateway",
                    gw.url(),
                    "--gateway-token-file",
                    token.toString()));
            Run e = run(enroll.toArray(String[]::new));
            assertThat(e.code()).as(e.err()).isZero();
            assertThat(e.out())
                    .contains("enrolled dev-store-berlin-")
                    .contains("gateway:     registered")
                    .contains("broker:      rules updated in");
            String id = (String) gw.devices.get(0).get("device_id");
            assertThat(Files.readString(dir.resolve("broker/dynamic-security.json")))
                    .as("enrolling admits the device at the broker")
                    .contains("\"username\" : \"" + id + "\"")
                    .contains("voc/v1/store-berlin/" + id + "/up/records");
            assertThat(dir.resolve("bundles").resolve(id + ".tar")).exists();

            Run dup = run(enroll.toArray(String[]::new));
            assertThat(dup.code()).as("a taken name is bad input").isEqualTo(2);
            assertThat(dup.err().lines().toList())
                    .singleElement()
                    .asString()
                    .startsWith("error: site store-berlin already has a device named");

            gw.devices
                    .get(0)
                    .putAll(Map.of(
                            "online",
                            true,
                            "last_seen",
                            java.time.Instant.now().toString(),
                            "outbox_depth",
                            3,
                            "software_version",
                            "0.1.0"));
            Run fleet = run("fleet", "list", "--gateway", gw.url(), "--token-file", token.toString());
            assertThat(fleet.code()).as(fleet.err()).isZero();
            assertThat(fleet.out())
                    .contains("DEVICE")
                    .contains(id)
                    .contains("online")
                    .contains("0.1.0")
                    .contains("1 devices, 1 online");
            Run json = run("fleet", "list", "--gateway", gw.url(), "--token-file", token.toString(), "--json");
            assertThat(io.vocedge.protocol.Json.newMapper()
                            .readTree(json.out())
                            .get(0)
                            .get("device_id")
                            .asText())
                    .isEqualTo(id);

            Run list = run("device", "list", "--ca", ca);
            assertThat(list.out()).contains(id).contains("desk 1").contains("registered");

            Run revoke = run(
                    "device",
                    "revoke",
                    id,
                    "--ca",
                    ca,
                    "--passphrase-file",
                    p,
                    "--gateway",
                    gw.url(),
                    "--gateway-token-file",
                    token.toString());
            assertThat(revoke.code()).as(revoke.err()).isZero();
            assertThat(revoke.out())
                    .contains("revoked in the inventory")
                    .contains("regenerated in")
                    .contains("revoked at the gateway");
            assertThat(gw.devices.get(0).get("state")).isEqualTo("revoked");
            assertThat(Files.readString(dir.resolve("broker/dynamic-security.json")))
                    .as("a revoked device is not admitted at all")
                    .doesNotContain(id)
                    .contains("gw-1");
            assertThat(run("device", "list", "--ca", ca).out()).contains("revoked");

            byte[] oldCrl = Files.readAllBytes(dir.resolve("broker/crl.pem"));
            Run crl = run("crl", "refresh", "--ca", ca, "--passphrase-file", p, "--days", "30");
            assertThat(crl.code()).as(crl.err()).isZero();
            assertThat(crl.out()).contains("new CRL in").contains("systemctl reload mosquitto");
            java.security.cert.X509CRL fresh =
                    (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCRL(Files.newInputStream(dir.resolve("broker/crl.pem")));
            assertThat(Files.readAllBytes(dir.resolve("broker/crl.pem"))).isNotEqualTo(oldCrl);
            assertThat(fresh.getNextUpdate().toInstant())
                    .isBetween(
                            java.time.Instant.now().plus(java.time.Duration.ofDays(29)),
                            java.time.Instant.now().plus(java.time.Duration.ofDays(31)));
            assertThat(fresh.getRevokedCertificates())
                    .as("the revoked device stays revoked")
                    .hasSize(1);
            assertThat(run("crl", "refresh", "--ca", ca, "--passphrase-file", p, "--days", "0")
                            .code())
                    .isEqualTo(2);
        }
    }

    @Test
    void usageErrorsExitWith2AndOneLine() {
        Run none = run();
        assertThat(none.code()).isEqualTo(2);
        Run missing = run("device", "enroll", "--site", "s");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: Missing required options").contains("--help");
        Run badSite = run(
                "device",
                "enroll",
                "--ca",
                dir.toString(),
                "--site",
                "Bad Site",
                "--name",
                "n",
                "--broker-url",
                "ssl://h:8883",
                "--out",
                dir.toString());
        assertThat(badSite.code()).isEqualTo(2);
        assertThat(badSite.err().lines().toList()).singleElement().asString().contains("--site 'Bad Site'");
        Run badArch = run("native", "install", "--archive", "x.zip", "--sha256", "a".repeat(64), "--arch", "sparc");
        assertThat(badArch.code()).isEqualTo(2);
        assertThat(run(
                                "broker",
                                "config",
                                "--ca",
                                dir.toString(),
                                "--out",
                                dir.toString(),
                                "--host",
                                "h",
                                "--max-inflight",
                                "5")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void badInputExits2WithOneLineNamingTheFix() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        Path wrong = Files.writeString(dir.resolve("wrong"), "not it at all, sorry\n");
        String ca = dir.resolve("ca").toString();
        assertThat(run("ca", "init", "--dir", ca, "--passphrase-file", pass.toString())
                        .code())
                .isZero();
        Run again = run("ca", "init", "--dir", ca, "--passphrase-file", pass.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a fleet CA");

        Run bad = run(
                "device",
                "enroll",
                "--ca",
                ca,
                "--passphrase-file",
                wrong.toString(),
                "--site",
                "s",
                "--name",
                "n",
                "--broker-url",
                "ssl://h:8883",
                "--out",
                dir.resolve("b").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines().toList()).singleElement().asString().startsWith("error: wrong CA passphrase");
        assertThat(dir.resolve("b")).doesNotExist();

        Run noCa = run(
                "device",
                "enroll",
                "--ca",
                dir.resolve("nope").toString(),
                "--passphrase-file",
                pass.toString(),
                "--site",
                "s",
                "--name",
                "n",
                "--broker-url",
                "ssl://h:8883",
                "--out",
                dir.resolve("b").toString());
        assertThat(noCa.code()).isEqualTo(2);
        assertThat(noCa.err()).contains("is not a directory");

        Run noToken = run(
                "fleet",
                "list",
                "--gateway",
                "http://127.0.0.1:1",
                "--token-file",
                dir.resolve("none").toString());
        assertThat(noToken.code()).isEqualTo(2);
        assertThat(noToken.err()).contains("admin-token");
        Run model = run(
                "model",
                "install",
                "--archive",
                dir.resolve("none.zip").toString(),
                "--sha256",
                "a".repeat(64),
                "--target",
                dir.resolve("model").toString());
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("missing or unreadable");
        Run revokeUnknown = run("device", "revoke", "dev-x-00000000", "--ca", ca, "--passphrase-file", pass.toString());
        assertThat(revokeUnknown.code()).isEqualTo(2);
        for (Run r : List.of(again, bad, noCa, noToken, model, revokeUnknown)) {
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).doesNotContain("Usage:").doesNotContain("Exception");
        }
    }

    @Test
    void runtimeFailuresExit1WithOneLine() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "x".repeat(32) + "\n");
        Run unreachable = run("fleet", "list", "--gateway", "http://127.0.0.1:1", "--token-file", token.toString());
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: cannot reach the gateway");

        Path pass = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        Path ca = dir.resolve("ca");
        assertThat(run("ca", "init", "--dir", ca.toString(), "--passphrase-file", pass.toString())
                        .code())
                .isZero();
        Files.writeString(ca.resolve("ca.key"), "garbage");
        Run damaged = run(
                "gateway",
                "enroll",
                "--ca",
                ca.toString(),
                "--passphrase-file",
                pass.toString(),
                "--id",
                "gw-1",
                "--out",
                dir.resolve("gw").toString());
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.err()).contains("restore it from the CA backup");
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
    void helpAndVersionWorkOnEverySubcommandWhateverItsRequiredOptions() {
        List<List<String>> paths = new ArrayList<>();
        commandPaths(ProvisionMain.commandLine(), List.of(), paths);
        assertThat(paths)
                .hasSizeGreaterThan(12)
                .contains(
                        List.of("device", "enroll"),
                        List.of("device", "revoke"),
                        List.of("model", "install"),
                        List.of("selftest"));
        for (List<String> p : paths) {
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as("%s --help: %s", p, r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: voc-provision " + String.join(" ", p));
            args.set(args.size() - 1, "--version");
            assertThat(run(args.toArray(String[]::new)).out())
                    .as("%s --version", p)
                    .startsWith("voc-provision ");
        }
        assertThat(run("help", "device").out()).contains("enroll").contains("revoke");
    }

    @Test
    void jsonModesPrintJsonAlsoForErrors() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Run noToken = run(
                "fleet",
                "list",
                "--gateway",
                "http://127.0.0.1:1",
                "--token-file",
                dir.resolve("none").toString(),
                "--json");
        assertThat(noToken.code()).isEqualTo(2);
        JsonNode n = json.readTree(noToken.out());
        assertThat(n.get("ok").asBoolean()).isFalse();
        assertThat(n.get("exit_code").asInt()).isEqualTo(2);
        assertThat(n.get("error").asText()).contains("token file");

        Run missingOption = run("fleet", "list", "--json");
        assertThat(missingOption.code()).isEqualTo(2);
        assertThat(json.readTree(missingOption.out()).get("error").asText()).contains("Missing required options");

        Run selftest =
                run("selftest", "--json", "--device-jar", dir.resolve("no.jar").toString());
        assertThat(selftest.code()).isEqualTo(2);
        assertThat(json.readTree(selftest.out()).get("error").asText()).contains("device agent not found");

        Path token = Files.writeString(dir.resolve("token"), "x".repeat(32) + "\n");
        Run down = run("fleet", "list", "--gateway", "http://127.0.0.1:1", "--token-file", token.toString(), "--json");
        assertThat(down.code()).isEqualTo(1);
        assertThat(json.readTree(down.out()).get("exit_code").asInt()).isEqualTo(1);
    }
}
