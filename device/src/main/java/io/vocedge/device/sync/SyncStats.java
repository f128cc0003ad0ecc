package io.vocedge.device.sync;

/**
 * Sync figures for status, telemetry and the fleet simulator. {@code duplicateOrDroppedAcks}: second acks for a
 * batch already acked, and acks dropped because 1024 were queued (both harmless). {@code refusedAcks}: acks that
 * named no batch in flight or seqs outside it, another device, or could not be read; the outbox was not touched.
 */
public record SyncStats(
        boolean connected,
        long batchesSent,
        long batchesResent,
        long acksReceived,
        long recordsAcked,
        long recordsRejectedByGateway,
        long connectFailures,
        long backPressureEvents,
        long duplicateOrDroppedAcks,
        int inFlightBatches,
        long refusedAcks) {}
