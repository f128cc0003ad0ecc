package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.testsupport.MosquittoBroker;
import io.vocedge.testsupport.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * One fault-test world: a real Mosquitto, a fresh PostgreSQL database, gateway and device agents as real
 * processes from the built jars, and the checks every fault test ends with.
 */
final class Scenario implements AutoCloseable {
    final Path dir;
    final MosquittoBroker broker;
    final PostgresDatabase pg;
    final StoreQueries store;
    private final List<JarProcess> processes = new ArrayList<>();
    private final Map<String, Path> deviceDirs = new HashMap<>();

    Scenario(Path dir) {
        this.dir = dir;
        this.broker = MosquittoBroker.start();
        this.pg = PostgresDatabase.create();
        this.store = new StoreQueries(pg.jdbcUrl(), pg.user());
    }

    /** A gateway process on the shared broker and the shared PostgreSQL store. */
    JarProcess gateway(String id, Map<String, String> env) throws IOException {
        return gateway(id, env, List.of());
    }

    /** A gateway process on PostgreSQL with more config lines (e.g. an {@code alerts:} section). */
    JarProcess gateway(String id, Map<String, String> env, List<String> extraYaml) throws IOException {
        return gatewayWithStore(
                id,
                env,
                List.of("  kind: postgresql", "  jdbc_url: " + pg.jdbcUrl(), "  user: " + pg.user()),
                extraYaml);
    }

    /** A gateway process on the shared broker with its own SQLite store ({@link #sqliteStore}). */
    JarProcess sqliteGateway(String id) throws IOException {
        return gatewayWithStore(id, Map.of(), List.of("  kind: sqlite", "  sqlite_file: " + sqliteFile(id)), List.of());
    }

    Path sqliteFile(String gatewayId) {
        return dir.resolve("gateway-" + gatewayId).resolve("data/voc.db");
    }

    /** Reads the SQLite store of a gateway made by {@link #sqliteGateway}. */
    StoreQueries sqliteStore(String gatewayId) {
        return new StoreQueries("jdbc:sqlite:" + sqliteFile(gatewayId), "");
    }

    /** A gateway process whose {@code store:} section is {@code storeYaml} (indented lines), plus more config lines. */
    JarProcess gatewayWithStore(String id, Map<String, String> env, List<String> storeYaml, List<String> extraYaml)
            throws IOException {
        Path gdir = Files.createDirectories(dir.resolve("gateway-" + id));
        Path cfg = gdir.resolve("gateway.yaml");
        List<String> yaml =
                new ArrayList<>(List.of("gateway_id: " + id, "broker:", "  url: " + broker.url(), "store:"));
        yaml.addAll(storeYaml);
        yaml.addAll(List.of("registry:", "  mode: open"));
        yaml.addAll(extraYaml);
        yaml.add("");
        Files.writeString(cfg, String.join("\n", yaml));
        JarProcess p = new JarProcess(
                "gateway " + id,
                JarProcess.jar("voc.gateway.jar"),
                gdir.resolve("gateway.log"),
                List.of(
                        "run",
                        "--config",
                        cfg.toString(),
                        "--data-dir",
                        gdir.resolve("data").toString()),
                env);
        processes.add(p);
        return p;
    }

