package io.vocedge.gateway.forward;

import java.time.Duration;
import java.util.List;

/** Where a forwarder publishes: all of a batch or none of it (as far as a reading consumer can tell). */
public interface Sink extends AutoCloseable {
    /** The sink's name in the outbox cursors, metrics, /health and {@code forward status}. */
    String name();

    /** Publishes the batch; returns only when the destination has it durably. Throws if it may not have it all. */
    void publish(List<OutboxRow> batch) throws Exception;

    /** Drops connection state after a failure, so the next publish starts clean. */
    void reset();

    /** The first wait after a failed batch; it doubles (with jitter) up to {@link #retryMax()}. */
    default Duration retryMin() {
        return Duration.ofMillis(100);
    }

    /** The longest wait between two attempts. */
    default Duration retryMax() {
        return Duration.ofSeconds(30);
    }

    @Override
    void close();

    /** The destination asked to be left alone for a while (HTTP 429/503 with Retry-After): wait at least this. */
    final class RetryLater extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration after;

        public RetryLater(String message, Duration after) {
            super(message);
            this.after = after;
        }

        public Duration after() {
            return after;
        }
    }
}
