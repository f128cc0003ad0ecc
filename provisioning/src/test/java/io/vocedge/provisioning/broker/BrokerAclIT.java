package io.vocedge.provisioning.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vocedge.protocol.PemTls;
import io.vocedge.protocol.Topics;
import io.vocedge.provisioning.Fleet;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.provisioning.enroll.DeviceRevoker;
import io.vocedge.provisioning.enroll.EnrollResult;
import io.vocedge.testsupport.FreePorts;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Mosquitto running exactly the configuration {@code broker config} generates (TLS listener requiring a
 * fleet certificate, identity as user name, ACL, CRL) on a free port, with devices enrolled by {@code DeviceEnroller}
 * connecting with their bundle files through the same {@link PemTls} the device agent uses.
 */
class BrokerAclIT {
    private static final String SITE = "store-it";
    private static final int NOT_AUTHORIZED = 0x87;

    @TempDir
    Path dir;

    private Fleet fleet;
    private Path brokerDir;
    private MosquittoBroker broker;
    private String url;
    private EnrollResult a;
    private EnrollResult b;
    private Path gatewayDir;
    private final List<MqttAsyncClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fleet = new Fleet(dir);
        gatewayDir = dir.resolve("gw");
        new GatewayEnroller(fleet.ca, fleet.inventory, fleet.clock).enroll("gw-it", gatewayDir, Duration.ofDays(30));
        int port = FreePorts.next();
        url = "ssl://127.0.0.1:" + port;
        a = fleet.enroll(SITE, "desk a", url);
        b = fleet.enroll(SITE, "desk b", url);
        brokerDir = dir.resolve("broker");
        Files.createDirectories(dir.resolve("persist"));
        BrokerOptions options = new BrokerOptions("127.0.0.1", port, List.of("127.0.0.1", "localhost"), brokerDir.toString(),
                dir.resolve("persist").toString(), 1000, 100_000, 64L * 1024 * 1024, Duration.ofDays(30), Duration.ofDays(30));
        var inv = fleet.inventory.load().withBrokerDir(brokerDir.toString());
        new BrokerConfigGenerator(fleet.ca, fleet.clock).write(inv, brokerDir, options, false);
        fleet.inventory.save(inv);
        broker = MosquittoBroker.startWithConfig(brokerDir.resolve(BrokerConfigGenerator.CONF), port,
                List.of("user root", "log_type all"));
    }

    @AfterEach
    void tearDown() {
        for (MqttAsyncClient c : clients) {
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(100, 100, false);
                }
                c.close(true);
            } catch (MqttException ignored) {
                // already gone
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void enrolledDevicePublishesToItsOwnTopicsAndTheGatewayReceivesAndAnswers() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        MqttAsyncClient gw = gateway(atGateway);
        Queue<String> atDevice = new ConcurrentLinkedQueue<>();
        MqttAsyncClient dev = device(a, atDevice, "voc/v1/+/" + a.deviceId() + "/down/#");

        assertThat(publish(dev, Topics.records(SITE, a.deviceId()), "batch-1")).isLessThan(0x80);
        assertThat(publish(dev, Topics.status(SITE, a.deviceId()), "online")).isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5)).until(() -> atGateway.size() == 2);
        assertThat(atGateway).containsExactlyInAnyOrder(Topics.records(SITE, a.deviceId()) + " batch-1",
                Topics.status(SITE, a.deviceId()) + " online");

        assertThat(publish(gw, Topics.ack(SITE, a.deviceId()), "ack-1")).isLessThan(0x80);
        assertThat(publish(gw, Topics.command(SITE, a.deviceId()), "cmd-1")).isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5)).until(() -> atDevice.size() == 2);
        assertThat(atDevice).containsExactly(Topics.ack(SITE, a.deviceId()) + " ack-1", Topics.command(SITE, a.deviceId()) + " cmd-1");
    }

    @Test
    void deviceCannotPublishAsAnotherDeviceNorReadOthersRecords() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        MqttAsyncClient gw = gateway(atGateway);
        Queue<String> atB = new ConcurrentLinkedQueue<>();
        // B tries to read everything, and A's records in particular.
        MqttAsyncClient devB = device(b, atB, "voc/v1/#", "voc/v1/+/" + a.deviceId() + "/up/#", "$share/voc-gateways/voc/v1/+/+/up/records");
        MqttAsyncClient devA = device(a, new ConcurrentLinkedQueue<>());

        // A forging B's records, B's status, and writing to B's down channel: refused with "not authorised".
        assertThat(publish(devA, Topics.records(SITE, b.deviceId()), "forged")).isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, Topics.status(SITE, b.deviceId()), "forged-status")).isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, Topics.ack(SITE, b.deviceId()), "forged-ack")).isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, Topics.records("other-site", "dev-x"), "forged")).isEqualTo(NOT_AUTHORIZED);
        // A's own record: allowed, reaches the gateway, but not B.
        assertThat(publish(devA, Topics.records(SITE, a.deviceId()), "genuine")).isLessThan(0x80);
        // Sentinel to B after all of the above: once it arrived, anything B was going to get has arrived.
        assertThat(publish(gw, Topics.ack(SITE, b.deviceId()), "sentinel")).isLessThan(0x80);

        await().atMost(Duration.ofSeconds(5)).until(() -> atB.contains(Topics.ack(SITE, b.deviceId()) + " sentinel"));
        assertThat(atB).containsExactly(Topics.ack(SITE, b.deviceId()) + " sentinel");
        await().atMost(Duration.ofSeconds(5)).until(() -> atGateway.contains(Topics.records(SITE, a.deviceId()) + " genuine"));
        assertThat(atGateway).noneMatch(m -> m.contains("forged"));
        assertThat(broker.log()).contains("Denied PUBLISH");
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        MqttAsyncClient c = client("no-cert");
        MqttConnectionOptions o = options();
        o.setSocketFactory(PemTls.socketFactory(brokerDir.resolve("ca.pem"), null, null));
        assertThatThrownBy(() -> c.connect(o).waitForCompletion(5000)).isInstanceOf(MqttException.class);
    }

    @Test
    void certificateFromAnotherCaIsRefusedEvenWithAnEnrolledDevicesId() throws Exception {
        Fleet foreign = new Fleet(dir.resolve("foreign"));
        KeyPair keys = FleetCa.newKeyPair();
        var cert = foreign.ca.issue(a.deviceId(), keys.getPublic(), FleetCa.Purpose.CLIENT, List.of(), Duration.ofDays(30));
        Path certFile = write("foreign.pem", Pem.encode(cert));
        Path keyFile = write("foreign.key", FleetCa.privateKeyPem(keys.getPrivate()));
        MqttAsyncClient c = client("foreign");
        MqttConnectionOptions o = options();
        o.setSocketFactory(PemTls.socketFactory(brokerDir.resolve("ca.pem"), certFile, keyFile));
        assertThatThrownBy(() -> c.connect(o).waitForCompletion(5000)).isInstanceOf(MqttException.class);
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        KeyPair keys = FleetCa.newKeyPair();
        Instant now = Instant.now();
        var cert = fleet.ca.issue(a.deviceId(), keys.getPublic(), FleetCa.Purpose.CLIENT, List.of(),
                now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        Path certFile = write("expired.pem", Pem.encode(cert));
        Path keyFile = write("expired.key", FleetCa.privateKeyPem(keys.getPrivate()));
        MqttAsyncClient c = client("expired");
        MqttConnectionOptions o = options();
        o.setSocketFactory(PemTls.socketFactory(brokerDir.resolve("ca.pem"), certFile, keyFile));
        assertThatThrownBy(() -> c.connect(o).waitForCompletion(5000)).isInstanceOf(MqttException.class);
    }

    @Test
    void revokedDeviceIsStoppedByTheAclAtOnceAndRefusedByTheCrlAfterRestart() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        gateway(atGateway);
        MqttAsyncClient devA = device(a, new ConcurrentLinkedQueue<>());
        assertThat(publish(devA, Topics.records(SITE, a.deviceId()), "before")).isLessThan(0x80);

        List<String> done = new DeviceRevoker(fleet.ca, fleet.inventory, null, Clock.systemUTC())
                .revoke(a.deviceId(), null, Duration.ofDays(30));
        assertThat(done).anyMatch(l -> l.contains("regenerated in " + brokerDir));
        assertThat(Files.readString(brokerDir.resolve("acl"))).contains("user " + a.deviceId() + "\ntopic deny #");

        // ACL reload (SIGHUP): the still-open session may no longer publish.
        broker.reload();
        await().atMost(Duration.ofSeconds(5)).until(() -> publish(devA, Topics.records(SITE, a.deviceId()), "after") == NOT_AUTHORIZED);

        // Restart: the CRL refuses the certificate at the handshake; B is unaffected.
        broker.restart();
        MqttAsyncClient again = client("revoked-again");
        MqttConnectionOptions o = options();
        o.setSocketFactory(PemTls.socketFactory(a.bundle().resolve("ca.pem"), a.bundle().resolve("device.pem"),
                a.bundle().resolve("device.key")));
        assertThatThrownBy(() -> again.connect(o).waitForCompletion(5000)).isInstanceOf(MqttException.class);
        MqttAsyncClient devB = device(b, new ConcurrentLinkedQueue<>());
        assertThat(publish(devB, Topics.records(SITE, b.deviceId()), "b-still-fine")).isLessThan(0x80);
        assertThat(atGateway).noneMatch(m -> m.endsWith(" after"));
    }

    // --- helpers ---

    private MqttAsyncClient gateway(Queue<String> received) throws Exception {
        MqttAsyncClient c = connect("voc-gateway-gw-it", gatewayDir.resolve("ca.pem"), gatewayDir.resolve("gateway.pem"),
                gatewayDir.resolve("gateway.key"), received);
        for (String f : List.of(Topics.sharedRecordsFilter(), Topics.sharedResultsFilter(), Topics.statusFilter())) {
            c.subscribe(new MqttSubscription(f, 1)).waitForCompletion(5000);
        }
        return c;
    }

    private MqttAsyncClient device(EnrollResult d, Queue<String> received, String... filters) throws Exception {
        MqttAsyncClient c = connect("voc-" + d.deviceId() + "-" + UUID.randomUUID().toString().substring(0, 4),
                d.bundle().resolve("ca.pem"), d.bundle().resolve("device.pem"), d.bundle().resolve("device.key"), received);
        for (String f : filters) {
            try {
                c.subscribe(new MqttSubscription(f, 1)).waitForCompletion(5000);
            } catch (MqttException refused) {
                // A refused subscription is as good as one that delivers nothing; delivery is what the tests check.
            }
        }
        return c;
    }

    private MqttAsyncClient connect(String id, Path ca, Path cert, Path key, Queue<String> received) throws Exception {
        MqttAsyncClient c = client(id);
        c.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

            @Override
            public void mqttErrorOccurred(MqttException e) {}

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttToken t) {}

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {}

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
        });
        MqttConnectionOptions o = options();
        o.setSocketFactory(PemTls.socketFactory(ca, cert, key));
        c.connect(o).waitForCompletion(5000);
        return c;
    }

    private MqttAsyncClient client(String id) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(url, id, new MemoryPersistence());
        clients.add(c);
        return c;
    }

    private static MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setConnectionTimeout(5);
        o.setAutomaticReconnect(false);
        return o;
    }

    /** Publishes at QoS 1 and returns the PUBACK reason code (0 = success, 0x87 = not authorised). */
    private static int publish(MqttAsyncClient c, String topic, String payload) {
        try {
            IMqttToken t = c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            t.waitForCompletion(5000);
            int[] codes = t.getReasonCodes();
            return codes == null || codes.length == 0 ? 0 : codes[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return p;
    }
}
