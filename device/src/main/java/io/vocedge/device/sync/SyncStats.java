package io.vocedge.device.sync;

/** Sync figures for status, telemetry and the fleet simulator. */
public record SyncStats(boolean connected, long batchesSent, long batchesResent, long acksReceived, long recordsAcked,
        long recordsRejectedByGateway, long connectFailures, long backPressureEvents, long staleOrForeignAcks,
        int inFlightBatches) {}
