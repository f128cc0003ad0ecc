package io.vocedge.device.sync;

/**
 * The MQTT connection as the sync engine needs it; Paho sits behind it so the engine is testable and the
 * transport replaceable.
 */
public interface BrokerLink extends AutoCloseable {
    /** Connects (blocking up to the link's timeout) with the given last will; subscribes to the device's down topics. */
    void connect(byte[] lastWill) throws LinkException;

    boolean isConnected();

    /**
     * Publishes without waiting for the PUBACK.
     *
     * @throws BackPressureException when the client has too many publishes in progress: retry later, nothing lost
     */
    void publish(String topic, byte[] payload, int qos, boolean retained) throws LinkException;

    /** Publishes and waits for the PUBACK (status updates before a clean disconnect). */
    void publishAndWait(String topic, byte[] payload, int qos, boolean retained, long timeoutMs) throws LinkException;

    void setListener(Listener listener);

    /**
     * True when the files this link authenticates with (certificate, key, CA, password file) changed since the last
     * connect: {@code voc-provision device renew} wrote new ones. The engine then reconnects, which reads them again.
     */
    default boolean credentialsChanged() {
        return false;
    }

    /** Clean disconnect: the broker does not publish the last will. */
    void disconnect();

    @Override
    void close();

    /** Events from the link, called on the client's threads: implementations must return quickly. */
    interface Listener {
        /** {@code retained}: the broker delivered it from its retained store (at subscribe time). */
        void onMessage(String topic, byte[] payload, boolean retained);

        void onConnectionLost(String reason);
    }

    /** A connect or publish failed; the message names the cause. */
    class LinkException extends Exception {
        public LinkException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The client is saturated; the publish was not accepted and must be retried. */
    final class BackPressureException extends LinkException {
        public BackPressureException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
