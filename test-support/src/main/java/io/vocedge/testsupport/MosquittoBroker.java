package io.vocedge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Mosquitto process on a free loopback port, with its own config and persistence directory, so a
 * test never depends on the machine's broker. {@link #restart()} keeps port and persistence (sessions and
 * queued QoS 1 messages survive, as on a real broker restart); {@link #kill()} is {@code kill -9}.
 *
 * <p>Queue limits are raised on purpose: Mosquitto's defaults silently drop QoS 1 messages for slow
 * subscribers (max_queued_messages 1000) and cap MQTT 5 publishers at 20 in flight (docs/architecture.md, traps).
 */
public final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final List<String> extraConfig;
    /** A config file written by someone else (e.g. provisioning's 'broker config'), or null for the test defaults. */
    private final Path givenConfig;

    private Process process;

    private MosquittoBroker(Path dir, int port, List<String> extraConfig) {
        this(dir, port, extraConfig, null);
    }

    private MosquittoBroker(Path dir, int port, List<String> extraConfig, Path givenConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
        this.givenConfig = givenConfig;
    }

    /** Starts a broker with default test settings. */
    public static MosquittoBroker start() {
        return start(List.of());
    }

    /** Starts a broker; {@code extraConfig} lines are appended to the generated mosquitto.conf. */
    public static MosquittoBroker start(List<String> extraConfig) {
        try {
            Path dir = Files.createTempDirectory("voc-mosquitto-");
            MosquittoBroker broker = new MosquittoBroker(dir, FreePorts.next(), List.copyOf(extraConfig));
            broker.writeConfig();
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker with a given configuration file (copied, with {@code extraConfig} lines appended, e.g.
     * {@code user root} so a root test run can read owner-only key files). The file must open a listener on
     * {@code port}; readiness is a TCP connect to it (a TLS listener accepts that too).
     */
    public static MosquittoBroker startWithConfig(Path configFile, int port, List<String> extraConfig) {
        try {
            Path dir = Files.createTempDirectory("voc-mosquitto-");
            MosquittoBroker broker = new MosquittoBroker(dir, port, List.copyOf(extraConfig), configFile);
            broker.writeConfig();
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String executable() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "mosquitto not found: install it with 'apt-get install mosquitto' (.ci/run does)");
    }

    private void writeConfig() throws IOException {
        if (givenConfig != null) {
            List<String> lines = new ArrayList<>(Files.readAllLines(givenConfig));
            lines.add("log_dest file " + dir.resolve("mosquitto.log"));
            lines.addAll(extraConfig);
            Files.write(dir.resolve("mosquitto.conf"), lines);
            return;
        }
        List<String> lines = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                "autosave_interval 1",
                "max_queued_messages 1000000",
                "max_queued_bytes 0",
                "max_inflight_messages 0",
                "max_packet_size 1048576",
                "user root",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                "log_type notice"));
        lines.addAll(extraConfig);
        Files.write(dir.resolve("mosquitto.conf"), lines);
    }

    private void launch() {
        try {
            process = new ProcessBuilder(
                            executable(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + dir);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not open port " + port + " within 10 s; see " + dir);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path directory() {
        return dir;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, like a power cut of the broker host: no persistence flush. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM: mosquitto saves its persistence file and exits. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    /** Graceful stop, then start again on the same port with the same persistence. */
    public void restart() {
        stop();
        launch();
    }

    /** SIGHUP: Mosquitto re-reads its ACL file (and password file) without dropping connections. */
    public void reload() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("mosquitto is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The broker's log so far (log_dest file), for assertions and failure messages. */
    public String log() {
        try {
            Path f = dir.resolve("mosquitto.log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Starts again after {@link #stop()} or {@link #kill()}. */
    public void startAgain() {
        launch();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
