package io.vocedge.gateway.ingest;

import java.time.Instant;

/** An MQTT message waiting for the store worker. {@code mqttId}/{@code qos} complete the manual PUBACK later. */
public record IngestMessage(String topic, byte[] payload, int mqttId, int qos, Instant receivedAt) {}
