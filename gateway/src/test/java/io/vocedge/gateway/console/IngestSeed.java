package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Batch;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.protocol.SpeakerRole;
import io.vocedge.protocol.TopicHit;
import io.vocedge.protocol.Topics;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Seeds console tests through the gateway's real ingest path: each device publishes one {@code voc.batch} of wire
 * records ({@link Utterance}s then the {@link ConversationSummary}) on its records topic over MQTT, exactly as the
 * device agent does, and the seed waits for the gateway's application ack (sent only after the store commit). The
 * console then sees what ingest stored: attention column, topics, search terms.
 */
final class IngestSeed {
    /** One utterance: speaker, language, redacted text, sentiment, topic (or null) and the words that triggered it. */
    record Line(
            SpeakerRole speaker, String lang, String text, SentimentLabel sentiment, String topic, String evidence) {
        static Line staff(String lang, String text) {
            return new Line(SpeakerRole.STAFF, lang, text, SentimentLabel.NEUTRAL, null, null);
        }

        static Line customer(String lang, String text, SentimentLabel sentiment, String topic, String evidence) {
            return new Line(SpeakerRole.CUSTOMER, lang, text, sentiment, topic, evidence);
        }
    }

    private record Device(String site, String id) {}

    private final Map<Device, List<UpRecord>> records = new LinkedHashMap<>();
    private final Map<Device, Long> seqs = new LinkedHashMap<>();

    /**
     * A conversation of {@code lines} starting at {@code start} (5 s per utterance), ended with a summary whose
     * attention verdict is {@code reason} (null: no attention), peak-end score {@code score} and compliance.
     */
    IngestSeed conversation(
            String site,
            String device,
            String conversationId,
            Instant start,
            String reason,
            double score,
            boolean greeting,
            boolean thanks,
            Line... lines) {
        Device d = new Device(site, device);
        List<UpRecord> list = records.computeIfAbsent(d, k -> new ArrayList<>());
        Map<String, Integer> topicCounts = new LinkedHashMap<>();
        Instant t = start;
        for (Line l : lines) {
            long seq = next(d);
            t = t.plusSeconds(5);
            Sentiment s = new Sentiment(
                    l.sentiment(),
                    l.sentiment() == SentimentLabel.NEGATIVE
                            ? -0.7
                            : l.sentiment() == SentimentLabel.POSITIVE ? 0.6 : 0.0);
            List<TopicHit> topics = new ArrayList<>();
            List<TopicHit.Evidence> evidence = null;
            if (l.topic() != null) {
                int pos = Math.max(0, l.text().indexOf(l.evidence()));
                evidence = List.of(new TopicHit.Evidence(l.evidence(), pos));
                topics.add(new TopicHit(l.topic(), evidence, s));
                topicCounts.merge(l.topic(), 1, Integer::sum);
            }
            list.add(new Utterance(
                    device,
                    seq,
                    time(t, seq),
                    conversationId,
                    l.lang(),
                    l.speaker(),
                    l.text(),
                    seq * 5000,
                    seq * 5000 + 4000,
                    0.9,
                    List.of(),
                    topics,
                    s,
                    List.of(),
                    "lex-test-1",
                    "test",
                    evidence,
                    null,
                    null));
        }
        long seq = next(d);
        list.add(new ConversationSummary(
                device,
                seq,
                time(t.plusSeconds(1), seq),
                conversationId,
                start,
                t,
                Duration.between(start, t).toMillis(),
                "silence",
                lines.length,
                Map.of(),
                topicCounts,
                Map.of(),
                score,
                new ConversationSummary.Compliance(greeting, thanks, true),
                new ConversationSummary.Attention(reason != null, reason),
                List.of(),
                "lex-test-1"));
        return this;
    }

    private long next(Device d) {
        return seqs.merge(d, 1L, Long::sum);
    }

    private static RecordTime time(Instant t, long seq) {
        return new RecordTime(t, true, "boot-seed", seq * 1000);
    }

    /** Publishes every device's batch to the broker at {@code brokerUrl} and waits until each is stored and acked. */
    void publish(String brokerUrl) throws Exception {
        ObjectMapper json = Json.newMapper();
        for (Map.Entry<Device, List<UpRecord>> e : records.entrySet()) {
            Device d = e.getKey();
            List<Ack> acks = new CopyOnWriteArrayList<>();
            MqttClient client =
                    new MqttClient(brokerUrl, "seed-" + d.id() + "-" + System.nanoTime(), new MemoryPersistence());
            try {
                // Paho v5's subscribe(topic, qos, listener) recurses forever (1.2.5): use the client callback.
                client.setCallback(new MqttCallback() {
                    @Override
                    public void disconnected(MqttDisconnectResponse r) {}

                    @Override
                    public void mqttErrorOccurred(MqttException ex) {}

                    @Override
                    public void messageArrived(String topic, MqttMessage msg) throws Exception {
                        acks.add(json.readValue(msg.getPayload(), Ack.class));
                    }

                    @Override
                    public void deliveryComplete(IMqttToken t) {}

                    @Override
                    public void connectComplete(boolean reconnect, String uri) {}

                    @Override
                    public void authPacketArrived(int code, MqttProperties p) {}
                });
                client.connect(new MqttConnectionOptions());
                client.subscribe(Topics.ack(d.site(), d.id()), 1);
                long last = e.getValue().size();
                Batch batch = new Batch(
                        d.id(), d.site(), "seed-" + d.id(), Instant.now(), "boot-seed", last * 1000 + 10, e.getValue());
                client.publish(Topics.records(d.site(), d.id()), json.writeValueAsBytes(batch), 1, false);
                await().atMost(Duration.ofSeconds(60)).until(() -> !acks.isEmpty());
                Ack ack = acks.get(0);
                assertThat(ack.rejected()).as("records the gateway refused").isEmpty();
                assertThat(ack.stored()).containsExactly(new Ack.SeqRange(1, last));
                client.disconnect();
            } finally {
                client.close();
            }
        }
    }
}
