package io.vocedge.device.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.PemTls;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import io.vocedge.protocol.Utterance;
import io.vocedge.provisioning.broker.BrokerConfigGenerator;
import io.vocedge.provisioning.broker.BrokerOptions;
import io.vocedge.provisioning.broker.GatewayEnroller;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.cli.ProvisionMain;
import io.vocedge.provisioning.enroll.DeviceEnroller;
import io.vocedge.provisioning.enroll.EnrollRequest;
import io.vocedge.provisioning.enroll.EnrollResult;
import io.vocedge.provisioning.inventory.InventoryStore;
import io.vocedge.testsupport.FreePorts;
import io.vocedge.testsupport.MosquittoBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code voc-provision device renew} against a running device (issue 11): real Mosquitto with the configuration
 * {@code broker config} generates (mutual TLS, dynamic-security rules, CRL), the device's real sync stack (SQLite outbox,
 * Paho link) using its bundle files, a gateway double with the gateway's certificate. The device syncs with
 * certificate A; {@code device renew} writes B into the bundle; the running link notices the files and reconnects with
 * B (no restart, no re-enrolment) and keeps syncing; once the CRL lists A and the broker re-read it, A is refused.
 */
class DeviceRenewIT {
    private static final String SITE = "store-renew";
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void aRunningDevicePicksUpItsRenewedCertificateAndTheOldOneIsRefusedOnceRevoked() throws Exception {
        Path caDir = dir.resolve("ca");
        FleetCa ca =
                FleetCa.create(caDir, PASSPHRASE.toCharArray(), "renew-it", Duration.ofDays(3650), Clock.systemUTC());
        Path passFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
        InventoryStore inventory = new InventoryStore(caDir);
        Path gwDir = dir.resolve("gw");
        new GatewayEnroller(ca, inventory, Clock.systemUTC()).enroll("gw-renew", gwDir, Duration.ofDays(30));
        int port = FreePorts.next();
        String url = "ssl://127.0.0.1:" + port;
        EnrollResult device = new DeviceEnroller(ca, inventory, null, Clock.systemUTC())
                .enroll(new EnrollRequest(
                        SITE,
                        "desk 1",
                        url,
                        "/etc/voc",
                        "/var/lib/voc",
                        "/opt/voc/model",
                        "/opt/voc/lib",
                        "en",
                        dir.resolve("bundles"),
                        false,
                        Duration.ofDays(365)));
        String id = device.deviceId();
        Path bundle = device.bundle();
        Path brokerDir = dir.resolve("broker");
        Files.createDirectories(dir.resolve("persist"));
        var inv = inventory.load().withBrokerDir(brokerDir.toString());
        new BrokerConfigGenerator(ca, Clock.systemUTC())
                .write(
                        inv,
                        brokerDir,
                        new BrokerOptions(
                                "127.0.0.1",
                                port,
                                List.of("127.0.0.1"),
                                brokerDir.toString(),
                                dir.resolve("persist").toString(),
                                1000,
                                100_000,
                                64L << 20,
                                Duration.ofDays(30),
                                Duration.ofDays(30)),
                        false);
        inventory.save(inv);
        // Certificate A, kept aside to try it after the revocation.
        Path oldCert = Files.copy(bundle.resolve("device.pem"), dir.resolve("a.pem"));
        Path oldKey = Files.copy(bundle.resolve("device.key"), dir.resolve("a.key"));

        try (MosquittoBroker broker = MosquittoBroker.startWithConfig(
                        brokerDir.resolve(BrokerConfigGenerator.CONF), port, List.of("user root"));
                AckingGatewayDouble gateway = new AckingGatewayDouble(
                        url,
                        "voc-gateway-gw-renew",
                        PemTls.socketFactory(
                                gwDir.resolve("ca.pem"), gwDir.resolve("gateway.pem"), gwDir.resolve("gateway.key")),
                        Topics.sharedRecordsFilter());
                OutboxSync s = OutboxSync.open(
                        new OutboxSync.Identity(
                                id,
                                SITE,
                                url,
                                new TlsFiles(
                                        bundle.resolve("ca.pem"),
                                        bundle.resolve("device.pem"),
                                        bundle.resolve("device.key"))),
                        OutboxConfig.defaults(dir.resolve("outbox.db")),
                        syncConfig(),
                        Json.newMapper(),
                        "boot",
                        () -> 1,
                        () -> new Status(id, SITE, Status.ONLINE, Instant.now(), true, "test", Map.of()),
                        (c, p, r) -> {},
                        a -> {})) {
            accept(s, id, 0, 20);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> gateway.received.size() == 20 && s.outbox().depth() == 0);
            assertThat(connections(broker, id)).isEqualTo(1);

            // Renew with a new key; the old certificate goes on the CRL written now (grace 0).
            StringWriter out = new StringWriter();
            CommandLine cli = ProvisionMain.commandLine();
            cli.setOut(new PrintWriter(out));
            int code = cli.execute(
                    "device",
                    "renew",
                    id,
                    "--ca",
                    caDir.toString(),
                    "--passphrase-file",
                    passFile.toString(),
                    "--bundle",
                    bundle.toString(),
                    "--revoke-old-after",
                    "0");
            assertThat(code).as(out.toString()).isZero();
            assertThat(out.toString())
                    .contains("renewed " + id)
                    .contains("with a new key")
                    .contains("revoked in the new CRL");
            assertThat(Files.readString(bundle.resolve("device.pem"))).isNotEqualTo(Files.readString(oldCert));
            assertThat(Files.getPosixFilePermissions(bundle.resolve("device.key")))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

            // The running link notices the new files and reconnects with them; the broker sees a second connection.
            await().atMost(Duration.ofSeconds(30)).until(() -> connections(broker, id) == 2);
            accept(s, id, 20, 20);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> gateway.received.size() == 40 && s.outbox().depth() == 0);

