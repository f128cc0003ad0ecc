package io.vocedge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A real Apache Kafka broker (the {@code org.apache.kafka:kafka_2.13} server from Maven Central, KRaft mode: one
 * process is broker and controller) started as its own JVM on free loopback ports, with its own log directory.
 * The server's classpath is resolved by Maven when test-support is built (maven-dependency-plugin writes it into this
 * jar), so nothing else needs installing.
 *
 * <p>{@link #stop()} is SIGTERM (controlled shutdown), {@link #kill()} is {@code kill -9}; {@link #startAgain()} keeps
 * ports and data, as a real broker restart does. Transactions work with replication factor 1.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh log directory and starts the broker; returns when it accepts clients. */
    public static KafkaBroker start() {
        try {
            Path dir = Files.createTempDirectory("voc-kafka-");
            KafkaBroker broker = new KafkaBroker(dir, FreePorts.next(), FreePorts.next());
            broker.writeConfig();
            broker.format();
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resolved server classpath (absolute jar paths in the local Maven repository). */
    static String serverClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-server.classpath")) {
            if (in == null) {
                throw new IllegalStateException(
                        "kafka-server.classpath missing from test-support: build it with ./mvnw");
            }
            String cp = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : cp.split(java.io.File.pathSeparator)) {
                if (!Files.isRegularFile(Path.of(jar))) {
                    throw new IllegalStateException(jar + " (Kafka server classpath) is missing: rebuild test-support");
                }
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfig() throws IOException {
        List<String> lines = List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1000000",
                "num.network.threads=2",
                "num.io.threads=2",
                "background.threads=2");
        Files.write(dir.resolve("server.properties"), lines);
        Files.write(
                dir.resolve("log4j2.properties"),
                List.of(
                        "appender.file.type=File",
                        "appender.file.name=FILE",
                        "appender.file.fileName=" + dir.resolve("server.log"),
                        "appender.file.layout.type=PatternLayout",
                        "appender.file.layout.pattern=[%d] %p %m (%c)%n",
                        "rootLogger.level=INFO",
                        "rootLogger.appenderRef.file.ref=FILE"));
    }

    private List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                serverClasspath(),
                mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void format() throws IOException {
        byte[] uuid = new byte[16];
        SecureRandom random = new SecureRandom();
        String clusterId;
        do {
            random.nextBytes(uuid);
            clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(uuid);
            // One id in 64 starts with '-', which kafka-storage's argument parser takes for an option (a CI failure
            // of 2026-12-04: "argument --cluster-id/-t: expected one argument"); Kafka's own Uuid skips those too.
        } while (clusterId.startsWith("-"));
        Process p = new ProcessBuilder(java(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        clusterId,
                        "-c",
                        dir.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        try {
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting kafka storage", e);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(
                            java("kafka.Kafka", dir.resolve("server.properties").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("stdout.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kafka", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka exited with " + process.exitValue() + "; see " + dir);
            }
            if (log().contains("Kafka Server started") && portOpen()) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("kafka did not start within 120 s; see " + dir);
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return dir;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The server log so far (for failure messages). */
    public String log() {
        try {
            Path f = dir.resolve("server.log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no controlled shutdown. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM: controlled shutdown. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts again after {@link #stop()} or {@link #kill()}: same ports, same data. */
    public void startAgain() {
        try {
            Files.writeString(
                    dir.resolve("server.log"), "", StandardCharsets.UTF_8); // readiness looks for a new start line
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
