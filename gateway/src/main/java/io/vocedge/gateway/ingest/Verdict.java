package io.vocedge.gateway.ingest;

import io.vocedge.gateway.store.DeadLetter;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.protocol.Ack;
import java.util.List;

/** What the validator decided about one message on an up/records topic. */
public sealed interface Verdict {
    /** The whole message is refused: dead-lettered, no ack (it cannot be attributed, or the device may not speak). */
    record Refused(DeadLetter deadLetter, String reasonKey) implements Verdict {}

    /**
     * A batch from a device we accept: the good records go to the store, the bad ones to dead letters, and the
     * ack names both once the store committed.
     */
    record Accepted(
            String site,
            String deviceId,
            String batchId,
            List<StoredRecord> records,
            List<DeadLetter> rejectedRecords,
            List<Ack.Rejected> rejected,
            DeviceEntry autoRegister)
            implements Verdict {}
}
