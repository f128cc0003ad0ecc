package io.vocedge.gateway.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The in-process broker of the embedded default (HiveMQ CE, a production MQTT 5 broker with shared
 * subscriptions), listening on loopback only. If the wanted port is taken (this machine may run Mosquitto on
 * 1883) it takes a free one and says so; the chosen URL is in runtime.json for devices and scripts.
 *
 * <p>Queue limits are set deliberately high: a broker that silently drops QoS 1 messages for a slow
 * subscriber would break guarantee 1 (ARCHITECTURE.md, "Traps").
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    public static EmbeddedBroker start(int wantedPort, Path dir) throws IOException {
        int port = wantedPort == 0 || !free(wantedPort) ? anyFreePort() : wantedPort;
        if (wantedPort != 0 && port != wantedPort) {
            Logger.warn("event=broker_port_taken wanted={} using={} note=\"another broker holds the port; the embedded one "
                    + "listens elsewhere (see runtime.json)\"", wantedPort, port);
        }
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path ext = Files.createDirectories(dir.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), """
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
                      <max-queue-size>1000000</max-queue-size>
                      <strategy>discard</strategy>
                    </queued-messages>
                    <receive-maximum>
                      <server-receive-maximum>1000</server-receive-maximum>
                    </receive-maximum>
                  </mqtt>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(conf).withDataFolder(data)
                .withExtensionsFolder(ext).build();
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
        Logger.info("event=embedded_broker_started url=tcp://127.0.0.1:{}", port);
        return new EmbeddedBroker(hivemq, port);
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
