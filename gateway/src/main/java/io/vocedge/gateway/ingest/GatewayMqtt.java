package io.vocedge.gateway.ingest;

import io.vocedge.protocol.Topics;
import java.time.Instant;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * The gateway's MQTT client (Paho v5): clean session, shared subscription on every device's record
 * batches and command results, unshared subscription on retained statuses, manual PUBACKs (sent only after the
 * store commit), automatic reconnect with re-subscription. Incoming messages go to {@code sink}, which may
 * block (back-pressure).
 */
public final class GatewayMqtt implements MqttPort, AutoCloseable {
    private static final int TOO_MANY_PUBLISHES = 32202;

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String url;
    private volatile Sink sink;

    /** Receives messages on the MQTT callback thread. */
    public interface Sink {
        void accept(IngestMessage m) throws InterruptedException;
    }

    public GatewayMqtt(String url, String clientId, SSLSocketFactory tls) throws MqttException {
        this.url = url;
        this.client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setManualAcks(true);
        options = new MqttConnectionOptions();
        // Clean session per connect: devices re-send whatever was not acked, so nothing depends on the broker
        // keeping this gateway's session; resuming one with Paho v5 1.2.5 broke after broker restarts (FaultIT).
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setReceiveMaximum(1000);
        options.setMaxReconnectDelay(30_000);
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        client.setCallback(new Callback());
    }

    /** Connects, retrying with backoff until it works or {@code keepTrying} says stop. */
    public void connect(Sink sink, java.util.function.BooleanSupplier keepTrying) throws InterruptedException {
        this.sink = sink;
        long delay = 500;
        while (keepTrying.getAsBoolean()) {
            try {
                client.connect(options).waitForCompletion(15_000);
                return;
            } catch (MqttException e) {
                Logger.warn("event=gateway_mqtt_connect_failed url={} retry_in_ms={} error=\"{}\"", url, delay, e.getMessage());
                Thread.sleep(delay);
                delay = Math.min(30_000, delay * 2);
            }
        }
    }

    private void subscribe() {
        try {
            client.subscribe(new MqttSubscription[] {
                new MqttSubscription(Topics.sharedRecordsFilter(), 1),
                new MqttSubscription(Topics.sharedResultsFilter(), 1),
                new MqttSubscription(Topics.statusFilter(), 1)
            });
        } catch (MqttException e) {
            Logger.error("event=gateway_subscribe_failed error=\"{}\"", e.getMessage());
        }
    }

    @Override
    public boolean publish(String topic, byte[] payload, boolean retained) {
        for (int attempt = 0; attempt < 2000; attempt++) {
            if (!client.isConnected()) {
                return false;
            }
            try {
                client.publish(topic, payload, 1, retained);
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() != TOO_MANY_PUBLISHES) {
                    Logger.warn("event=gateway_publish_failed topic={} error=\"{}\"", topic, e.getMessage());
                    return false;
                }
                // Back-pressure from Paho (eclipse-paho/paho.mqtt.java#993), not loss: wait and retry.
                sleep(5);
            }
        }
        return false;
    }

    @Override
    public void complete(IngestMessage m) {
        if (m.mqttId() < 0 || m.qos() == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(m.mqttId(), m.qos());
        } catch (MqttException e) {
            Logger.debug("event=puback_failed id={} error=\"{}\"", m.mqttId(), e.getMessage());
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
        } catch (MqttException e) {
            Logger.warn("event=gateway_disconnect_failed error=\"{}\"", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("event=gateway_close_failed error=\"{}\"", e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            Logger.warn("event=gateway_mqtt_disconnected reason=\"{}\"", response == null ? "?" : response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            Logger.warn("event=gateway_mqtt_error error=\"{}\"", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            sink.accept(new IngestMessage(topic, message.getPayload(), message.getId(), message.getQos(), Instant.now()));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            Logger.info("event=gateway_mqtt_connected url={} reconnect={}", serverURI, reconnect);
            subscribe();
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
