package io.vocedge.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@code voc.status/1}: retained on {@code up/status}; the same topic carries the last will with
 * {@code state = offline}. {@code details} holds optional figures (outbox depth, mute, versions...); {@code outbox}
 * (optional, null from older devices) the outbox state for coverage reports.
 */
public record Status(
        String deviceId,
        String site,
        String state,
        Instant at,
        boolean clockSynced,
        String softwareVersion,
        Map<String, Object> details,
        OutboxState outbox)
        implements Envelope {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public Status {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(state, "state");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A status without the optional outbox state. */
    public Status(
            String deviceId,
            String site,
            String state,
            Instant at,
            boolean clockSynced,
            String softwareVersion,
            Map<String, Object> details) {
        this(deviceId, site, state, at, clockSynced, softwareVersion, details, null);
    }

    /** This status with the outbox state set. */
    public Status withOutbox(OutboxState state) {
        return new Status(deviceId, site, this.state, at, clockSynced, softwareVersion, details, state);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.STATUS;
    }
}
