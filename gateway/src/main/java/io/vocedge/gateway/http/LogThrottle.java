package io.vocedge.gateway.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one WARN line through per interval and counts what it held back, so an attack that trips a limit thousands of
 * times a second is visible in the log without flooding it (every event is counted in /metrics anyway).
 */
final class LogThrottle {
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    LogThrottle(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** -1 when this event should not be logged; otherwise how many were held back since the last logged one. */
    long admit() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
