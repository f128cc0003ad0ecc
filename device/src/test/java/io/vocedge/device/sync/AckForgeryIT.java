package io.vocedge.device.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Batch;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.Topics;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attacker with publish rights on the device's ack topic (a local client on an open broker) tries to make
 * the device delete records the gateway never stored. Real Mosquitto, real SQLite outbox file; the attacker also
 * reads the records topic, so it knows the batch ids and seqs in flight.
 */
class AckForgeryIT {
    @TempDir
    Path dir;

    private OutboxSync stack(String url) throws Exception {
        // Long ack timeout: batches stay in flight (no resend) for the whole attack.
        return SyncEngineIT.stack(dir, url, Duration.ofSeconds(60));
    }

    private static Utterance utterance(int i) {
        return SyncEngineIT.utterance(i);
    }

    /** A plain MQTT client: spies on the device's topics and publishes forged acks. */
    private static final class Attacker implements AutoCloseable {
        final MqttClient client;
        final List<Batch> batches = new CopyOnWriteArrayList<>();
        final List<byte[]> acks = new CopyOnWriteArrayList<>();
        private final ObjectMapper json = Json.newMapper();

        Attacker(String url) throws Exception {
            client = new MqttClient(url, "attacker-" + System.nanoTime(), new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage m) throws Exception {
                    if (topic.endsWith(Topics.UP_RECORDS)) {
                        batches.add(json.readValue(m.getPayload(), Batch.class));
                    } else {
                        acks.add(m.getPayload());
                    }
                }

                @Override
                public void disconnected(MqttDisconnectResponse r) {}

                @Override
                public void mqttErrorOccurred(MqttException e) {}

                @Override
                public void deliveryComplete(IMqttToken t) {}

                @Override
                public void connectComplete(boolean reconnect, String uri) {}

                @Override
                public void authPacketArrived(int code, MqttProperties p) {}
            });
            client.connect(new MqttConnectionOptions());
            client.subscribe(
                    new String[] {Topics.records("site-a", "dev-1"), Topics.ack("site-a", "dev-1")}, new int[] {1, 1});
        }

        void ack(Ack ack) throws Exception {
            send(json.writeValueAsBytes(ack));
        }

        void send(byte[] payload) throws Exception {
            client.publish(Topics.ack("site-a", "dev-1"), payload, 1, false);
        }

        @Override
        public void close() throws Exception {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    private static long[] seqs(Batch b) {
        return b.records().stream().mapToLong(UpRecord::seq).toArray();
    }

    @Test
    void forgedAcksForUnknownBatchesForeignSeqsAndOtherBatchesLeaveTheOutboxWhole() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
                Attacker attacker = new Attacker(broker.url())) {
            try (OutboxSync s = stack(broker.url())) {
                for (int i = 0; i < 300; i++) {
                    s.outbox().accept(utterance(i));
                }
                // Four batches of 50 in flight, none acked (no gateway runs).
                await().atMost(Duration.ofSeconds(20)).until(() -> attacker.batches.size() >= 4);
                Batch first = attacker.batches.get(0);
                Batch second = attacker.batches.get(1);
                List<Ack.SeqRange> everything = List.of(new Ack.SeqRange(0, Long.MAX_VALUE));

                // 1. A made-up batch id with `stored` covering every seq there could be.
                attacker.ack(new Ack("dev-1", "forged-batch", everything, List.of()));
                // 2. A real in-flight batch id, but `stored` reaching beyond that batch.
                attacker.ack(new Ack("dev-1", first.batchId(), everything, List.of()));
                // 3. A real in-flight batch id with the seqs of another in-flight batch.
                attacker.ack(new Ack("dev-1", first.batchId(), Ack.ranges(seqs(second)), List.of()));
                // 4. A real batch id with a rejected seq from another batch.
                attacker.ack(new Ack(
                        "dev-1", first.batchId(), List.of(), List.of(new Ack.Rejected(seqs(second)[0], "forged"))));
                // 5. Another device's ack, and junk.
                attacker.ack(new Ack("dev-2", first.batchId(), Ack.ranges(seqs(first)), List.of()));
                attacker.send(
                        "{\"schema\":\"voc.ack/1\",\"stored\":[{\"from\":1,\"to\":".getBytes(StandardCharsets.UTF_8));

                await().atMost(Duration.ofSeconds(10))
                        .until(() -> s.sync().stats().refusedAcks() >= 6);
                assertThat(s.outbox().depth()).isEqualTo(300);
                assertThat(s.sync().stats().acksReceived()).isZero();
            }
            // Nothing was lost: after a restart, a gateway (its double) gets every record and the outbox empties.
            try (AckingGatewayDouble gateway = new AckingGatewayDouble(broker.url());
                    OutboxSync s = stack(broker.url())) {
                assertThat(s.outbox().depth()).isEqualTo(300);
                await().atMost(Duration.ofSeconds(30)).until(() -> s.outbox().depth() == 0);
                assertThat(gateway.received)
                        .containsAll(LongStream.rangeClosed(1, 300).boxed().toList());
            }
        }
    }

    @Test
    void replayedOldAcksDeleteNothing() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
                Attacker attacker = new Attacker(broker.url())) {
            // Phase 1: a gateway acks everything; the attacker records every ack it sends.
            try (AckingGatewayDouble gateway = new AckingGatewayDouble(broker.url());
                    OutboxSync s = stack(broker.url())) {
                for (int i = 0; i < 200; i++) {
                    s.outbox().accept(utterance(i));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> s.outbox().depth() == 0);
                await().atMost(Duration.ofSeconds(5)).until(() -> attacker.acks.size() >= 4);
            }
            // Phase 2: the gateway is gone; the agent restarts with new records in flight.
            List<byte[]> captured = List.copyOf(attacker.acks);
            int mark = attacker.batches.size();
            try (OutboxSync s = stack(broker.url())) {
                for (int i = 200; i < 400; i++) {
                    s.outbox().accept(utterance(i));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> attacker.batches.size() >= mark + 4);
                long before = s.sync().stats().refusedAcks();
                for (byte[] old : captured) {
                    attacker.send(old);
                }
                // Old acks with their seqs moved onto the batch ids now in flight: still outside those batches.
                List<Batch> now = List.copyOf(attacker.batches.subList(mark, mark + 4));
                for (Batch b : now) {
                    attacker.ack(new Ack(
                            "dev-1",
                            b.batchId(),
                            Ack.ranges(LongStream.rangeClosed(1, 200).toArray()),
                            List.of()));
                }
                int replayed = captured.size();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> s.sync().stats().refusedAcks() >= before + replayed + 4);
                assertThat(s.outbox().depth()).isEqualTo(200);
                assertThat(s.sync().stats().acksReceived()).isZero();
            }
        }
    }
}
