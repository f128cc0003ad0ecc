package io.vocedge.device.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after a store-wide outage hundreds of devices must not reconnect in
 * the same second. Not thread-safe; one per reconnect loop.
 */
public final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " / " + max);
        }
        this.initialMs = initial.toMillis();
        this.maxMs = max.toMillis();
        this.random = random;
    }

    /** The next delay: uniform in [initial/2, min(max, initial * 2^attempt)]. */
    public Duration next() {
        long ceiling = Math.min(maxMs, initialMs << Math.min(attempt, 20));
        attempt++;
        long floor = Math.min(initialMs / 2, ceiling);
        return Duration.ofMillis(floor + (long) (random.nextDouble() * (ceiling - floor)));
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
