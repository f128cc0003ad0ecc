package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.MqttProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, attack 3, with real processes: on an open broker (any local client may publish and subscribe, as on the
 * old embedded broker) an attacker reads a device agent's batches and publishes forged acks - for a made-up batch,
 * for a real batch id claiming every seq, junk, another device's ack - while no gateway runs. The agent's outbox file
 * keeps every record and it never reports itself synced; a gateway started afterwards stores every record once.
 * (Broker rules keep such clients out in production: BrokerAclIT, EmbeddedBrokerIT, SpyingDeviceIT. AckForgeryIT in
 * the device module covers more ack shapes, including acks replayed from an earlier run.)
 */
class ForgedAckIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper WIRE = io.vocedge.protocol.Json.newMapper();

    @TempDir
    Path dir;

    @Test
    void forgedAcksLeaveTheRealAgentsOutboxWholeAndAGatewayLaterStoresEveryRecord() throws Exception {
        try (Scenario s = new Scenario(dir)) {
            JarProcess device = s.device("dev-acked", s.replayFile("acked", 60), 200, 64L * 1024 * 1024, true, "2s")
                    .start();
            Queue<String> seen = new ConcurrentLinkedQueue<>();
            MqttAsyncClient attacker =
                    new MqttAsyncClient(s.broker.url(), "attacker-" + UUID.randomUUID(), new MemoryPersistence());
            attacker.setCallback(MqttProbe.recorder(seen));
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            attacker.connect(o).waitForCompletion(5000);
            String records = Topics.records("store-1", "dev-acked");
            String ackTopic = Topics.ack("store-1", "dev-acked");
            assertThat(MqttProbe.subscribe(attacker, records)).isLessThan(0x80);

            // 60 utterances in conversations of 10: 66 records, all in the outbox, batches going out (and resent).
            await().atMost(Duration.ofSeconds(90))
                    .ignoreExceptions()
                    .until(() -> s.outbox("dev-acked").lastSeq() == 66 && !seen.isEmpty());
            for (int round = 0; round < 3; round++) {
                for (String batchId : batchIds(seen, records)) {
                    // A real batch id claiming every seq, and the same from another device's name.
                    forge(
                            attacker,
                            ackTopic,
                            new Ack("dev-acked", batchId, List.of(new Ack.SeqRange(0, Long.MAX_VALUE)), List.of()));
                    forge(
                            attacker,
                            ackTopic,
                            new Ack("dev-other", batchId, List.of(new Ack.SeqRange(1, 66)), List.of()));
                }
                forge(
                        attacker,
                        ackTopic,
                        new Ack("dev-acked", "made-up-" + round, List.of(new Ack.SeqRange(1, 66)), List.of()));
                attacker.publish(ackTopic, "{not json".getBytes(StandardCharsets.UTF_8), 1, false)
                        .waitForCompletion(5000);
                Thread.sleep(2500); // past an ack timeout: resent batches get new forgeries in the next round
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> device.logText().contains("event=ack_refused"));
            assertThat(s.outbox("dev-acked").depth())
                    .as("outbox after forged acks")
                    .isEqualTo(66);
            // --exit-when-synced: the agent would log all_synced and exit had a forged ack emptied its outbox.
            assertThat(device.isAlive())
                    .as("device still running; log:%n%s", device.logText())
                    .isTrue();
            assertThat(device.logText()).doesNotContain("all_synced");

            // A real gateway now gets every record exactly once, and only then is the outbox empty.
            s.startGateway(s.gateway("gw-acked", Map.of()), "gw-acked");
            s.assertStoreHoldsExactly("dev-acked", 66, Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> s.outbox("dev-acked").depth() == 0);
            assertThat(device.waitForExit(Duration.ofSeconds(30)))
                    .as("exit once really synced")
                    .isZero();
            assertThat(device.logText()).contains("event=all_synced");
            attacker.disconnect().waitForCompletion(2000);
            attacker.close();
        }
    }

    private static List<String> batchIds(Queue<String> seen, String topic) throws Exception {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (String line : seen) {
            if (line.startsWith(topic + " ")) {
                JsonNode b = JSON.readTree(line.substring(topic.length() + 1));
                ids.add(b.path("batch_id").asText());
            }
        }
        return List.copyOf(ids);
    }

    private static void forge(MqttAsyncClient attacker, String topic, Ack ack) throws Exception {
        attacker.publish(topic, WIRE.writeValueAsBytes(ack), 1, false).waitForCompletion(5000);
    }
}
