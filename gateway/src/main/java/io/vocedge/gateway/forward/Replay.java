package io.vocedge.gateway.forward;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-publishes the events committed in a time range, as the outbox still holds them (forwarded events are kept for
 * {@code forward.retention}), to one sink: same event ids, same payloads, each device's events in their order. A
 * receiver that already has an event drops the copy by its id. Batches are bounded like the forwarder's; a failed batch
 * is tried a few times, then the replay stops and says how far it got (running it again is harmless).
 */
public final class Replay {
    private static final int ATTEMPTS = 4;

    private final OutboxStore store;
    private final int maxEvents;
    private final long maxBytes;

    public Replay(OutboxStore store, int maxEvents, long maxBytes) {
        this.store = store;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** How a replay to one sink went: events and batches published; error null when it finished. */
    public record Result(String sink, long events, long batches, String error) {}

    public Result run(Sink sink, Instant since, Instant until, String kind) throws InterruptedException {
        long events = 0;
        long batches = 0;
        String afterKey = null;
        long afterDseq = 0;
        try {
            while (true) {
                List<OutboxRow> page = store.range(since, until, kind, afterKey, afterDseq, maxEvents);
                if (page.isEmpty()) {
                    return new Result(sink.name(), events, batches, null);
                }
                for (List<OutboxRow> batch : split(page)) {
                    publish(sink, batch);
                    events += batch.size();
                    batches++;
                }
                OutboxRow last = page.get(page.size() - 1);
                afterKey = last.deviceKey();
                afterDseq = last.dseq();
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Result(sink.name(), events, batches, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Cuts a page into batches of at most {@code maxBytes} payload bytes (one oversized event goes alone). */
    List<List<OutboxRow>> split(List<OutboxRow> page) {
        List<List<OutboxRow>> out = new ArrayList<>();
        List<OutboxRow> cur = new ArrayList<>();
        long bytes = 0;
        for (OutboxRow r : page) {
            if (!cur.isEmpty() && bytes + r.bytes() > maxBytes) {
                out.add(cur);
                cur = new ArrayList<>();
                bytes = 0;
            }
            cur.add(r);
            bytes += r.bytes();
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    private static void publish(Sink sink, List<OutboxRow> batch) throws Exception {
        long step = Math.max(1, sink.retryMin().toMillis());
        for (int attempt = 1; ; attempt++) {
            try {
                sink.publish(batch);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                sink.reset();
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                Duration after = e instanceof Sink.RetryLater later ? later.after() : null;
                Thread.sleep(Forwarder.jittered(step, after, 10_000));
                step = Math.min(5_000, step * 2);
            }
        }
    }
}
