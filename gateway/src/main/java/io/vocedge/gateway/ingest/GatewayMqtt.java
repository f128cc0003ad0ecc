package io.vocedge.gateway.ingest;

import io.vocedge.protocol.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
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
 * store commit), reconnect with a jittered backoff capped low and an immediate attempt when the broker's port answers
 * again, re-subscribing on every connect. Incoming messages go to {@code sink}, which may
 * block (back-pressure); with {@link #withModelRequests} the devices' {@code up/model_request} messages (their own
 * shared subscription) are PUBACKed at once and go to the model chunk server instead, never to ingest.
 */
public final class GatewayMqtt implements MqttPort, AutoCloseable {
    private static final int TOO_MANY_PUBLISHES = 32202;

    /** While disconnected, how often the broker's port is probed for an immediate reconnect. */
    static final Duration PROBE_EVERY = Duration.ofMillis(200);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String url;
    private final String brokerHost;
    private final int brokerPort;
    private final Duration reconnectMin;
    private final Duration reconnectMax;
    private final Object lost = new Object();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean closing;
    private volatile Sink sink;
    private volatile ModelRequests modelRequests;

    /** Receives messages on the MQTT callback thread. */
    public interface Sink {
        void accept(IngestMessage m) throws InterruptedException;
    }

    /**
     * Receives the devices' {@code up/model_request} messages on the MQTT callback thread, already PUBACKed (a request
     * is idempotent: a lost one is asked again by the device); must not block.
     */
    public interface ModelRequests {
        void offer(String topic, byte[] payload);
    }