            // The broker re-reads the CRL on SIGHUP: certificate A is refused at the handshake from now on.
            broker.reload();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThatThrownBy(
                                    () -> connect(url, bundle.resolve("ca.pem"), oldCert, oldKey, id + "-old"))
                            .isInstanceOf(MqttException.class));
            // A restart ends every session: the device comes back with B and goes on syncing.
            broker.restart();
            accept(s, id, 40, 20);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> gateway.received.size() == 60 && s.outbox().depth() == 0);
            assertThat(gateway.received)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, 60).boxed().toList());
            assertThatThrownBy(() -> connect(url, bundle.resolve("ca.pem"), oldCert, oldKey, id + "-old"))
                    .isInstanceOf(MqttException.class);
        }
    }

    /** As {@code SyncEngineIT}: small batches, fast reconnects. */
    private static SyncConfig syncConfig() {
        SyncConfig d = SyncConfig.defaults();
        return new SyncConfig(
                50,
                d.maxBatchBytes(),
                4,
                Duration.ofSeconds(5),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                d.sessionExpiry(),
                d.keepAlive(),
                d.linger());
    }

    private static void accept(OutboxSync s, String id, int from, int n) throws Exception {
        for (int i = from; i < from + n; i++) {
            s.outbox()
                    .accept(new Utterance(
                            id,
                            0,
                            new RecordTime(Instant.now(), true, "boot", i),
                            "c",
                            "en",
                            null,
                            "text " + i,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "test"));
        }
    }

    /** How many times the broker logged a connection of the device's sync client. */
    private static long connections(MosquittoBroker broker, String id) {
        return broker.log()
                .lines()
                .filter(l -> l.contains("New client connected") && l.contains(" as voc-" + id + " "))
                .count();
    }

    private static void connect(String url, Path ca, Path cert, Path key, String clientId) throws Exception {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        try {
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setConnectionTimeout(5);
            o.setSocketFactory(PemTls.socketFactory(ca, cert, key));
            c.connect(o);
            c.disconnect();
        } finally {
            c.close();
        }
    }
}
