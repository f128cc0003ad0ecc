package io.vocedge.gateway.deadletter;

import java.time.Instant;

/** One row of {@code dead_letters} as operators see it; {@code redrivenAt} is null until a redrive stored it. */
public record DeadLetterRow(
        long id,
        Instant receivedAt,
        String gatewayId,
        String topic,
        String deviceId,
        Long seq,
        String reasonCode,
        String reason,
        String payload,
        String payloadEncoding,
        int payloadBytes,
        Instant redrivenAt,
        String redriveOutcome) {}