    public GatewayMqtt(String url, String clientId, SSLSocketFactory tls) throws MqttException {
        this(url, clientId, tls, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /**
     * @param reconnectMin first delay after the connection is lost (doubling with jitter up to {@code reconnectMax});
     *     while waiting, the broker's port is probed every {@link #PROBE_EVERY} and a reconnect is tried as soon as it
     *     accepts connections again
     */
    public GatewayMqtt(String url, String clientId, SSLSocketFactory tls, Duration reconnectMin, Duration reconnectMax)
            throws MqttException {
        this.url = url;
        this.reconnectMin = reconnectMin;
        this.reconnectMax = reconnectMax;
        URI u = URI.create(url);
        this.brokerHost = u.getHost();
        this.brokerPort = u.getPort() > 0 ? u.getPort() : url.startsWith("ssl://") ? 8883 : 1883;
        this.client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setManualAcks(true);
        options = new MqttConnectionOptions();
        // Clean session per connect: devices re-send whatever was not acked, so nothing depends on the broker
        // keeping this gateway's session; resuming one with Paho v5 1.2.5 broke after broker restarts (FaultIT).
        options.setCleanStart(true);
        // Our own reconnect loop (Paho's is fixed at 1-30 s and blind to the broker coming back): see reconnectLoop.
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setReceiveMaximum(1000);
        options.setConnectionTimeout(10);
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        client.setCallback(new Callback());
    }

    /** User name and password for a broker that asks for them (the embedded broker does); call before connecting. */
    public GatewayMqtt withCredentials(String user, String password) {
        options.setUserName(user);
        options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Also subscribe to the shared {@code up/model_request} filter and hand those messages to {@code requests} instead
     * of ingest; call before connecting.
     */
    public GatewayMqtt withModelRequests(ModelRequests requests) {
        this.modelRequests = requests;
        return this;
    }

    /** Connects, retrying with backoff until it works or {@code keepTrying} says stop. */
    public void connect(Sink sink, java.util.function.BooleanSupplier keepTrying) throws InterruptedException {
        this.sink = sink;
        if (!reconnectUntilConnected(keepTrying)) {
            return;
        }
        Thread.ofPlatform().name("gateway-mqtt-reconnect").daemon(true).start(this::reconnectLoop);
    }

    /**
     * Runs for the life of the client: waits for a lost connection, then reconnects - at once when the broker's port
     * answers again, otherwise after a jittered backoff capped at {@code reconnectMax}.
     */
    private void reconnectLoop() {
        try {
            while (!closing) {
                synchronized (lost) {
                    while (!closing && client.isConnected()) {
                        lost.wait(1000);
                    }
                }
                if (!closing) {
                    reconnectUntilConnected(() -> !closing);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean reconnectUntilConnected(java.util.function.BooleanSupplier keepTrying) throws InterruptedException {
        long delay = reconnectMin.toMillis();
        long downSince = System.nanoTime();
        int attempt = 0;
        while (keepTrying.getAsBoolean()) {
            attempt++;
            try {
                client.connect(options).waitForCompletion(15_000);
                if (attempt > 1 || reconnects.get() > 0) {
                    Logger.info(
                            "event=gateway_mqtt_reconnected url={} attempts={} down_ms={}",
                            url,
                            attempt,
                            (System.nanoTime() - downSince) / 1_000_000);
                }
                reconnects.incrementAndGet();
                return true;
            } catch (MqttException e) {
                long wait = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                Logger.warn(
                        "event=gateway_mqtt_connect_failed url={} attempt={} retry_in_ms={} error=\"{}\"",
                        url,
                        attempt,
                        wait,
                        e.getMessage());
                waitForBrokerOrTimeout(wait, keepTrying);
                delay = Math.min(reconnectMax.toMillis(), delay * 2);
            }
        }
        return false;
    }

    /** Sleeps up to {@code ms}, returning early when the broker's port accepts a TCP connection. */
    private void waitForBrokerOrTimeout(long ms, java.util.function.BooleanSupplier keepTrying)
            throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        boolean wasRefused = false;
        while (keepTrying.getAsBoolean() && System.nanoTime() < deadline) {
            boolean answers = portAnswers();
            if (answers && wasRefused) {
                Logger.info("event=gateway_mqtt_broker_port_answers url={} action=\"reconnecting now\"", url);
                return;
            }
            wasRefused |= !answers;
            Thread.sleep(Math.min(PROBE_EVERY.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000L)));
        }
    }

    private boolean portAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(brokerHost, brokerPort), 200);
            return true;
        } catch (IOException e) {
            return false;
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
        if (modelRequests != null) {
            // A SUBSCRIBE of its own: a broker whose rules predate model distribution refuses only this one.
            try {
                client.subscribe(
                        new MqttSubscription[] {new MqttSubscription(Topics.sharedModelRequestsFilter(), 1)},
                        null,
                        new org.eclipse.paho.mqttv5.client.MqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken token) {
                                int[] codes = token.getReasonCodes();
                                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                                    modelSubscribeRefused("reason code " + codes[0]);
                                }
                            }

                            @Override
                            public void onFailure(IMqttToken token, Throwable e) {
                                modelSubscribeRefused(String.valueOf(e == null ? null : e.getMessage()));
                            }
                        },
                        new MqttProperties());
            } catch (MqttException e) {
                modelSubscribeRefused(e.getMessage());
            }
        }
    }

    private static void modelSubscribeRefused(String why) {
        Logger.error(
                "event=gateway_subscribe_failed filter={} error=\"{}\" action=\"devices cannot download models:"
                        + " regenerate the broker rules ('voc-provision broker config')\"",
                Topics.sharedModelRequestsFilter(),
                why);
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
        closing = true;
        synchronized (lost) {
            lost.notifyAll();
        }
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
            Logger.warn(
                    "event=gateway_mqtt_disconnected reason=\"{}\"",
                    response == null ? "?" : response.getReasonString());
            synchronized (lost) {
                lost.notifyAll();
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            Logger.warn("event=gateway_mqtt_error error=\"{}\"", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            ModelRequests requests = modelRequests;
            if (requests != null && topic != null && topic.endsWith("/" + Topics.UP_MODEL_REQUEST)) {
                // Not ingest's: acked at once (nothing is stored), answered by the model chunk server.
                try {
                    if (message.getQos() > 0) {
                        client.messageArrivedComplete(message.getId(), message.getQos());
                    }
                    requests.offer(topic, message.getPayload());
                } catch (MqttException | RuntimeException e) {
                    Logger.warn(
                            "event=model_request_dropped error=\"{}\"",
                            e.getClass().getSimpleName());
                }
                return;
            }
            // The topic is parsed here, once; everything downstream uses the parsed address.
            sink.accept(IngestMessage.arrived(
                    topic, message.getPayload(), message.getId(), message.getQos(), Instant.now()));
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
