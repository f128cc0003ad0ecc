package io.vocedge.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Batch;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.TopicHit;
import io.vocedge.protocol.Topics;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * A hand-driven device for gateway tests: a real Paho client on the real broker that publishes exactly the
 * bytes a test wants (good batches, replays, hostile payloads) and collects the acks it gets.
 */
final class FakeDevice implements AutoCloseable {
    final String site;
    final String id;
    final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final MqttClient client;
    private final ObjectMapper json = Json.newMapper();

    FakeDevice(String brokerUrl, String site, String id) throws Exception {
        this.site = site;
        this.id = id;
        client = new MqttClient(brokerUrl, "fake-" + id + "-" + System.nanoTime(), new MemoryPersistence());
        // Paho v5's subscribe(topic, qos, listener) recurses forever (1.2.5); a client callback works.
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage msg) throws Exception {
                acks.add(json.readValue(msg.getPayload(), Ack.class));
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {}

            @Override
            public void connectComplete(boolean reconnect, String uri) {}

            @Override
            public void authPacketArrived(int code, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
        });
        client.connect(new MqttConnectionOptions());
        client.subscribe(Topics.ack(site, id), 1);
    }

    static Utterance utterance(String device, long seq, String text) {
        return new Utterance(
                device,
                seq,
                new RecordTime(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(seq), true, "boot", seq * 1000),
                "conv-1",
                "en",
                SpeakerRole.CUSTOMER,
                text,
                null,
                null,
                0.9,
                List.of(),
                List.of(new TopicHit(
                        "delivery",
                        List.of(new TopicHit.Evidence("delivery", 2)),
                        new Sentiment(SentimentLabel.NEGATIVE, -0.6))),
                new Sentiment(SentimentLabel.NEGATIVE, -0.6),
                List.of(),
                "en-1",
                "test");
    }

    byte[] batch(String batchId, long fromSeq, long toSeq) throws Exception {
        List<UpRecord> records = LongStream.rangeClosed(fromSeq, toSeq)
                .mapToObj(s -> (UpRecord) utterance(id, s, "the delivery keeps slipping " + s))
                .toList();
        return json.writeValueAsBytes(new Batch(id, site, batchId, Instant.now(), "boot", toSeq * 1000 + 10, records));
    }

    void publish(byte[] payload) throws Exception {
        publishOn(Topics.records(site, id), payload);
    }

    void publishOn(String topic, byte[] payload) throws Exception {
        client.publish(topic, payload, 1, false);
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
        client.close();
    }
}
