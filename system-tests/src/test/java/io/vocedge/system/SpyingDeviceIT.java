package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.PemTls;
import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.FreePorts;
import io.vocedge.testsupport.MosquittoBroker;
import io.vocedge.testsupport.MqttProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, attack 1, replayed: an enrolled device's certificate in the hands of an attacker, on the broker that
 * {@code voc-provision broker config} generates (real Mosquitto, mutual TLS, dynamic-security rules), while two honest
 * device agents (real processes) sync through a real gateway process. The spy opens several connections and tries
 * the gateways' shared group, {@code #}, and the other devices' topics, and forges an ack and a batch.
 *
 * <p>What users care about: every record of the honest devices is stored exactly once, the spy receives nothing, and
 * the throughput with the spy connected stays within 1.5x of a clean run measured in this same test (best of two
 * pairs when the first pair is over, since two cores are shared with whatever else runs).
 */
class SpyingDeviceIT {
    private static final String SITE = "store-1";
    private static final int UTTERANCES = 200;
    private static final int NOT_AUTHORIZED = 0x87;

    @TempDir
    Path dir;

    private final List<JarProcess> processes = new ArrayList<>();
    private final List<MqttAsyncClient> spies = new ArrayList<>();
    private Path gwDir;
    private int runs;

    @Test
    void aSpyingDeviceGetsNothingAndCostsTheOthersNoRecordAndLittleTime() throws Exception {
        Path pass = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        Path ca = dir.resolve("ca");
        provision("ca", "init", "--dir", ca.toString(), "--passphrase-file", pass.toString());
        provision(
                "gateway",
                "enroll",
                "--ca",
                ca.toString(),
                "--passphrase-file",
                pass.toString(),
                "--id",
                "gw-1",
                "--out",
                dir.resolve("gw-cert").toString());
        int port = FreePorts.next();
        String brokerUrl = "ssl://127.0.0.1:" + port;
        Map<String, Path> etc = new LinkedHashMap<>();
        for (String name : List.of("honest-a", "honest-b", "spy")) {
            Path e = dir.resolve("etc-" + name);
            String id = enroll(ca, pass, name, brokerUrl, e);
            etc.put(id, e);
        }
        List<String> ids = new ArrayList<>(etc.keySet());
        String a = ids.get(0);
        String b = ids.get(1);
        String spy = ids.get(2);
        Path brokerDir = dir.resolve("broker");
        Files.createDirectories(dir.resolve("persist"));
        provision(
                "broker",
                "config",
                "--ca",
                ca.toString(),
                "--passphrase-file",
                pass.toString(),
                "--out",
                brokerDir.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--listen",
                "127.0.0.1",
                "--conf-dir",
                brokerDir.toString(),
                "--persistence-dir",
                dir.resolve("persist") + "/");
        try (MosquittoBroker broker =
                MosquittoBroker.startWithConfig(brokerDir.resolve("mosquitto.conf"), port, List.of("user root"))) {
            startGateway(brokerUrl);

            double clean = run(etc, a, b);
            // The spy: three connections with the stolen certificate, each trying everything.
            Queue<String> spied = new ConcurrentLinkedQueue<>();
            List<String> filters = List.of(
                    Topics.sharedRecordsFilter(),
                    Topics.sharedResultsFilter(),
                    "#",
                    "voc/v1/#",
                    "voc/v1/+/+/up/#",
                    "voc/v1/+/" + a + "/up/records",
                    "voc/v1/" + SITE + "/" + b + "/down/#",
                    "voc/v1/+/+/down/ack",
                    "$share/voc-gateways/#",
                    "$share/spies/voc/v1/+/+/up/records");
            openSpies(etc.get(spy), spy, spied, filters);
            MqttAsyncClient forger = spies.get(0);
            assertThat(publish(
                            forger,
                            Topics.ack(SITE, a),
                            "{\"schema\":\"voc.ack/1\",\"batch_id\":\"x\",\"stored\":[{\"from\":1,"
                                    + "\"to\":999999}],\"rejected\":[]}"))
                    .as("forged ack")
                    .isEqualTo(NOT_AUTHORIZED);
            assertThat(publish(forger, Topics.records(SITE, a), "{}"))
                    .as("batch in another's name")
                    .isEqualTo(NOT_AUTHORIZED);

            double spying = run(etc, a, b);
            double ratio = spying / clean;
            if (ratio > 1.5) {
                // One more pair, best of each: a neighbour's build on the shared cores must not decide this.
                closeSpies();
                double clean2 = run(etc, a, b);
                openSpies(etc.get(spy), spy, spied, filters);
                double spying2 = run(etc, a, b);
                clean = Math.min(clean, clean2);
                spying = Math.min(spying, spying2);
                ratio = spying / clean;
            }
            System.out.printf(
                    "SpyingDeviceIT: clean %.0f ms, with spy %.0f ms for 2 x %d utterances (ratio %.2f)%n",
                    clean, spying, UTTERANCES, ratio);
            assertThat(ratio)
                    .as("time with the spy / clean time (clean %.0f ms, spy %.0f ms)", clean, spying)
                    .isLessThanOrEqualTo(1.5);

            for (String id : List.of(a, b)) {
                long[] s = seqStats(id);
                assertThat(s[0])
                        .as("records of %s: count", id)
                        .isEqualTo(s[1])
                        .as("distinct")
                        .isEqualTo(s[3]);
                assertThat(s[2]).as("lowest seq of %s", id).isEqualTo(1);
                assertThat(count("SELECT COUNT(*) FROM records WHERE device_id = ? AND kind = 'utterance'", id))
                        .as("utterances of %s, each stored once", id)
                        .isEqualTo((long) runs * UTTERANCES);
            }
            assertThat(count("SELECT COUNT(*) FROM records WHERE device_id = ?", spy))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE device_id <> ?", spy))
                    .isZero();
            assertThat(spied).as("what the spy received").isEmpty();
        } finally {
            closeSpies();
            processes.forEach(JarProcess::close);
        }
    }

