package io.vocedge.gateway.store;

import java.util.List;

/**
 * What one store transaction is about to commit, for {@link CommitParticipant}s.
 *
 * @param insertedRecords records new to the store (duplicates of stored records are not here)
 * @param statuses device status updates (online/offline, versions, outbox state)
 * @param autoRegistered devices registered on their first record (open registry)
 */
public record CommittedChanges(
        List<StoredRecord> insertedRecords, List<StatusUpdate> statuses, List<DeviceEntry> autoRegistered) {
    public CommittedChanges {
        insertedRecords = List.copyOf(insertedRecords);
        statuses = List.copyOf(statuses);
        autoRegistered = List.copyOf(autoRegistered);
    }

    public boolean isEmpty() {
        return insertedRecords.isEmpty() && statuses.isEmpty() && autoRegistered.isEmpty();
    }
}
