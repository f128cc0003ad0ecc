package io.vocedge.gateway.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Why the store did not take a transaction, decided from the error itself (SQLite result code, PostgreSQL SQLSTATE,
 * JDBC exception type) and never from whether a retry happens to work. Only {@link #CONTENT} blames what was
 * written; every other cause is the store's condition, so the caller keeps the data, acks nothing and retries.
 *
 * <p>An error we cannot attribute ({@link #UNKNOWN}) is also never blamed on a record: a valid record refused
 * once is lost to the device, a stalled worker only delays it (and says so in /health and the logs).
 */
public enum StoreFault {
    /** Locked by another writer, serialization failure, deadlock, lock or statement timeout. */
    BUSY("store_busy"),
    /** Connection refused or lost, server shutting down, pool timed out waiting for a connection. */
    UNREACHABLE("store_unreachable"),
    /** Disk full, read-only file system or database, I/O error. */
    UNWRITABLE("store_unwritable"),
    /** A constraint or encoding the data can never satisfy: the only cause that rejects a record. */
    CONTENT("store_refused"),
    /** Anything else: retried like a transient cause, reported as such. */
    UNKNOWN("store_error");

    /** The stable label: /health {@code store_state}, the {@code voc_store_errors{cause}} metric. */
    public final String code;

    StoreFault(String code) {
        this.code = code;
    }

    public boolean retryable() {
        return this != CONTENT;
    }

    /** Classifies an exception thrown by a JDBC call (it or any cause in its chain). */
    public static StoreFault of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StoreFault f = one(t);
            if (f != null) {
                return f;
            }
        }
        return UNKNOWN;
    }

    private static StoreFault one(Throwable t) {
        if (t instanceof org.sqlite.SQLiteException s) {
            return sqlite(s.getResultCode().code & 0xff);
        }
        if (t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof java.net.ConnectException
                || t instanceof java.io.EOFException
                || t instanceof java.net.SocketException) {
            return UNREACHABLE;
        }
        if (t instanceof SQLTimeoutException) {
            return BUSY;
        }
        if (t instanceof SQLException s
                && s.getSQLState() != null
                && s.getSQLState().length() == 5) {
            return sqlState(s.getSQLState().toUpperCase(Locale.ROOT));
        }
        return null;
    }

    /**
     * A one-line description safe for logs and dead letters: the SQLSTATE and the server's primary message. Never the
     * JDBC batch message or the server's detail, which quote the statement's values (transcript text).
     */
    public static String describe(Throwable error) {
        Throwable best = error;
        for (Throwable t = error; t != null; t = next(t)) {
            if (!(t instanceof java.sql.BatchUpdateException)) {
                best = t;
                break;
            }
        }
        if (best instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return "SQLSTATE " + p.getSQLState() + ": "
                    + p.getServerErrorMessage().getMessage();
        }
        String state =
                best instanceof SQLException s && s.getSQLState() != null ? "SQLSTATE " + s.getSQLState() + ": " : "";
        String message = String.valueOf(best.getMessage());
        int cut = message.indexOf('\n');
        return state + (cut < 0 ? message : message.substring(0, cut));
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** SQLite primary result codes (https://sqlite.org/rescode.html). */
    static StoreFault sqlite(int primary) {
        return switch (primary) {
            case 5, 6, 9, 15 -> BUSY; // BUSY, LOCKED, INTERRUPT, PROTOCOL
            case 8, 10, 13 -> UNWRITABLE; // READONLY, IOERR, FULL
            case 14 -> UNREACHABLE; // CANTOPEN
            case 18, 19, 20, 25 -> CONTENT; // TOOBIG, CONSTRAINT, MISMATCH, RANGE
            default -> UNKNOWN; // NOMEM, CORRUPT, NOTADB, ERROR (SQL bugs) ...
        };
    }

    /** PostgreSQL SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
    static StoreFault sqlState(String state) {
        String cls = state.substring(0, 2);
        return switch (cls) {
            case "08" -> UNREACHABLE; // connection exception
            case "22", "23" -> CONTENT; // data exception (encoding, too long, bad value), integrity constraint
            case "40" -> BUSY; // serialization failure, deadlock
            case "53", "58" ->
                state.equals("53300") ? BUSY : UNWRITABLE; // disk full, out of memory, I/O; too many connections
            case "55" ->
                state.equals("55P03") || state.equals("55006") ? BUSY : UNKNOWN; // lock not available, object in use
            case "57" ->
                state.equals("57014")
                        ? BUSY
                        : UNREACHABLE; // statement timeout; admin/crash shutdown, cannot connect now
            case "25" -> state.equals("25006") ? UNWRITABLE : UNKNOWN; // read-only transaction
            default -> UNKNOWN;
        };
    }
}
