package io.vocedge.device.pipeline;

import io.vocedge.protocol.UpRecord;

/**
 * Where finished records go: the outbox. {@link #accept} returns once the record is durable on disk and
 * has its sequence number (the {@code seq} of the argument is ignored and assigned here).
 */
public interface RecordSink {
    /**
     * @return the sequence number assigned to the record
     * @throws RecordRejectedException if the record cannot be stored (for example the disk is read-only)
     */
    long accept(UpRecord record) throws RecordRejectedException;

    /** The outbox could not take a record; the message says why. */
    final class RecordRejectedException extends Exception {
        public RecordRejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
