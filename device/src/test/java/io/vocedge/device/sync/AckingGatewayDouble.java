package io.vocedge.device.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Batch;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.Topics;
import io.vocedge.protocol.UpRecord;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The gateway's side of the ack protocol, reduced to what the device-side tests need: a real Paho client on a
 * real broker that records every seq it receives and acks each batch. The real gateway is tested against the
 * real device in system-tests; this double lets the device tests drop acks on purpose.
 */
final class AckingGatewayDouble implements AutoCloseable {
    private final ObjectMapper json = Json.newMapper();
    private final MqttClient client;
    final Set<Long> received = ConcurrentHashMap.newKeySet();
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    /** Batches to swallow without an ack (simulates a gateway killed between commit and ack). */
    final AtomicInteger dropNextAcks = new AtomicInteger();

    private MqttConnectionOptions options;
    private Thread reconnector;
    private volatile boolean open = true;
    /** Set once subscribed: batches published before that would be lost to this double (not to the device). */
    private volatile boolean subscribed;

    private final String filter;

    AckingGatewayDouble(String brokerUrl) throws Exception {
        this(brokerUrl, "gateway-double-" + System.nanoTime(), null, Topics.ROOT + "/+/+/" + Topics.UP_RECORDS);
    }

    /** With a gateway certificate, as the real gateway on the generated Mosquitto rules (shared filter only). */
    AckingGatewayDouble(String brokerUrl, String clientId, javax.net.ssl.SSLSocketFactory tls, String filter)
            throws Exception {
        this.filter = filter;
        client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        if (tls != null) {
            o.setSocketFactory(tls);
        }
        // Our own reconnect loop: Paho's automatic reconnect backs off to tens of seconds and sometimes stays in
        // "connect already in progress" after a broker kill, which made this double, not the device, the slow part.
        this.options = o;
        this.reconnector =
                Thread.ofPlatform().daemon(true).name("double-reconnect").start(this::keepConnected);
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                onBatch(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {}

            @Override
            public void connectComplete(boolean reconnect, String uri) {}

            @Override
            public void authPacketArrived(int code, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
        });
        long deadline = System.currentTimeMillis() + 10_000;
        while (!(client.isConnected() && subscribed) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private void keepConnected() {
        while (open) {
            if (!client.isConnected()) {
                try {
                    client.connect(options);
                    client.subscribe(filter, 1);
                    subscribed = true;
                } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                    // broker down: try again shortly
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onBatch(String topic, byte[] payload) throws Exception {
        Batch batch = json.readValue(payload, Batch.class);
        batches.incrementAndGet();
        long[] seqs = batch.records().stream().mapToLong(UpRecord::seq).toArray();
        for (long s : seqs) {
            if (!received.add(s)) {
                duplicates.incrementAndGet();
            }
        }
        if (dropNextAcks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return;
        }
        Topics.DeviceTopic t = Topics.parse(topic);
        Ack ack = new Ack(batch.deviceId(), batch.batchId(), Ack.ranges(seqs), java.util.List.of());
        // Not from the callback thread: Paho forbids blocking publishes there.
        new Thread(() -> {
                    try {
                        client.publish(Topics.ack(t.site(), t.device()), json.writeValueAsBytes(ack), 1, false);
                    } catch (Exception e) {
                        // Broker gone mid-ack: the device resends and the double acks the copy.
                    }
                })
                .start();
    }

    @Override
    public void close() throws Exception {
        open = false;
        reconnector.interrupt();
        reconnector.join(5000);
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