    /** Three connections with the stolen certificate, each trying every filter (and refused every time). */
    private void openSpies(Path spyEtc, String spy, Queue<String> spied, List<String> filters) throws Exception {
        for (int i = 0; i < 3; i++) {
            MqttAsyncClient c = connect(spyEtc, "voc-" + spy + "-" + i + "-" + runs, spied);
            for (String f : filters) {
                assertThat(subscribe(c, f))
                        .as("SUBACK for the spy subscribing to %s", f)
                        .isEqualTo(NOT_AUTHORIZED);
            }
        }
    }

    private void closeSpies() {
        for (MqttAsyncClient c : spies) {
            try {
                c.disconnectForcibly(100, 100, false);
                c.close(true);
            } catch (MqttException ignored) {
                // already gone
            }
        }
        spies.clear();
    }

    /** Both honest devices replay {@link #UTTERANCES} new utterances each until synced; returns the wall time in ms. */
    private double run(Map<String, Path> etc, String a, String b) throws Exception {
        int n = ++runs;
        List<JarProcess> devices = new ArrayList<>();
        for (String id : List.of(a, b)) {
            Path replay = replayFile(id + "-run" + n, UTTERANCES);
            devices.add(new JarProcess(
                    id + " run " + n,
                    JarProcess.jar("voc.device.jar"),
                    dir.resolve(id + "-run" + n + ".log"),
                    List.of(
                            "run",
                            "--config",
                            etc.get(id).resolve("device.yaml").toString(),
                            "--source",
                            "replay:" + replay,
                            "--exit-when-synced"),
                    Map.of()));
        }
        processes.addAll(devices);
        long t0 = System.nanoTime();
        devices.forEach(JarProcess::start);
        for (JarProcess d : devices) {
            assertThat(d.waitForExit(Duration.ofSeconds(240)))
                    .as("device log:%n%s", d.logText())
                    .isZero();
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private void startGateway(String brokerUrl) throws Exception {
        gwDir = Files.createDirectories(dir.resolve("gateway"));
        Path gwCfg = Files.writeString(
                gwDir.resolve("gateway.yaml"),
                String.join(
                        "\n",
                        "gateway_id: gw-1",
                        "broker: {url: \"" + brokerUrl + "\", ca_file: \"" + dir.resolve("gw-cert/ca.pem")
                                + "\", cert_file: \"" + dir.resolve("gw-cert/gateway.pem") + "\", key_file: \""
                                + dir.resolve("gw-cert/gateway.key") + "\"}",
                        "store: {kind: sqlite, sqlite_file: \"" + gwDir.resolve("voc.db") + "\"}",
                        "registry: {mode: open}",
                        ""));
        JarProcess gateway = new JarProcess(
                "gateway",
                JarProcess.jar("voc.gateway.jar"),
                gwDir.resolve("gateway.log"),
                List.of(
                        "run",
                        "--config",
                        gwCfg.toString(),
                        "--data-dir",
                        gwDir.resolve("data").toString()),
                Map.of());
        processes.add(gateway);
        gateway.start();
        Path runtime = gwDir.resolve("data/runtime.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(runtime) || !gateway.isAlive());
        assertThat(gateway.isAlive())
                .as("gateway up over TLS; log:%n%s", gateway.logText())
                .isTrue();
    }

    private String enroll(Path ca, Path pass, String name, String brokerUrl, Path etc) throws Exception {
        Path bundles = dir.resolve("bundles-" + name);
        provision(
                "device",
                "enroll",
                "--ca",
                ca.toString(),
                "--passphrase-file",
                pass.toString(),
                "--site",
                SITE,
                "--name",
                name,
                "--broker-url",
                brokerUrl,
                "--out",
                bundles.toString(),
                "--config-dir",
                etc.toString(),
                "--data-dir",
                dir.resolve("var-" + name).toString(),
                "--model-dir",
                dir.resolve("model").toString());
        Path bundle;
        try (Stream<Path> s = Files.list(bundles)) {
            bundle = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.createDirectories(etc);
        try (Stream<Path> s = Files.list(bundle)) {
            for (Path f : s.toList()) {
                Files.copy(f, etc.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return bundle.getFileName().toString();
    }

    private Path replayFile(String name, int n) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[] texts = {
            "the delivery date keeps moving and nobody calls me back",
            "can i take the blue one for a test drive today",
            "we have been waiting forty minutes for someone to help",
            "the price is fine but the wait is too long"
        };
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> line = new HashMap<>();
            line.put("text", texts[i % texts.length] + " " + i);
            line.put("lang", "en");
            line.put("speaker", i % 3 == 0 ? "staff" : "customer");
            line.put("conversation_id", name + "-c" + (i / 10));
            if (i % 10 == 9) {
                line.put("end_conversation", true);
            }
            lines.add(json.writeValueAsString(line));
        }
        return Files.write(dir.resolve(name + ".jsonl"), lines);
    }

    private MqttAsyncClient connect(Path etc, String clientId, Queue<String> received) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(
                "ssl://127.0.0.1:" + java.net.URI.create(readBrokerUrl(etc)).getPort(),
                clientId,
                new MemoryPersistence());
        spies.add(c);
        c.setCallback(MqttProbe.recorder(received));
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setConnectionTimeout(5);
        o.setSocketFactory(
                PemTls.socketFactory(etc.resolve("ca.pem"), etc.resolve("device.pem"), etc.resolve("device.key")));
        c.connect(o).waitForCompletion(5000);
        return c;
    }

    private static String readBrokerUrl(Path etc) throws Exception {
        return Files.readAllLines(etc.resolve("device.yaml")).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("url:"))
                .findFirst()
                .orElseThrow()
                .substring(4)
                .strip()
                .replace("\"", "");
    }

    private static int subscribe(MqttAsyncClient c, String filter) {
        return MqttProbe.subscribe(c, filter);
    }

    private static int publish(MqttAsyncClient c, String topic, String payload) {
        return MqttProbe.publish(c, topic, payload, false);
    }

    /** count, distinct seqs, lowest, highest. */
    private long[] seqStats(String deviceId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gwDir.resolve("voc.db"));
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM records WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        }
    }

    private long count(String sql, String deviceId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gwDir.resolve("voc.db"));
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void provision(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JarProcess.jar("voc.provision.jar").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("voc-provision %s:%n%s", String.join(" ", args), out)
                .isZero();
    }
}
