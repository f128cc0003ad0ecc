package io.vocedge.gateway.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.vocedge.common.fs.OwnerOnly;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The in-process broker of the embedded default (HiveMQ CE, a production MQTT 5 broker with shared
 * subscriptions), listening on loopback only. If the wanted port is taken (this machine may run Mosquitto on
 * 1883) it takes a free one and says so; the chosen URL is in runtime.json for devices and scripts.
 *
 * <p>Hardened like the Mosquitto that {@code voc-provision broker config} writes (issue 11): every client logs in
 * ({@link BrokerCredentials}: passwords derived from a secret created 0600 at the first start), and
 * {@link EmbeddedBrokerRules} decide every SUBSCRIBE and PUBLISH through an extension registered in-process. Packets
 * are capped at {@value #MAX_PACKET_BYTES} bytes (the protocol's 256 KiB message plus room for topic and properties),
 * each client's queue at {@value #MAX_QUEUED_MESSAGES} messages (beyond it the newest are discarded: devices resend
 * unacked batches and the gateway's acks are repeated, so a discard delays, never loses), sessions and messages
 * expire after {@value #MAX_EXPIRY_SECONDS} s, topics are at most 256 characters, and a connection that sends no
 * CONNECT within 10 s is closed.
 */
public final class EmbeddedBroker implements AutoCloseable {
    static final int MAX_PACKET_BYTES = 256 * 1024 + 4096;
    static final int MAX_QUEUED_MESSAGES = 1000;
    static final int MAX_EXPIRY_SECONDS = 3600;
    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private final BrokerCredentials credentials;
    private final BrokerSecurityExtension security;

    private EmbeddedBroker(
            EmbeddedHiveMQ hivemq, int port, BrokerCredentials credentials, BrokerSecurityExtension security) {
        this.hivemq = hivemq;
        this.port = port;
        this.credentials = credentials;
        this.security = security;
    }

    public static EmbeddedBroker start(int wantedPort, Path dir) throws IOException {
        int port = wantedPort == 0 || !free(wantedPort) ? anyFreePort() : wantedPort;
        if (wantedPort != 0 && port != wantedPort) {
            Logger.warn(
                    "event=broker_port_taken wanted={} using={} note=\"another broker holds the port; the embedded one "
                            + "listens elsewhere (see runtime.json)\"",
                    wantedPort,
                    port);
        }
        // Owner-only: the broker's persistence holds message payloads (redacted transcripts) and, later, credentials.
        OwnerOnly.directory(dir);
        Path conf = OwnerOnly.directory(dir.resolve("conf"));
        Path data = OwnerOnly.directory(dir.resolve("data"));
        Path ext = OwnerOnly.directory(dir.resolve("extensions"));
        OwnerOnly.writeAtomically(
                conf.resolve("config.xml"),
                String.format(Locale.ROOT, """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages>
                      <max-queue-size>%2$d</max-queue-size>
                      <strategy>discard</strategy>
                    </queued-messages>
                    <receive-maximum>
                      <server-receive-maximum>1000</server-receive-maximum>
                    </receive-maximum>
                    <packets>
                      <max-packet-size>%3$d</max-packet-size>
                    </packets>
                    <session-expiry>
                      <max-interval>%4$d</max-interval>
                    </session-expiry>
                    <message-expiry>
                      <max-interval>%4$d</max-interval>
                    </message-expiry>
                  </mqtt>
                  <restrictions>
                    <max-client-id-length>128</max-client-id-length>
                    <max-topic-length>256</max-topic-length>
                    <no-connect-idle-timeout>10000</no-connect-idle-timeout>
                  </restrictions>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """, port, MAX_QUEUED_MESSAGES, MAX_PACKET_BYTES, MAX_EXPIRY_SECONDS)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BrokerCredentials credentials = BrokerCredentials.loadOrCreate(dir);
        BrokerSecurityExtension security = new BrokerSecurityExtension(credentials, MAX_QUEUED_MESSAGES);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(ext)
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("voc-security")
                        .withName("VoC Edge broker rules")
                        .withVersion("1")
                        .withPriority(1000)
                        .withStartPriority(1000)
                        .withExtensionMain(security)
                        .build())
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            try {
                hivemq.close();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IOException("embedded broker failed to start on port " + port + ": " + e.getMessage(), e);
        }
        tighten(dir);
        Logger.info("event=embedded_broker_started url=tcp://127.0.0.1:{}", port);
        return new EmbeddedBroker(hivemq, port, credentials, security);
    }

    /**
     * HiveMQ creates its persistence files with the process umask; they sit inside the 0700 directory (nobody else
     * can reach them) and are tightened to 0600/0700 here, once it has created them at start.
     */
    private static void tighten(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    OwnerOnly.directory(p);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    OwnerOnly.restrict(p);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The passwords of this broker's clients (the gateway's own, and any device's). */
    public BrokerCredentials credentials() {
        return credentials;
    }

    /** Connections, subscriptions and publishes refused so far, for metrics and tests. */
    public long refusals() {
        return security.refusedConnects.get() + security.refusedSubscribes.get() + security.refusedPublishes.get();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            Logger.warn("event=embedded_broker_stop_failed error=\"{}\"", e.getMessage());
        }
    }
}
