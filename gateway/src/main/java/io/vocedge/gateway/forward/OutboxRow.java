package io.vocedge.gateway.forward;

import java.time.Instant;

/** One event as the outbox holds it: the appended event plus its per-key sequence and commit-side facts. */
public record OutboxRow(
        String deviceKey,
        long dseq,
        String eventId,
        String kind,
        String schemaId,
        Instant createdAt,
        String gatewayId,
        String payload,
        int bytes) {}
