package io.vocedge.gateway.fleet;

import java.time.Instant;

/**
 * A command sent from the Fleet page and the device's answer, if one came: {@code ok} and {@code answeredAt} are null
 * while it is pending (and stay null for {@code lexicon}, which the device confirms in its status instead).
 */
public record CommandRow(
        String commandId,
        String deviceId,
        String site,
        String name,
        String actor,
        Instant sentAt,
        String outcome,
        Boolean ok,
        String message,
        Instant answeredAt) {}
