package io.vocedge.gateway.store;

import java.time.Instant;

/** A device's answer to a command. */
public record CommandResultRow(
        String commandId, String deviceId, boolean ok, String message, Instant receivedAt, String json) {}
