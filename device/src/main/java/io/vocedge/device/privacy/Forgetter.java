package io.vocedge.device.privacy;

import io.vocedge.device.outbox.Outbox;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.tinylog.Logger;

/**
 * "Forget the last N minutes" (command {@code forget}, or holding the privacy button): on the device it deletes the
 * pending audio not yet recognised and the records not yet synced from that window, and drops the in-flight copies
 * so nothing deleted is resent; for records the gateway may already hold it returns the window, which the caller
 * sends to the gateway (the command result carries {@code forget_from}/{@code forget_to}; the gateway deletes that
 * device's records recorded in the window, audits it and notes its count in the stored result).
 */
public final class Forgetter {
    /** Longest window one request may cover. */
    public static final Duration MAX_WINDOW = Duration.ofHours(24);

    private final LongUnaryOperator pendingAudio;
    private final Outbox outbox;
    private final Runnable forgetInFlight;
    private final Clock clock;

    /**
     * @param pendingAudio drops pending audio written at or after the given epoch ms, returns how many segments (a
     *     replay input has none: {@code since -> 0})
     * @param forgetInFlight drops the sync engine's in-flight copies ({@code SyncEngine::forgetInFlight})
     */
    public Forgetter(LongUnaryOperator pendingAudio, Outbox outbox, Runnable forgetInFlight, Clock clock) {
        this.pendingAudio = pendingAudio;
        this.outbox = outbox;
        this.forgetInFlight = forgetInFlight;
        this.clock = clock;
    }

    /** What was deleted, and the window for the gateway. */
    public record Result(Instant from, Instant to, long pendingSegments, long unsyncedRecords) {
        public Map<String, Object> detail() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("forget_from", from.toString());
            m.put("forget_to", to.toString());
            m.put("deleted_pending_segments", pendingSegments);
            m.put("deleted_unsynced_records", unsyncedRecords);
            return m;
        }

        public String message() {
            return "forgot " + Duration.between(from, to).toMinutes() + " min: " + pendingSegments
                    + " pending audio segments and " + unsyncedRecords + " unsynced records deleted on the device; "
                    + "the gateway deletes what it already stored from this window";
        }
    }

    public Result forget(Duration window, String source) throws SQLException {
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "minutes must be 1.." + MAX_WINDOW.toMinutes() + ", got " + window.toMinutes());
        }
        Instant to = clock.instant();
        Instant from = to.minus(window);
        long audio = pendingAudio.applyAsLong(from.toEpochMilli());
        long records = outbox.deleteCreatedSince(from.toEpochMilli());
        forgetInFlight.run();
        Logger.info(
                "event=forget source={} window_min={} pending_segments={} unsynced_records={}",
                source,
                window.toMinutes(),
                audio,
                records);
        return new Result(from, to, audio, records);
    }
}