    /** Starts a gateway and waits until it is connected (runtime.json written). */
    JarProcess startGateway(JarProcess g, String id) throws IOException {
        Path runtime = dir.resolve("gateway-" + id).resolve("data/runtime.json");
        Files.deleteIfExists(runtime);
        g.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(runtime) || !g.isAlive());
        assertThat(g.isAlive())
                .as("gateway %s running; log:%n%s", id, g.logText())
                .isTrue();
        return g;
    }

    /** A device agent process replaying {@code replay} into its own outbox. */
    JarProcess device(String id, Path replay, double rate, long outboxMaxBytes, boolean exitWhenSynced)
            throws IOException {
        return device(id, replay, rate, outboxMaxBytes, exitWhenSynced, "3s");
    }

    /** As {@link #device(String, Path, double, long, boolean)} with the given {@code sync.ack_timeout}. */
    JarProcess device(
            String id, Path replay, double rate, long outboxMaxBytes, boolean exitWhenSynced, String ackTimeout)
            throws IOException {
        List<String> source = new ArrayList<>(List.of("--source", "replay:" + replay, "--rate", Double.toString(rate)));
        if (exitWhenSynced) {
            source.add("--exit-when-synced");
        }
        return deviceProcess(
                id,
                List.of(
                        "outbox:",
                        "  max_bytes: " + outboxMaxBytes,
                        "sync:",
                        "  ack_timeout: " + ackTimeout,
                        "  reconnect_initial: 200ms",
                        "  reconnect_max: 2s"),
                source);
    }

    /**
     * A device agent process listening to a WAV file as if it were its microphone ({@code --realtime}); the
     * config names a speech model directory that does not exist (none can be downloaded here), so segments are
     * cut and queued and the recognizer reports itself unavailable.
     */
    JarProcess audioDevice(String id, Path wav) throws IOException {
        return audioDevice(id, wav, List.of("--realtime"));
    }

    /** {@link #audioDevice(String, Path)} with other run flags than {@code --realtime}. */
    JarProcess audioDevice(String id, Path wav, List<String> runFlags) throws IOException {
        Path ddir = deviceDirs.computeIfAbsent(id, k -> dir.resolve("device-" + k));
        return deviceProcess(
                id,
                List.of(
                        "telemetry:",
                        "  interval_s: 5",
                        "audio:",
                        "  conversation_gap_ms: 3000",
                        "asr:",
                        "  model: " + ddir.resolve("no-model-installed"),
                        "hardware: false"),
                java.util.stream.Stream.concat(java.util.stream.Stream.of("--source", "wav:" + wav), runFlags.stream())
                        .toList());
    }

    /** A device agent on the shared broker, with its own directory, config (plus {@code extraYaml}) and log. */
    private JarProcess deviceProcess(String id, List<String> extraYaml, List<String> sourceArgs) throws IOException {
        Path ddir = deviceDirs.computeIfAbsent(id, k -> dir.resolve("device-" + k));
        Files.createDirectories(ddir);
        Path cfg = ddir.resolve("device.yaml");
        List<String> yaml = new ArrayList<>(List.of(
                "device:",
                "  id: " + id,
                "  site: store-1",
                "data_dir: " + ddir.resolve("data"),
                "broker:",
                "  url: " + broker.url()));
        yaml.addAll(extraYaml);
        yaml.add("");
        Files.writeString(cfg, String.join("\n", yaml));
        List<String> args = new ArrayList<>(List.of("run", "--config", cfg.toString()));
        args.addAll(sourceArgs);
        JarProcess p = new JarProcess(
                "device " + id, JarProcess.jar("voc.device.jar"), ddir.resolve("device.log"), args, Map.of());
        processes.add(p);
        return p;
    }

    Path deviceDataDir(String id) {
        return deviceDirs.get(id).resolve("data");
    }

    DeviceOutboxFile outbox(String deviceId) {
        return new DeviceOutboxFile(deviceDirs.get(deviceId).resolve("data/outbox.db"));
    }

    /** A replay file of {@code n} utterances in conversations of 10 (each ends with a summary). */
    Path replayFile(String name, int n) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        String[] texts = {
            "the delivery date keeps moving and nobody calls me back",
            "我 上 周 交 的 定金 到 现在 还 没 退",
            "can i take the blue one for a test drive today",
            "价格 还行 但是 等 太久 了",
            "we have been waiting forty minutes for someone to help"
        };
        for (int i = 0; i < n; i++) {
            Map<String, Object> line = new HashMap<>();
            String text = texts[i % texts.length];
            line.put("text", text + " " + i);
            line.put("lang", text.codePoints().anyMatch(c -> c > 0x2E80) ? "zh" : "en");
            line.put("speaker", i % 3 == 0 ? "staff" : "customer");
            line.put("conversation_id", name + "-c" + (i / 10));
            if (i % 10 == 9) {
                line.put("end_conversation", true);
            }
            lines.add(json.writeValueAsString(line));
        }
        Path f = dir.resolve(name + ".jsonl");
        Files.write(f, lines);
        return f;
    }

    /** Waits until the store holds exactly 1..lastSeq for the device (each once, in order, no gaps). */
    void assertStoreHoldsExactly(String deviceId, long lastSeq, Duration within) throws Exception {
        assertStoreHoldsExactly(store, deviceId, lastSeq, within);
    }

    /** As {@link #assertStoreHoldsExactly(String, long, Duration)} on the given store. */
    static void assertStoreHoldsExactly(StoreQueries store, String deviceId, long lastSeq, Duration within)
            throws Exception {
        List<Long> expected = LongStream.rangeClosed(1, lastSeq).boxed().toList();
        await().atMost(within)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> store.seqs(deviceId).size() >= expected.size());
        assertThat(store.seqs(deviceId))
                .as("records of %s in the store", deviceId)
                .containsExactlyElementsOf(expected);
        assertThat(store.count("SELECT COUNT(*) FROM dead_letters"))
                .as("dead letters")
                .isZero();
    }

    @Override
    public void close() {
        processes.forEach(JarProcess::close);
        broker.close();
        pg.close();
    }
}
