package io.vocedge.gateway.forward;

import io.vocedge.gateway.store.CommitParticipant;
import io.vocedge.gateway.store.CommittedChanges;
import io.vocedge.gateway.store.Dialect;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoredRecord;
import io.vocedge.protocol.SchemaId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes every newly stored record (utterances, conversation summaries, telemetry) and every device status update
 * into the forwarding outbox, inside the store transaction. Per device, records go in by {@code seq} and statuses after
 * them, so a conversation summary is never ahead of the utterances it summarises.
 */
public final class OutboxParticipant implements CommitParticipant {
    /** The kind of a device status event (topic suffix). */
    public static final String STATUS = "status";

    private final ForwardOutbox outbox;
    private final Runnable inTransaction;
    private final Consumer<List<OutboxRow>> onCommitted;
    /** The rows this thread's open transaction wrote, handed on only once it committed. */
    private final ThreadLocal<List<OutboxRow>> written = new ThreadLocal<>();

    /** @param inTransaction called after the outbox rows are written, before the commit (fault tests pause here) */
    public OutboxParticipant(ForwardOutbox outbox, Runnable inTransaction) {
        this(outbox, inTransaction, rows -> {});
    }

    /**
     * @param onCommitted given the rows of stored records' events once their transaction committed (never before, never
     *     after a rollback): the forwarders publish them without reading them back ({@link CommittedEvents})
     */
    public OutboxParticipant(ForwardOutbox outbox, Runnable inTransaction, Consumer<List<OutboxRow>> onCommitted) {
        this.outbox = outbox;
        this.inTransaction = inTransaction;
        this.onCommitted = onCommitted;
    }

    @Override
    public void participate(Connection connection, Dialect dialect, CommittedChanges changes) throws SQLException {
        written.remove();
        if (!outbox.enabled()) {
            return;
        }
        written.set(outbox.append(connection, events(changes)));
        inTransaction.run();
    }

    @Override
    public void committed(CommittedChanges changes) {
        List<OutboxRow> rows = written.get();
        written.remove();
        if (rows != null && !rows.isEmpty()) {
            onCommitted.accept(rows);
        }
    }

    @Override
    public void rolledBack(CommittedChanges changes) {
        written.remove();
    }

    static List<ForwardEvent> events(CommittedChanges changes) {
        List<StoredRecord> records = new ArrayList<>(changes.insertedRecords());
        records.sort(Comparator.comparing(StoredRecord::deviceId).thenComparingLong(StoredRecord::seq));
        List<ForwardEvent> events =
                new ArrayList<>(records.size() + changes.statuses().size());
        for (StoredRecord r : records) {
            events.add(new ForwardEvent(
                    r.kind(),
                    r.deviceId(),
                    ForwardEvent.recordEventId(r.deviceId(), r.seq()),
                    r.schemaId(),
                    r.payloadJson()));
        }
        for (StatusUpdate s : changes.statuses()) {
            // The same status delivered twice (retained message on reconnect) has the same id: stored once.
            events.add(new ForwardEvent(
                    STATUS,
                    s.deviceId(),
                    ForwardEvent.nameId("status:" + s.deviceId() + ":" + s.json()),
                    SchemaId.STATUS.toString(),
                    s.json()));
        }
        return events;
    }
}
