package io.vocedge.device.outbox;

/** A stored record as the sync engine reads it: sequence number, the record's JSON, when it was committed (epoch ms). */
public record OutboxRow(long seq, String json, long createdMs) {}
