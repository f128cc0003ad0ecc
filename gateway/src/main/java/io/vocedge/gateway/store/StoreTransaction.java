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
    final List<ForgetRequest> forgets = new ArrayList<>();
    final List<Object[]> redriven = new ArrayList<>();

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

    public void add(ForgetRequest f) {
        forgets.add(f);
    }

    /** Marks a dead letter redriven in the same transaction that stores its records (once: a second mark is a no-op). */
    public void redriven(long deadLetterId, Instant at, String outcome) {
        redriven.add(new Object[] {deadLetterId, at, outcome});
    }

    public boolean isEmpty() {
        return records.isEmpty()
                && deadLetters.isEmpty()
                && autoRegister.isEmpty()
                && seen.isEmpty()
                && statuses.isEmpty()
                && commandResults.isEmpty()
                && redriven.isEmpty()
                && forgets.isEmpty();
    }

    public List<DeviceEntry> autoRegisteredDevices() {
        return autoRegister;
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public int recordCount() {
        return records.size();
    }
}
