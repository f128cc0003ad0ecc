package io.vocedge.device.outbox;

/** A stored record as the sync engine reads it: sequence number and the record's JSON. */
public record OutboxRow(long seq, String json) {}
