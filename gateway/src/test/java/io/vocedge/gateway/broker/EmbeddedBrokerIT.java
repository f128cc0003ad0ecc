package io.vocedge.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.MqttProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 11 against the embedded HiveMQ, each failing for the attacker: a local client without
 * credentials, a device reading everything or joining the gateways' group, a forged ack, a 100 MB publish, 2,000
 * messages queued for an offline client, retained and deep topics outside the contract, a session takeover.
 */
class EmbeddedBrokerIT {
    private static final String SITE = "s1";
    private static final int NOT_AUTHORIZED = 0x87;

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("broker"));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @org.junit.jupiter.api.AfterEach
    void closeClients() {
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
    }

    @Test
    void theCredentialsKeyIsOwnerOnlyAndNobodyConnectsWithoutThePassword() throws Exception {
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("broker").resolve(BrokerCredentials.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> connect("voc-dev-a", null, null, true)).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect("voc-dev-a", "dev-a", "guess", true)).isInstanceOf(MqttException.class);
        String bPassword = broker.credentials().devicePassword("dev-b");
        assertThatThrownBy(() -> connect("voc-dev-a", "dev-a", bPassword, true))
                .as("another device's password")
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect("voc-dev-a", EmbeddedBrokerRules.GATEWAY_USER, bPassword, true))
                .isInstanceOf(MqttException.class);
        // A device's valid login cannot take the gateway's or another device's client id (session takeover).
        String aPassword = broker.credentials().devicePassword("dev-a");
        assertThatThrownBy(() -> connect("voc-gateway-gw-1", "dev-a", aPassword, true))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect("voc-dev-b", "dev-a", aPassword, true)).isInstanceOf(MqttException.class);
        assertThat(connect("voc-dev-a", "dev-a", aPassword, true).isConnected()).isTrue();
    }

    @Test
    void aDeviceCannotReadEverythingNorJoinTheGatewaysGroupNorForgeAnAck() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        MqttAsyncClient gw = gateway(atGateway);
        Queue<String> atSpy = new ConcurrentLinkedQueue<>();
        MqttAsyncClient spy = device("dev-spy", atSpy);
        for (String f : List.of(
                "#",
                "voc/v1/#",
                Topics.sharedRecordsFilter(),
                Topics.sharedResultsFilter(),
                "voc/v1/+/+/up/status",
                "voc/v1/" + SITE + "/dev-a/down/#",
                "$share/voc-gateways/#")) {
            assertThat(subscribe(spy, f))
                    .as("SUBACK for the spy subscribing to %s", f)
                    .isEqualTo(NOT_AUTHORIZED);
        }
        Queue<String> atA = new ConcurrentLinkedQueue<>();
        MqttAsyncClient a = device("dev-a", atA);
        assertThat(subscribe(a, "voc/v1/" + SITE + "/dev-a/down/#")).isLessThan(0x80);
        String forged =
                "{\"schema\":\"voc.ack/1\",\"batch_id\":\"x\",\"stored\":[{\"from\":1,\"to\":9999999}],\"rejected\":[]}";
        assertRefused("dev-spy", Topics.ack(SITE, "dev-a"), forged, false);
        assertRefused("dev-a", Topics.ack(SITE, "dev-a"), forged, false);
        assertRefused("dev-spy", Topics.records(SITE, "dev-a"), "{}", false);
        for (int i = 0; i < 20; i++) {
            assertThat(publish(a, Topics.records(SITE, "dev-a"), "batch-" + i, false))
                    .isLessThan(0x80);
        }
        assertThat(publish(gw, Topics.ack(SITE, "dev-a"), "genuine-ack", false)).isLessThan(0x80);
        await().atMost(Duration.ofSeconds(10)).until(() -> records(atGateway).size() >= 20 && atA.size() >= 1);
        // (Retained statuses of other tests' devices may arrive too: the broker is shared by this class.)
        assertThat(records(atGateway))
                .hasSize(20)
                .allMatch(m -> m.startsWith(Topics.records(SITE, "dev-a") + " batch-"));
        assertThat(atA).containsExactly(Topics.ack(SITE, "dev-a") + " genuine-ack");
        assertThat(atSpy).isEmpty();
    }

    @Test
    void modelTopicsAreEachDevicesOwnAndOnlyTheGatewayWritesManifestsAndChunks() throws Exception {
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        MqttAsyncClient gw = gateway(atGateway);
        Queue<String> atM = new ConcurrentLinkedQueue<>();
        MqttAsyncClient m = device("dev-m", atM);
        assertThat(subscribe(m, Topics.model(SITE, "dev-m"))).isLessThan(0x80);
        assertThat(subscribe(m, Topics.modelChunk(SITE, "dev-m"))).isLessThan(0x80);
        Queue<String> atSpy = new ConcurrentLinkedQueue<>();
        MqttAsyncClient spy = device("dev-mspy", atSpy);
        for (String f : List.of(
                Topics.modelChunk(SITE, "dev-m"),
                Topics.model(SITE, "dev-m"),
                "voc/v1/+/+/down/model_chunk",
                Topics.sharedModelRequestsFilter(),
                "voc/v1/+/+/up/model_request")) {
            assertThat(subscribe(spy, f))
                    .as("SUBACK for the spy subscribing to %s", f)
                    .isEqualTo(NOT_AUTHORIZED);
        }
        assertRefused("dev-mspy", Topics.modelRequest(SITE, "dev-m"), "forged-request", false);
        assertRefused("dev-mspy", Topics.modelChunk(SITE, "dev-m"), "forged-chunk", false);
        assertRefused("dev-mspy", Topics.model(SITE, "dev-m"), "forged-manifest", true);
        assertRefused("dev-m", Topics.model(SITE, "dev-m"), "forged-own-manifest", true);
        assertRefused("dev-m", Topics.modelRequest(SITE, "dev-m"), "retained-request", true);

        assertThat(publish(m, Topics.modelRequest(SITE, "dev-m"), "request-0", false))
                .isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> atGateway.contains(Topics.modelRequest(SITE, "dev-m") + " request-0"));
        assertThat(publish(gw, Topics.model(SITE, "dev-m"), "manifest", true)).isLessThan(0x80);
        assertThat(publish(gw, Topics.modelChunk(SITE, "dev-m"), "chunk-0", false))
                .isLessThan(0x80);
        await().atMost(Duration.ofSeconds(5)).until(() -> atM.size() == 2);
        assertThat(atM)
                .containsExactly(
                        Topics.model(SITE, "dev-m") + " manifest", Topics.modelChunk(SITE, "dev-m") + " chunk-0");
        assertThat(atGateway).noneMatch(x -> x.contains("forged") || x.contains("retained-request"));
        assertThat(atSpy).isEmpty();
        // A retained chunk is refused even to the gateway: chunks go to the one device that asked, once.
        MqttAsyncClient gw2 = gateway(new ConcurrentLinkedQueue<>());
        int code = publish(gw2, Topics.modelChunk(SITE, "dev-m"), "retained-chunk", true);
        assertThat(code == NOT_AUTHORIZED || !gw2.isConnected()).isTrue();
    }

    @Test
    void retainedAndDeepTopicsOutsideTheContractAreRefused() throws Exception {
        String base = "voc/v1/" + SITE + "/dev-r/";
        for (int i = 0; i < 5; i++) {
            assertRefused("dev-r", base + "up/records/deep/" + i, "x".repeat(1024), true);
        }
        assertRefused("dev-r", base + "up/records", "batch", true);
        assertRefused("dev-r", base + "up/other", "x", false);
        MqttAsyncClient a = device("dev-r", new ConcurrentLinkedQueue<>());
        assertThat(publish(a, Topics.status(SITE, "dev-r"), "online", true))
                .as("the contract's retained status")
                .isLessThan(0x80);
        Queue<String> atGateway = new ConcurrentLinkedQueue<>();
        gateway(atGateway);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> atGateway.contains(Topics.status(SITE, "dev-r") + " online"));
        assertThat(atGateway).noneMatch(m -> m.contains("deep") || m.endsWith(" batch"));
    }

    @Test
    void aHundredMegabytePublishIsCutOffAndTheBrokerStaysUp() throws Exception {
        int port = URI.create(broker.url()).getPort();
        long written = 0;
        boolean cut = false;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(
                    connectPacket("voc-dev-big", "dev-big", broker.credentials().devicePassword("dev-big")));
            out.flush();
            assertThat(in.read()).as("CONNACK").isEqualTo(0x20);
            in.readNBytes(3);
            byte[] topic = Topics.records(SITE, "dev-big").getBytes(StandardCharsets.UTF_8);
            int total = 100 * 1024 * 1024;
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.write(0x30);
            writeVarInt(header, 2 + topic.length + total);
            header.write(topic.length >> 8);
            header.write(topic.length & 0xff);
            header.write(topic);
            out.write(header.toByteArray());
            byte[] chunk = new byte[64 * 1024];
            try {
                while (written < total) {
                    out.write(chunk);
                    written += chunk.length;
                }
                out.flush();
                cut = in.read() == -1;
            } catch (IOException closed) {
                cut = true;
            }
        }
        assertThat(cut).as("the broker closed the connection").isTrue();
        assertThat(written)
                .as("bytes accepted before the broker closed the connection")
                .isLessThan(64L * 1024 * 1024);
        // Still serving everyone else.
        MqttAsyncClient a = device("dev-after", new ConcurrentLinkedQueue<>());
        assertThat(publish(a, Topics.records(SITE, "dev-after"), "small", false))
                .isLessThan(0x80);
    }

    @Test
    void anOfflineClientGetsAtMostTheQueueLimitNotTwoThousandMessages() throws Exception {
        Queue<String> got = new ConcurrentLinkedQueue<>();
        MqttAsyncClient off =
                connect("voc-dev-off", "dev-off", broker.credentials().devicePassword("dev-off"), false, got);
        assertThat(subscribe(off, Topics.ack(SITE, "dev-off"))).isLessThan(0x80);
        off.disconnect().waitForCompletion(5000);
        MqttAsyncClient gw = gateway(new ConcurrentLinkedQueue<>());
        for (int i = 0; i < 2000; i++) {
            gw.publish(Topics.ack(SITE, "dev-off"), ("ack-" + i).getBytes(StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(5000);
        }
        MqttAsyncClient back =
                connect("voc-dev-off", "dev-off", broker.credentials().devicePassword("dev-off"), false, got);
        assertThat(back.isConnected()).isTrue();
        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ofSeconds(2))
                .until(() -> got.size() >= EmbeddedBroker.MAX_QUEUED_MESSAGES);
        Thread.sleep(1000); // anything beyond the limit would have followed by now
        assertThat(got.size())
                .as("messages delivered after the reconnect")
                .isBetween(1, EmbeddedBroker.MAX_QUEUED_MESSAGES);
    }

    // --- helpers ---

    private static List<String> records(Queue<String> received) {
        return received.stream().filter(m -> m.contains("/up/records ")).toList();
    }

    /**
     * A refused PUBLISH: HiveMQ answers PUBACK 0x87 and then ends the connection, so each attempt gets a fresh one; a
     * refusal shows as 0x87 or as the connection gone before the PUBACK.
     */
    private void assertRefused(String deviceId, String topic, String payload, boolean retain) throws Exception {
        // The self-test's client id: the device's main connection (and what it receives) stays as it is.
        MqttAsyncClient c =
                connect(deviceId + "-selftest", deviceId, broker.credentials().devicePassword(deviceId), true);
        int code = publish(c, topic, payload, retain);
        assertThat(code == NOT_AUTHORIZED || !c.isConnected())
                .as(
                        "%s publishing to %s (retain %s): code %s, connected %s",
                        deviceId, topic, retain, code, c.isConnected())
                .isTrue();
    }

    private MqttAsyncClient gateway(Queue<String> received) throws Exception {
        MqttAsyncClient c = connect(
                "voc-gateway-gw-" + clients.size(),
                EmbeddedBrokerRules.GATEWAY_USER,
                broker.credentials().gatewayPassword(),
                true,
                received);
        for (String f : List.of(
                Topics.sharedRecordsFilter(),
                Topics.sharedResultsFilter(),
                Topics.sharedModelRequestsFilter(),
                Topics.statusFilter())) {
            assertThat(subscribe(c, f)).as("gateway SUBACK for %s", f).isLessThan(0x80);
        }
        return c;
    }

    private MqttAsyncClient device(String id, Queue<String> received) throws Exception {
        return connect("voc-" + id, id, broker.credentials().devicePassword(id), true, received);
    }

    private MqttAsyncClient connect(String clientId, String user, String password, boolean clean) throws Exception {
        return connect(clientId, user, password, clean, new ConcurrentLinkedQueue<>());
    }

    private MqttAsyncClient connect(
            String clientId, String user, String password, boolean clean, Queue<String> received) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
        clients.add(c);
        c.setCallback(MqttProbe.recorder(received));
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(clean);
        o.setSessionExpiryInterval(clean ? 0L : 3600L);
        o.setConnectionTimeout(5);
        o.setReceiveMaximum(100);
        if (user != null) {
            o.setUserName(user);
        }
        if (password != null) {
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        c.connect(o).waitForCompletion(5000);
        return c;
    }

    private static int subscribe(MqttAsyncClient c, String filter) {
        return MqttProbe.subscribe(c, filter);
    }

    private static int publish(MqttAsyncClient c, String topic, String payload, boolean retained) {
        return MqttProbe.publish(c, topic, payload, retained);
    }

    /** An MQTT 3.1.1 CONNECT with user name and password, written by hand so no client library limits the test. */
    private static byte[] connectPacket(String clientId, String user, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4);
        body.write(0xC2); // user name, password, clean session
        body.write(0);
        body.write(30);
        writeString(body, clientId);
        writeString(body, user);
        writeString(body, password);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x10);
        writeVarInt(p, body.size());
        body.writeTo(p);
        return p.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.write(b.length >> 8);
        o.write(b.length & 0xff);
        o.write(b);
    }

    private static void writeVarInt(ByteArrayOutputStream o, int v) {
        do {
            int d = v % 128;
            v /= 128;
            o.write(v > 0 ? d | 0x80 : d);
        } while (v > 0);
    }
}
