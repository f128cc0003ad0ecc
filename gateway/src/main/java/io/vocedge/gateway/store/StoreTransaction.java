package io.vocedge.gateway.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one worker cycle wants committed together: records, dead letters, devices seen, status updates
 * and command results. Acks go out only after {@link VocStore#commit} returned.
 */
public final class StoreTransaction {
    final List<StoredRecord> records = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final List<DeviceEntry> autoRegister = new ArrayList<>();
    final List<String[]> seen = new ArrayList<>();
    final List<StatusUpdate> statuses = new ArrayList<>();
    final List<CommandResultRow> commandResults = new ArrayList<>();

    public void add(StoredRecord r) {
        records.add(r);
    }

    public void add(DeadLetter d) {
        deadLetters.add(d);
    }

    public void autoRegister(DeviceEntry d) {
        autoRegister.add(d);
    }

    /** Marks a device as heard from now. */
    public void seen(String deviceId, Instant at) {
        seen.add(new String[] {deviceId, at.toString()});
    }

    public void add(StatusUpdate s) {
        statuses.add(s);
    }

    public void add(CommandResultRow c) {
        commandResults.add(c);
    }

    public boolean isEmpty() {
        return records.isEmpty() && deadLetters.isEmpty() && autoRegister.isEmpty() && seen.isEmpty() && statuses.isEmpty()
                && commandResults.isEmpty();
    }

    public List<DeviceEntry> autoRegisteredDevices() {
        return autoRegister;
    }

    public int recordCount() {
        return records.size();
    }
}
