package io.vocedge.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A feature that writes inside the store's own transaction, after the records: the forwarding outbox, alert
 * evaluation, the search index. Because it runs before the commit, what it writes exists exactly when the record
 * does (a {@code kill -9} loses both or neither), and the device's ack still waits only for that one commit.
 *
 * <p>It sees only records inserted by this transaction, never a duplicate copy, so work keyed on a record happens
 * once. Throwing rolls back the whole transaction (records included): throw only for store errors, never for a
 * problem with one record's content (log and skip those), or one bad record would block ingest.
 */
@FunctionalInterface
public interface CommitParticipant {
    void participate(Connection connection, Dialect dialect, CommittedChanges changes) throws SQLException;

    /**
     * The transaction this participant wrote into has committed (called on the committing thread, after the commit
     * returned). Must not throw: the data is stored whatever happens here. Default: nothing.
     */
    default void committed(CommittedChanges changes) {}

    /**
     * The transaction this participant may have written into did not commit (rolled back, or its outcome is unknown
     * because the commit itself failed): forget anything kept for {@link #committed}. Default: nothing.
     */
    default void rolledBack(CommittedChanges changes) {}
}
