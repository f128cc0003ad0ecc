package io.vocedge.gateway.store;

import java.time.Instant;

/** A device's retained status as the gateway saw it. */
public record StatusUpdate(
        String deviceId,
        String site,
        boolean online,
        String softwareVersion,
        Long outboxDepth,
        Instant at,
        String json) {}
