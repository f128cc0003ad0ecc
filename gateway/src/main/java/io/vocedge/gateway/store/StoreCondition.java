package io.vocedge.gateway.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What the ingest worker last learned about the store, for /health: {@code ok}, or the {@link StoreFault} code of
 * the failure it is backing off from, since when, and whether a commit has been waiting unusually long (a SQLite
 * file locked by another writer answers {@code SELECT 1} but makes a write wait for the busy timeout).
 * Written by one worker thread, read by HTTP threads.
 */
public final class StoreCondition {
    /** A commit running longer than this is reported as {@code store_busy} before it fails or succeeds. */
    static final Duration SLOW_COMMIT = Duration.ofSeconds(2);

    private volatile StoreFault fault;
    private volatile Instant since;
    private volatile String lastError;
    private volatile long commitStartedNanos;

    /** A snapshot: {@code state} is {@code ok} or a {@link StoreFault#code}. */
    public record Snapshot(String state, Instant since, String lastError) {
        public boolean ok() {
            return "ok".equals(state);
        }
    }

    public void commitStarted() {
        commitStartedNanos = System.nanoTime();
    }

    public void committed() {
        commitStartedNanos = 0;
        fault = null;
        since = null;
        lastError = null;
    }

    public void failed(StoreFault f, String error) {
        commitStartedNanos = 0;
        if (fault != f) {
            since = Instant.now();
        }
        fault = f;
        lastError = error;
    }

    public Snapshot snapshot() {
        StoreFault f = fault;
        if (f != null && f.retryable()) {
            return new Snapshot(f.code, since, lastError);
        }
        long started = commitStartedNanos;
        if (started != 0 && System.nanoTime() - started > SLOW_COMMIT.toNanos()) {
            return new Snapshot(
                    StoreFault.BUSY.code,
                    Instant.now().minusNanos(System.nanoTime() - started),
                    "a commit has been waiting for the store (locked by another writer?)");
        }
        return new Snapshot("ok", null, null);
    }
}
