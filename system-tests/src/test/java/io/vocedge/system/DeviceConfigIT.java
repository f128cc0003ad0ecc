package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device agent's configuration is strict, checked with the real jar as a technician would meet it: a broken
 * {@code device.yaml} makes {@code run} exit with code 2 before it starts anything (no data directory, no outbox),
 * naming every bad key by its path, and {@code config check} says the same; valid configurations still start; the
 * sample configurations in the docs and in the .deb pass {@code config check}.
 */
class DeviceConfigIT {
    private static final String VALID_BROKER = "broker: {url: \"tcp://127.0.0.1:1\"}\n";

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    /** One broken file and the problems (paths with the start of their message) that must all be named. */
    record Broken(String name, String yaml, List<String> named) {}

    static final List<Broken> BROKEN = List.of(
            new Broken(
                    "typo'd section",
                    "borker: {url: \"tcp://127.0.0.1:1883\"}\n",
                    List.of("borker: unknown key (did you mean 'broker'?)", "broker: required")),
            new Broken("missing broker", "device: {id: desk-01, site: store-1}\n", List.of("broker: required")),
            new Broken(
                    "broker without url",
                    "broker: {ca_file: /nowhere/ca.pem}\n",
                    List.of("broker.url: required", "broker.ca_file: /nowhere/ca.pem is missing or unreadable")),
            new Broken(
                    "typo'd key",
                    VALID_BROKER + "sync: {ack_timout: 15s}\n",
                    List.of("sync.ack_timout: unknown key (did you mean 'ack_timeout'?)")),
            new Broken(
                    "wrong types",
                    VALID_BROKER + "outbox: {max_bytes: lots, power_loss_safe: maybe}\n",
                    List.of(
                            "outbox.max_bytes: expected a size",
                            "outbox.power_loss_safe: expected true or false, got \"maybe\"")),
            new Broken(
                    "bad enums and units",
                    VALID_BROKER
                            + "audio: {combine: loudest}\nsync: {ack_timeout: 15 parsecs, reconnect_initial: 500}\n",
                    List.of(
                            "audio.combine: expected one of auto, best, beamform, average, channel, got \"loudest\"",
                            "sync.ack_timeout: expected a duration like 15s",
                            "sync.reconnect_initial: expected a duration")),
            new Broken(
                    "camelCase asr and unknown sections",
                    VALID_BROKER
                            + "asr: {model: /opt/voc/model, pendingDir: /tmp/p}\noutbx: {max_bytes: 1000000}\nsink: {}\n",
                    List.of(
                            "asr.pendingDir: unknown key (did you mean 'pending_dir'?)",
                            "outbx: unknown key (did you mean 'outbox'?)",
                            "sink: unknown key")),
            new Broken(
                    "out of range and bad ids",
                    """
                    device: {id: "Desk 1"}
                    broker: {url: "http://gw:80"}
                    telemetry: {interval_s: 0}
                    hardware: {button: {pin: 40}}
                    """,
                    List.of(
                            "device.id: use 1-64 characters", "broker.url: expected tcp://host:port or ssl://host:port",
                            "telemetry.interval_s: expected a whole number in 1..86400, got 0",
                                    "hardware.button.pin: use a BCM GPIO")));

