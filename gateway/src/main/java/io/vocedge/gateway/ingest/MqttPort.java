package io.vocedge.gateway.ingest;

/** What ingest needs from the MQTT connection: publish acks, complete manual PUBACKs. */
public interface MqttPort {
    /** Publishes QoS 1; retries on client back-pressure; false if the client is disconnected. */
    boolean publish(String topic, byte[] payload, boolean retained);

    /** Sends the PUBACK for a message taken with manual acks. */
    void complete(IngestMessage message);

    boolean isConnected();
}
