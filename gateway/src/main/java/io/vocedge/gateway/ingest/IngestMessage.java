package io.vocedge.gateway.ingest;

import io.vocedge.protocol.ProtocolException;
import java.time.Instant;

/**
 * An MQTT message waiting for the store worker, with its topic already parsed ({@link #address}). A message whose
 * topic does not parse carries {@code address == null} and the reason in {@link #topicProblem}: the worker
 * dead-letters it. {@code mqttId}/{@code qos} complete the manual PUBACK later.
 */
public record IngestMessage(
        String topic,
        DeviceAddress address,
        String topicProblem,
        byte[] payload,
        int mqttId,
        int qos,
        Instant receivedAt) {
    public IngestMessage {
        if ((address == null) == (topicProblem == null)) {
            throw new IllegalArgumentException("exactly one of address and topicProblem must be set");
        }
    }

    /** What the MQTT callback makes of a delivery: the topic parsed here, once. */
    public static IngestMessage arrived(String topic, byte[] payload, int mqttId, int qos, Instant receivedAt) {
        try {
            return new IngestMessage(topic, DeviceAddress.parse(topic), null, payload, mqttId, qos, receivedAt);
        } catch (ProtocolException e) {
            return new IngestMessage(topic, null, e.getMessage(), payload, mqttId, qos, receivedAt);
        }
    }

    /** True when the topic parsed; otherwise {@link #topicProblem} says why not. */
    public boolean addressed() {
        return address != null;
    }
}