    @Test
    void everyBrokenConfigIsRefusedWithExitTwoNamingEveryBadKeyAndNothingStarts() throws Exception {
        Path replay = Files.writeString(tmp.resolve("replay.jsonl"), "{\"text\": \"hello\", \"lang\": \"en\"}\n");
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (Broken b : BROKEN) {
            Path file = Files.writeString(tmp.resolve("broken-" + i + ".yaml"), b.yaml());
            Path data = tmp.resolve("data-" + i++);
            Result run = device(
                    "run",
                    "--config",
                    file.toString(),
                    "--source",
                    "replay:" + replay,
                    "--data-dir",
                    data.toString(),
                    "--exit-when-synced");
            Result check = device("config", "check", file.toString(), "--json");
            String label = b.name() + " (" + file + ")";
            if (run.code() != 2) {
                failures.add(label + ": run exited " + run.code() + "\n" + run.err());
            }
            if (Files.exists(data)) {
                failures.add(label + ": run created " + data + " although the config is invalid");
            }
            if (check.code() != 2) {
                failures.add(label + ": config check exited " + check.code());
            }
            JsonNode body = json.readTree(check.out());
            List<String> problems = new ArrayList<>();
            body.path("problems").forEach(p -> problems.add(p.asText()));
            for (String want : b.named()) {
                if (!run.err().contains(want)) {
                    failures.add(label + ": run's error does not name '" + want + "':\n" + run.err());
                }
                if (problems.stream().noneMatch(p -> p.startsWith(want))) {
                    failures.add(label + ": config check --json does not list '" + want + "': " + problems);
                }
            }
            assertThat(body.path("ok").asBoolean(true)).as(label).isFalse();
            assertThat(run.err())
                    .as(label + ": no stack trace, no usage dump")
                    .doesNotContain("\tat ")
                    .doesNotContain("Usage:");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aValidConfigStartsAndConfigCheckPrintsTheEffectiveConfigurationWithDefaults() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            Path data = tmp.resolve("data");
            Path file = Files.writeString(tmp.resolve("device.yaml"), """
                    device: {id: desk-07, site: store-9}
                    data_dir: %s
                    broker: {url: "%s"}
                    sync: {ack_timeout: 20s}
                    hardware: false
                    """.formatted(data, broker.url()));
            Result check = device("config", "check", file.toString());
            assertThat(check.code()).as(check.err()).isZero();
            assertThat(check.out())
                    .contains("valid")
                    .contains("ack_timeout: 20s")
                    .contains("reconnect_initial: 500ms")
                    .contains("max_bytes: 268435456")
                    .contains("power_loss_safe: true")
                    .contains("id: desk-07");
            JsonNode js = new ObjectMapper()
                    .readTree(
                            device("config", "check", file.toString(), "--json").out());
            assertThat(js.at("/config/sync/ack_timeout").asText()).isEqualTo("20s");
            assertThat(js.at("/config/broker/url").asText()).isEqualTo(broker.url());

            Path log = tmp.resolve("device.log");
            ProcessBuilder pb = new ProcessBuilder(
                            java(),
                            "-jar",
                            JarProcess.jar("voc.device.jar").toString(),
                            "run",
                            "--config",
                            file.toString(),
                            "--source",
                            "replay:" + Files.writeString(tmp.resolve("r.jsonl"), ""))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process p = pb.start();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Files.readString(log).contains("event=agent_started"));
                assertThat(Files.exists(data.resolve("outbox.db"))).isTrue();
            } finally {
                p.destroy();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(p.exitValue()).as(Files.readString(log)).isIn(0, 143);
        }
    }

    @Test
    void withoutAConfigFileTheBrokerMustBeGivenOnTheCommandLine() throws Exception {
        Path replay = Files.writeString(tmp.resolve("replay.jsonl"), "");
        Result r = device(
                "run",
                "--source",
                "replay:" + replay,
                "--data-dir",
                tmp.resolve("d").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broker: required").contains("--broker URL");
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    /** The sample device configs in the docs and the .deb's /etc/voc/device.yaml pass 'config check'. */
    @Test
    void theSampleConfigsInTheDocsAndTheDebPassConfigCheck() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc-voc"));
        for (String f : List.of("ca.pem", "device.pem", "device.key")) {
            Files.writeString(etc.resolve(f), "stand-in\n");
        }
        Files.setPosixFilePermissions(etc.resolve("device.key"), PosixFilePermissions.fromString("rw-------"));
        Path repo = DocCommandsIT.repo();
        List<Path> samples = new ArrayList<>();
        samples.add(repo.resolve("device/src/deb/data/etc/voc/device.yaml"));
        List<Path> docs = new ArrayList<>(List.of(repo.resolve("device/README.md")));
        try (Stream<Path> s =
                Stream.concat(Files.list(repo.resolve("device/docs")), Files.list(repo.resolve("hardware-docs")))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        int n = 0;
        for (Path doc : docs) {
            Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
            while (m.find()) {
                Path sample = tmp.resolve("sample-" + n++ + ".yaml");
                String yaml = m.group(1);
                if (!yaml.contains("broker:")) {
                    yaml = yaml + VALID_BROKER; // a section shown alone: the rest of the file is whatever is valid
                }
                Files.writeString(sample, "# from " + repo.relativize(doc) + "\n" + yaml);
                samples.add(sample);
            }
        }
        assertThat(samples).as("the deb sample and the docs' yaml blocks").hasSizeGreaterThan(4);
        List<String> failures = new ArrayList<>();
        for (Path sample : samples) {
            String text = Files.readString(sample).replace("/etc/voc/", etc + "/");
            Path f = Files.writeString(tmp.resolve("checked-" + sample.getFileName()), text);
            Result r = device("config", "check", f.toString());
            if (r.code() != 0) {
                failures.add(
                        sample + " (" + text.lines().findFirst().orElse("") + "): exit " + r.code() + "\n" + r.err());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Result device(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                java(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JarProcess.jar("voc.device.jar").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 120 s: " + String.join(" ", args));
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
