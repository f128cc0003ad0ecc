package io.vocedge.device.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
 * {@link BrokerLink} over Eclipse Paho MQTT v5: clean session per connect (see {@link #connect}), QoS 1,
 * TLS or mutual TLS from PEM files, retained last will. Paho's own persistence is in memory on purpose: the
 * SQLite outbox is the only durable copy, and an unacked batch is rebuilt from it after a restart.
 */
public final class PahoBrokerLink implements BrokerLink {
    /** Paho's "Too many publishes in progress": back-pressure, not loss (eclipse-paho/paho.mqtt.java#993). */
    private static final int TOO_MANY_PUBLISHES = 32202;

    private final MqttAsyncClient client;
    private final String url;
    private final TlsFiles tls;
    private final List<String> subscriptions;
    private final String willTopic;
    private final long sessionExpirySeconds;
    private final int keepAliveSeconds;
    private final long connectTimeoutMs;
    /** The TLS and password files as they were at the last successful connect; looked at every few seconds. */
    private volatile FileStamps connectedWith;

    private volatile long stampsCheckedNanos;
    private static final long STAMP_CHECK_NANOS = 2_000_000_000L;
    private volatile Listener listener = new Listener() {
        @Override
        public void onMessage(String topic, byte[] payload, boolean retained) {}

        @Override
        public void onConnectionLost(String reason) {}
    };

    public PahoBrokerLink(
            String url,
            String clientId,
            TlsFiles tls,
            List<String> subscriptions,
            String willTopic,
            long sessionExpirySeconds,
            int keepAliveSeconds,
            long connectTimeoutMs)
            throws LinkException {
        this.url = url;
        this.tls = tls;
        this.subscriptions = List.copyOf(subscriptions);
        this.willTopic = willTopic;
        this.sessionExpirySeconds = sessionExpirySeconds;
        this.keepAliveSeconds = keepAliveSeconds;
        this.connectTimeoutMs = connectTimeoutMs;
        try {
            this.client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new LinkException(
                    "invalid broker url '" + url + "': " + e.getMessage() + " (use tcp://host:port or ssl://host:port)",
                    e);
        }
        client.setCallback(new Callback());
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void connect(byte[] lastWill) throws LinkException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        // A clean session on every connect, on purpose: the SQLite outbox, not the broker session, is the source of
        // truth (unacked batches are re-sent, the store ignores copies). Resuming a session with Paho v5 1.2.5 made
        // Mosquitto 2.0 drop the client with "protocol error" in a loop after a broker restart (FaultIT).
        options.setCleanStart(true);
        options.setSessionExpiryInterval(sessionExpirySeconds);
        options.setKeepAliveInterval(keepAliveSeconds);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, connectTimeoutMs / 1000));
        options.setReceiveMaximum(1000);
        if (lastWill != null && willTopic != null) {
            MqttMessage will = new MqttMessage(lastWill, 1, true, new MqttProperties());
            options.setWill(willTopic, will);
        }
        if (url.startsWith("ssl://")) {
            if (tls == null || tls.caFile() == null) {
                throw new LinkException("broker url " + url + " is TLS but broker.ca_file is not set", null);
            }
            try {
                options.setSocketFactory(
                        io.vocedge.protocol.PemTls.socketFactory(tls.caFile(), tls.certFile(), tls.keyFile()));
            } catch (IOException e) {
                throw new LinkException(e.getMessage(), e);
            }
        }
        if (tls != null && tls.passwordFile() != null) {
            try {
                options.setUserName(tls.user());
                options.setPassword(tls.password());
            } catch (IOException e) {
                throw new LinkException("cannot read broker.password_file: " + e.getMessage(), e);
            }
        }
        FileStamps stamps = FileStamps.of(
                tls == null
                        ? new Path[0]
                        : new Path[] {tls.caFile(), tls.certFile(), tls.keyFile(), tls.passwordFile()});
        try {
            client.connect(options).waitForCompletion(connectTimeoutMs);
            if (!subscriptions.isEmpty()) {
                MqttSubscription[] subs = subscriptions.stream()
                        .map(t -> new MqttSubscription(t, 1))
                        .toArray(MqttSubscription[]::new);
                client.subscribe(subs).waitForCompletion(connectTimeoutMs);
            }
            connectedWith = stamps;
        } catch (MqttException e) {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(1000);
                }
            } catch (MqttException ignored) {
                // the connect error is the one worth reporting
            }
            throw new LinkException("cannot connect to " + url + ": " + describe(e), e);
        }
    }

    static String describe(MqttException e) {
        String msg = e.getMessage();
        Throwable cause = e.getCause();
        return (msg == null ? "reason " + e.getReasonCode() : msg)
                + (cause == null ? "" : " (" + cause.getMessage() + ")");
    }

    @Override
    public boolean credentialsChanged() {
        FileStamps at = connectedWith;
        long now = System.nanoTime();
        if (at == null || now - stampsCheckedNanos < STAMP_CHECK_NANOS) {
            return false;
        }
        stampsCheckedNanos = now;
        return !at.equals(at.again());
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws LinkException {
        try {
            client.publish(topic, payload, qos, retained);
        } catch (MqttException e) {
            if (e.getReasonCode() == TOO_MANY_PUBLISHES) {
                throw new BackPressureException("too many publishes in progress", e);
            }
            throw new LinkException("publish to " + topic + " failed: " + describe(e), e);
        }
    }

    @Override
    public void publishAndWait(String topic, byte[] payload, int qos, boolean retained, long timeoutMs)
            throws LinkException {
        try {
            IMqttToken token = client.publish(topic, payload, qos, retained);
            token.waitForCompletion(timeoutMs);
        } catch (MqttException e) {
            throw new LinkException("publish to " + topic + " failed: " + describe(e), e);
        }
    }

    @Override
    public void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
        } catch (MqttException e) {
            Logger.warn("event=mqtt_disconnect_failed error=\"{}\"", describe(e));
        }
    }

    @Override
    public void close() {
        disconnect();
        try {
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("event=mqtt_close_failed error=\"{}\"", describe(e));
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = response == null
                    ? "disconnected"
                    : response.getException() != null
                            ? PahoBrokerLink.describe(response.getException())
                            : "reason code " + response.getReturnCode();
            listener.onConnectionLost(reason);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            Logger.warn("event=mqtt_error error=\"{}\"", describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.onMessage(topic, message.getPayload(), message.isRetained());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            Logger.info("event=mqtt_connected url={} reconnect={}", serverURI, reconnect);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }

    @Override
    public String toString() {
        return "PahoBrokerLink[" + url + "]";
    }
}
