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
import io.vocedge.testsupport.MqttProbe;
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
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Mosquitto running exactly the configuration {@code broker config} generates (TLS listener requiring a
 * fleet certificate, identity as user name, ACL, CRL) on a free port, with devices enrolled by {@code DeviceEnroller}
 * connecting with their bundle files through the same {@link PemTls} the device agent uses. The rules are the
 * dynamic-security plugin's ({@link DynamicSecurityRules}); every forbidden SUBSCRIBE is checked for its SUBACK reason
 * code, not only for what it delivers.
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
        BrokerOptions options = new BrokerOptions(
                "127.0.0.1",
                port,
                List.of("127.0.0.1", "localhost"),
                brokerDir.toString(),
                dir.resolve("persist").toString(),
                1000,
                100_000,
                64L * 1024 * 1024,
                Duration.ofDays(30),
                Duration.ofDays(30));
        var inv = fleet.inventory.load().withBrokerDir(brokerDir.toString());
        new BrokerConfigGenerator(fleet.ca, fleet.clock).write(inv, brokerDir, options, false);
        fleet.inventory.save(inv);
        broker = MosquittoBroker.startWithConfig(
                brokerDir.resolve(BrokerConfigGenerator.CONF), port, List.of("user root", "log_type all"));
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
        MqttAsyncClient dev = device(a, atDevice, Topics.ack(SITE, a.deviceId()), Topics.command(SITE, a.deviceId()));

        assertThat(publish(dev, Topics.records(SITE, a.deviceId()), "batch-1")).isLessThan(0x80);
        assertThat(publish(dev, Topics.status(SITE, a.deviceId()), "online")).isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5)).until(() -> atGateway.size() == 2);
        assertThat(atGateway)
                .containsExactlyInAnyOrder(
                        Topics.records(SITE, a.deviceId()) + " batch-1", Topics.status(SITE, a.deviceId()) + " online");

        assertThat(publish(gw, Topics.ack(SITE, a.deviceId()), "ack-1")).isLessThan(0x80);
        assertThat(publish(gw, Topics.command(SITE, a.deviceId()), "cmd-1")).isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5)).until(() -> atDevice.size() == 2);
        assertThat(atDevice)
                .containsExactly(
                        Topics.ack(SITE, a.deviceId()) + " ack-1", Topics.command(SITE, a.deviceId()) + " cmd-1");
    }

    @Test
    void deviceCannotPublishAsAnotherDeviceNorSubscribeToAnythingButItsOwnDownTopics() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        MqttAsyncClient gw = gateway(atGateway);
        Queue<String> atB = new ConcurrentLinkedQueue<>();
        MqttAsyncClient devB = device(b, atB);
        // B tries to read everything, A's records in particular, and to join the gateways' group: refused at SUBSCRIBE.
        for (String f : List.of(
                "#",
                "voc/v1/#",
                "voc/v1/+/" + a.deviceId() + "/up/#",
                "voc/v1/" + SITE + "/" + a.deviceId() + "/down/#",
                Topics.sharedRecordsFilter(),
                Topics.sharedResultsFilter(),
                "$share/other-group/voc/v1/+/+/up/records",
                "$share/x/#",
                "voc/v1/+/+/up/status",
                "$SYS/#",
                "$CONTROL/dynamic-security/#")) {
            assertThat(subscribe(devB, f))
                    .as("SUBACK for B subscribing to %s", f)
                    .isEqualTo(NOT_AUTHORIZED);
        }
        assertThat(subscribe(devB, "voc/v1/" + SITE + "/" + b.deviceId() + "/down/#"))
                .as("its own down/#")
                .isLessThan(0x80);
        MqttAsyncClient devA = device(a, new ConcurrentLinkedQueue<>());

        // A forging B's records, B's status, and writing to B's down channel: refused with "not authorised".
        assertThat(publish(devA, Topics.records(SITE, b.deviceId()), "forged")).isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, Topics.status(SITE, b.deviceId()), "forged-status"))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, Topics.ack(SITE, b.deviceId()), "forged-ack")).isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, Topics.ack(SITE, a.deviceId()), "forged-own-ack"))
                .as("not even its own ack")
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, Topics.records("other-site", "dev-x"), "forged"))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devA, "$CONTROL/dynamic-security/v1", "{\"commands\":[]}"))
                .isEqualTo(NOT_AUTHORIZED);
        // A's own record: allowed, reaches the gateway, but not B.
        assertThat(publish(devA, Topics.records(SITE, a.deviceId()), "genuine")).isLessThan(0x80);
        // Sentinel to B after all of the above: once it arrived, anything B was going to get has arrived.
        assertThat(publish(gw, Topics.ack(SITE, b.deviceId()), "sentinel")).isLessThan(0x80);

        await().atMost(Duration.ofSeconds(5)).until(() -> atB.contains(Topics.ack(SITE, b.deviceId()) + " sentinel"));
        assertThat(atB).containsExactly(Topics.ack(SITE, b.deviceId()) + " sentinel");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> atGateway.contains(Topics.records(SITE, a.deviceId()) + " genuine"));
        assertThat(atGateway).noneMatch(m -> m.contains("forged"));
    }

    @Test
    void aDeviceInTheGatewaysSharedGroupCannotTakeOtherDevicesBatches() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        gateway(atGateway);
        Queue<String> atB = new ConcurrentLinkedQueue<>();
        MqttAsyncClient devB = device(b, atB);
        assertThat(subscribe(devB, Topics.sharedRecordsFilter())).isEqualTo(NOT_AUTHORIZED);
        MqttAsyncClient devA = device(a, new ConcurrentLinkedQueue<>());
        for (int i = 0; i < 20; i++) {
            assertThat(publish(devA, Topics.records(SITE, a.deviceId()), "batch-" + i))
                    .isLessThan(0x80);
        }
        // With Mosquitto's ACL file the broker gave B every other batch and dropped it (the gateway got 10 of 20).
        await().atMost(Duration.ofSeconds(5)).until(() -> atGateway.size() >= 20);
        assertThat(atGateway).hasSize(20);
        assertThat(atB).isEmpty();
    }

    @Test
    void topicsDeeperThanTheContractAndRetainedMessagesOutsideItAreRefused() throws Exception {
        MqttAsyncClient devA = device(a, new ConcurrentLinkedQueue<>());
        String base = "voc/v1/" + SITE + "/" + a.deviceId() + "/";
        for (String t : List.of(
                base + "up/records/deep",
                base + "up/records/a/b/c",
                base + "up/other",
                base + "up",
                base + "x/y",
                "voc/v1/" + SITE + "/" + a.deviceId())) {
            assertThat(publishRetained(devA, t, "junk"))
                    .as("retained publish to %s", t)
                    .isEqualTo(NOT_AUTHORIZED);
        }
        // The contract's retained topic works; a new gateway connection gets the status, and only that.
        assertThat(publishRetained(devA, Topics.status(SITE, a.deviceId()), "online"))
                .isLessThan(0x80);
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        gateway(atGateway);
        await().atMost(Duration.ofSeconds(5)).until(() -> !atGateway.isEmpty());
        assertThat(atGateway).containsExactly(Topics.status(SITE, a.deviceId()) + " online");
    }

    @Test
    void modelDistributionTopicsAreTheDevicesOwnAndTheGatewaysAnswersReachOnlyThatDevice() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        MqttAsyncClient gw = gateway(atGateway);
        Queue<String> atA = new ConcurrentLinkedQueue<>();
        MqttAsyncClient devA = device(a, atA, Topics.model(SITE, a.deviceId()), Topics.modelChunk(SITE, a.deviceId()));
        Queue<String> atB = new ConcurrentLinkedQueue<>();
        MqttAsyncClient devB = device(b, atB);

        // B may not read A's chunks nor join the gateways' request group, nor ask on A's behalf or write down topics.
        assertThat(subscribe(devB, Topics.modelChunk(SITE, a.deviceId()))).isEqualTo(NOT_AUTHORIZED);
        assertThat(subscribe(devB, Topics.model(SITE, a.deviceId()))).isEqualTo(NOT_AUTHORIZED);
        assertThat(subscribe(devB, Topics.sharedModelRequestsFilter())).isEqualTo(NOT_AUTHORIZED);
        assertThat(subscribe(devB, "voc/v1/+/+/up/model_request")).isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devB, Topics.modelRequest(SITE, a.deviceId()), "forged-request"))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devB, Topics.model(SITE, b.deviceId()), "forged-manifest"))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publishRetained(devB, Topics.model(SITE, a.deviceId()), "forged-manifest"))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devB, Topics.modelChunk(SITE, a.deviceId()), "forged-chunk"))
                .isEqualTo(NOT_AUTHORIZED);

        // A asks on its own topic; the gateway gets it through the shared group and answers A.
        assertThat(publish(devA, Topics.modelRequest(SITE, a.deviceId()), "request-0"))
                .isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> atGateway.contains(Topics.modelRequest(SITE, a.deviceId()) + " request-0"));
        assertThat(publishRetained(gw, Topics.model(SITE, a.deviceId()), "manifest"))
                .isLessThan(0x80);
        assertThat(publish(gw, Topics.modelChunk(SITE, a.deviceId()), "chunk-0"))
                .isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5)).until(() -> atA.size() == 2);
        assertThat(atA)
                .containsExactly(
                        Topics.model(SITE, a.deviceId()) + " manifest",
                        Topics.modelChunk(SITE, a.deviceId()) + " chunk-0");
        assertThat(atGateway).noneMatch(m -> m.contains("forged"));
        assertThat(atB).isEmpty();
    }

    @Test
    void aGatewayGetsOnlyWhatItNeeds() throws Exception {
        MqttAsyncClient gw = gateway(new ConcurrentLinkedQueue<>());
        for (String f :
                List.of("#", "voc/v1/#", "$share/voc-gateways/#", "voc/v1/+/+/down/#", "$CONTROL/dynamic-security/#")) {
            assertThat(subscribe(gw, f))
                    .as("SUBACK for the gateway subscribing to %s", f)
                    .isEqualTo(NOT_AUTHORIZED);
        }
        assertThat(publish(gw, Topics.records(SITE, a.deviceId()), "forged-by-gateway"))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(gw, Topics.ack(SITE, a.deviceId()) + "/deeper", "x")).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void aDeviceEnrolledAfterTheBrokerStartedIsAdmittedAfterARestart() throws Exception {
        EnrollResult c = fleet.enroll(SITE, "desk c", url);
        assertThat(Files.readString(brokerDir.resolve(BrokerConfigGenerator.RULES)))
                .as("enroll updated the rules")
                .contains(c.deviceId());
        MqttAsyncClient devC = device(c, new ConcurrentLinkedQueue<>());
        assertThat(publish(devC, Topics.records(SITE, c.deviceId()), "too-early"))
                .as("rules are read at start only")
                .isEqualTo(NOT_AUTHORIZED);
        broker.restart();
        MqttAsyncClient again = device(c, new ConcurrentLinkedQueue<>());
        assertThat(publish(again, Topics.records(SITE, c.deviceId()), "after-restart"))
                .isLessThan(0x80);
    }

    @Test
    void enrollAndRevokeWithBrokerAdminChangeTheRunningBrokersRulesWithoutARestart() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        gateway(atGateway);
        MqttAsyncClient devB = device(b, new ConcurrentLinkedQueue<>());
        String pass = fleet.passphraseFile().toString();
        Path bundles = dir.resolve("live-bundles");

        // Enrolled while the broker runs: admitted at once, no restart.
        java.io.StringWriter out = new java.io.StringWriter();
        assertThat(cli(
                        out,
                        "device",
                        "enroll",
                        "--ca",
                        fleet.caDir.toString(),
                        "--passphrase-file",
                        pass,
                        "--site",
                        SITE,
                        "--name",
                        "desk live",
                        "--broker-url",
                        url,
                        "--out",
                        bundles.toString(),
                        "--broker-admin",
                        url))
                .as(out.toString())
                .isZero();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("enrolled (\\S+) ").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        String id = m.group(1);
        assertThat(out.toString()).contains("live broker: role voc-device-" + id + ": done; client " + id + ": done");
        Path bundle = bundles.resolve(id);
        Queue<String> atLive = new ConcurrentLinkedQueue<>();
        MqttAsyncClient live = connect(
                "voc-" + id,
                bundle.resolve("ca.pem"),
                bundle.resolve("device.pem"),
                bundle.resolve("device.key"),
                atLive);
        assertThat(subscribe(live, "voc/v1/" + SITE + "/" + id + "/down/#")).isLessThan(0x80);
        assertThat(subscribe(live, Topics.sharedRecordsFilter()))
                .as("the same rules as a device in the file")
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(live, Topics.records(SITE, id), "live-1")).isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5)).until(() -> atGateway.contains(Topics.records(SITE, id) + " live-1"));

        // Revoked while connected: the plugin closes its connection and it may do nothing any more; B goes on.
        out = new java.io.StringWriter();
        assertThat(cli(
                        out,
                        "device",
                        "revoke",
                        id,
                        "--ca",
                        fleet.caDir.toString(),
                        "--passphrase-file",
                        pass,
                        "--broker-admin",
                        url))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("client " + id + " removed and disconnected: done");
        await().atMost(Duration.ofSeconds(5)).until(() -> !live.isConnected());
        // Until the broker host re-reads the CRL (SIGHUP) the handshake still succeeds, but nothing is allowed.
        MqttAsyncClient again = connect(
                "voc-" + id + "-again",
                bundle.resolve("ca.pem"),
                bundle.resolve("device.pem"),
                bundle.resolve("device.key"),
                new ConcurrentLinkedQueue<>());
        assertThat(publish(again, Topics.records(SITE, id), "after-revoke")).isEqualTo(NOT_AUTHORIZED);
        assertThat(subscribe(again, "voc/v1/" + SITE + "/" + id + "/down/#")).isEqualTo(NOT_AUTHORIZED);
        assertThat(publish(devB, Topics.records(SITE, b.deviceId()), "b-fine")).isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> atGateway.contains(Topics.records(SITE, b.deviceId()) + " b-fine"));
        assertThat(atGateway).noneMatch(l -> l.endsWith("after-revoke"));

        // A device cannot use the admin channel, and a certificate for the admin name needs the CA key.
        assertThat(publish(
                        devB,
                        "$CONTROL/dynamic-security/v1",
                        "{\"commands\":[{\"command\":\"deleteClient\",\"username\":\"" + a.deviceId() + "\"}]}"))
                .isEqualTo(NOT_AUTHORIZED);
        MqttAsyncClient devA = device(a, new ConcurrentLinkedQueue<>());
        assertThat(publish(devA, Topics.records(SITE, a.deviceId()), "a-still-admitted"))
                .isLessThan(0x80);
    }

    private static int cli(java.io.StringWriter out, String... args) {
        picocli.CommandLine c = io.vocedge.provisioning.cli.ProvisionMain.commandLine();
        c.setOut(new java.io.PrintWriter(out, true));
        c.setErr(new java.io.PrintWriter(out, true));
        return c.execute(args);
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
        var cert = foreign.ca.issue(
                a.deviceId(), keys.getPublic(), FleetCa.Purpose.CLIENT, List.of(), Duration.ofDays(30));
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
        var cert = fleet.ca.issue(
                a.deviceId(),
                keys.getPublic(),
                FleetCa.Purpose.CLIENT,
                List.of(),
                now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)));
        Path certFile = write("expired.pem", Pem.encode(cert));
        Path keyFile = write("expired.key", FleetCa.privateKeyPem(keys.getPrivate()));
        MqttAsyncClient c = client("expired");
        MqttConnectionOptions o = options();
        o.setSocketFactory(PemTls.socketFactory(brokerDir.resolve("ca.pem"), certFile, keyFile));
        assertThatThrownBy(() -> c.connect(o).waitForCompletion(5000)).isInstanceOf(MqttException.class);
    }

    @Test
    void revokedDeviceIsRefusedByTheCrlAfterAReloadAndLosesItsSessionAndRulesAfterARestart() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        gateway(atGateway);
        MqttAsyncClient devA = device(a, new ConcurrentLinkedQueue<>());
        assertThat(publish(devA, Topics.records(SITE, a.deviceId()), "before")).isLessThan(0x80);

        List<String> done = new DeviceRevoker(fleet.ca, fleet.inventory, null, Clock.systemUTC())
                .revoke(a.deviceId(), null, Duration.ofDays(30));
        assertThat(done).anyMatch(l -> l.contains("regenerated in " + brokerDir));
        assertThat(Files.readString(brokerDir.resolve(BrokerConfigGenerator.RULES)))
                .doesNotContain(a.deviceId());

        // SIGHUP: Mosquitto 2.0 re-reads the CRL, so a new connection with the revoked certificate fails the handshake.
        broker.reload();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThatThrownBy(() -> connect(
                                "revoked-after-hup",
                                a.bundle().resolve("ca.pem"),
                                a.bundle().resolve("device.pem"),
                                a.bundle().resolve("device.key"),
                                new ConcurrentLinkedQueue<>()))
                        .isInstanceOf(MqttException.class));

        // Restart: the open session ends, the rules no longer name the device, the CRL refuses it; B is unaffected.
        broker.restart();
        MqttAsyncClient again = client("revoked-again");
        MqttConnectionOptions o = options();
        o.setSocketFactory(PemTls.socketFactory(
                a.bundle().resolve("ca.pem"),
                a.bundle().resolve("device.pem"),
                a.bundle().resolve("device.key")));
        assertThatThrownBy(() -> again.connect(o).waitForCompletion(5000)).isInstanceOf(MqttException.class);
        MqttAsyncClient devB = device(b, new ConcurrentLinkedQueue<>());
        assertThat(publish(devB, Topics.records(SITE, b.deviceId()), "b-still-fine"))
                .isLessThan(0x80);
        assertThat(atGateway).noneMatch(m -> m.endsWith(" after"));
    }

    // --- helpers ---

    private MqttAsyncClient gateway(Queue<String> received) throws Exception {
        MqttAsyncClient c = connect(
                "voc-gateway-gw-it",
                gatewayDir.resolve("ca.pem"),
                gatewayDir.resolve("gateway.pem"),
                gatewayDir.resolve("gateway.key"),
                received);
        for (String f : List.of(
                Topics.sharedRecordsFilter(),
                Topics.sharedResultsFilter(),
                Topics.sharedModelRequestsFilter(),
                Topics.statusFilter())) {
            assertThat(subscribe(c, f))
                    .as("SUBACK for the gateway subscribing to %s", f)
                    .isLessThan(0x80);
        }
        return c;
    }

    private MqttAsyncClient device(EnrollResult d, Queue<String> received, String... filters) throws Exception {
        MqttAsyncClient c = connect(
                "voc-" + d.deviceId() + "-" + UUID.randomUUID().toString().substring(0, 4),
                d.bundle().resolve("ca.pem"),
                d.bundle().resolve("device.pem"),
                d.bundle().resolve("device.key"),
                received);
        for (String f : filters) {
            assertThat(subscribe(c, f))
                    .as("SUBACK for %s subscribing to %s", d.deviceId(), f)
                    .isLessThan(0x80);
        }
        return c;
    }

    private MqttAsyncClient connect(String id, Path ca, Path cert, Path key, Queue<String> received) throws Exception {
        MqttAsyncClient c = client(id);
        c.setCallback(MqttProbe.recorder(received));
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

    private static int subscribe(MqttAsyncClient c, String filter) {
        return MqttProbe.subscribe(c, filter);
    }

    private static int publishRetained(MqttAsyncClient c, String topic, String payload) {
        return publish(c, topic, payload, true);
    }

    private static int publish(MqttAsyncClient c, String topic, String payload) {
        return publish(c, topic, payload, false);
    }

    private static int publish(MqttAsyncClient c, String topic, String payload, boolean retained) {
        return MqttProbe.publish(c, topic, payload, retained);
    }

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return p;
    }
}
