package io.vocedge.gateway.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the store holds of one device and what the device said it still holds: records stored, the highest seq up
 * to which nothing is missing, the gaps above it, and the outbox state of its last status. A gap the device still
 * has in its outbox is "not sent yet"; one below its oldest unsent record and not evicted is lost.
 *
 * @param contiguousTo highest seq n such that 1..n are all stored (0 when seq 1 is missing)
 * @param gaps missing ranges below {@code maxSeq}, lowest first, at most {@link CoverageQuery#MAX_GAPS}
 * @param missing how many seqs below {@code maxSeq} are missing in all
 * @param outboxDepth from the device's last status; null when it never sent one
 * @param oldestUnsentAt from the last status; null when its outbox was empty (or an older device)
 * @param deviceLastSeq the last seq the device had handed out at its last status; null for older devices
 */
public record DeviceCoverage(
        String deviceId,
        String site,
        String name,
        String state,
        Instant lastSeen,
        boolean online,
        Instant statusAt,
        long stored,
        long maxSeq,
        long contiguousTo,
        List<Range> gaps,
        long missing,
        Long outboxDepth,
        Instant oldestUnsentAt,
        Long deviceLastSeq,
        Long evicted) {
    /** An inclusive seq range. */
    public record Range(long from, long to) {}

    /** Age of the oldest unsent record at {@code now}, or null. */
    public Duration oldestUnsentAge(Instant now) {
        return oldestUnsentAt == null
                ? null
                : Duration.between(oldestUnsentAt, now).isNegative()
                        ? Duration.ZERO
                        : Duration.between(oldestUnsentAt, now);
    }
}
