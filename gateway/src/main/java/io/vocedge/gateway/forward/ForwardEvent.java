package io.vocedge.gateway.forward;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One event for the central platform, as appended to the forwarding outbox.
 *
 * @param kind the event kind, also the topic suffix ({@code utterance}, {@code conversation}, {@code telemetry},
 *     {@code status}, {@code alert}, ...): lower-case letters, digits, {@code -} and {@code _}
 * @param deviceKey the ordering key: events with one key are published in the order they were appended (the device
 *     id for device events)
 * @param eventId stable id the consumer dedupes on: the same event appended or published again keeps it
 * @param schemaId the payload's schema, e.g. {@code voc.utterance/1}
 * @param json the payload: the protocol's JSON, forwarded byte for byte
 */
public record ForwardEvent(String kind, String deviceKey, String eventId, String schemaId, String json) {
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /**
     * Every kind the gateway forwards (each its own Kafka topic {@code <prefix>.<kind>}): stored records (utterance,
     * conversation summary, telemetry), device status changes, alerts fired and case changes.
     */
    public static final java.util.List<String> KINDS =
            java.util.List.of("utterance", "conversation", "telemetry", "status", "alert", "case");

    /**
     * The kinds whose events are stored records: their id is unique by construction (one event per newly inserted
     * {@code (device_id, seq)}), so the outbox's unique index on event ids leaves them out (migration V81).
     */
    public static final java.util.List<String> RECORD_KINDS =
            java.util.List.of("utterance", "conversation", "telemetry");

    public ForwardEvent {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(schemaId, "schemaId");
        Objects.requireNonNull(json, "json");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException(
                    "event kind must be 1-32 of a-z 0-9 _ - (it names a topic), got " + kind);
        }
    }

    /** The event id of a stored record: the same for every copy of {@code (device, seq)}, on any gateway. */
    public static String recordEventId(String deviceId, long seq) {
        return nameId("record:" + deviceId + ":" + seq);
    }

    /** A name-based (type 3) UUID: stable for the same name, on any gateway, in any replay. */
    public static String nameId(String name) {
        return java.util
                .UUID
                .nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
