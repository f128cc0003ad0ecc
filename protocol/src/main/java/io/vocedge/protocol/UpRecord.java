package io.vocedge.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record a device keeps in its outbox and syncs in batches. {@code (deviceId, seq)} identifies it for
 * ever: {@code seq} is strictly increasing per device and survives restarts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "schema")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Utterance.class, name = "voc.utterance/1"),
    @JsonSubTypes.Type(value = ConversationSummary.class, name = "voc.conversation/1"),
    @JsonSubTypes.Type(value = Telemetry.class, name = "voc.telemetry/1")
})
public sealed interface UpRecord extends Envelope permits Utterance, ConversationSummary, Telemetry {
    String deviceId();

    long seq();

    RecordTime time();

    /** Outbox eviction class: lower is evicted first when the outbox is full. */
    @JsonIgnore
    RecordPriority priority();

    /** A copy with the device-assigned sequence number (the outbox assigns it on insert). */
    UpRecord withSeq(long seq);
}
