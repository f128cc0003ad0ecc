package io.vocedge.gateway.forward;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events this gateway has just committed to the outbox, held in memory for one forwarder so it can publish them
 * without reading them back from the store (issue 18: reading each event's row back cost the gateway and PostgreSQL
 * CPU per event). The claim protocol does not change: the forwarder still claims its device keys in the store and
 * moves their cursors there; only where the claimed events' content comes from does. Content of a committed
 * {@code (device_key, dseq)} never changes, so a held copy is exactly the row.
 *
 * <p>Holds only what is certain: events offered after their transaction committed ({@code CommitParticipant#committed}),
 * of kinds that are always inserted (stored records; a status or alert may be dropped as a duplicate by the store and
 * leave a gap), and per key only one run of consecutive dseqs. A claimed key is served from memory only when every one
 * of its pending events, from just above its cursor to the claimed last dseq, is held; otherwise the forwarder reads
 * that key from the outbox as before (after a restart, for another gateway's events on a shared PostgreSQL, or after
 * an overflow).
 *
 * <p>Bounded by events and bytes. Overflow policy: when an offer would exceed either bound, everything held is dropped
 * (and counted): those keys are read from the outbox, which always has them; nothing is lost and ingest never waits.
 * Thread-safe: the ingest thread offers, the forwarder takes.
 */
final class CommittedEvents {
    private final int maxEvents;
    private final long maxBytes;
    private final Map<String, ArrayDeque<OutboxRow>> byKey = new HashMap<>();
    private int events;
    private long bytes;
    private long overflows;

    CommittedEvents(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** Committed events, per key in ascending dseq (as {@link ForwardOutbox#append} returns them). */
    synchronized void offer(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        long incoming = 0;
        for (OutboxRow r : rows) {
            incoming += r.bytes();
        }
        if (events + rows.size() > maxEvents || bytes + incoming > maxBytes) {
            clear();
            overflows++;
            if (rows.size() > maxEvents || incoming > maxBytes) {
                return;
            }
        }
        for (OutboxRow r : rows) {
            ArrayDeque<OutboxRow> q = byKey.computeIfAbsent(r.deviceKey(), k -> new ArrayDeque<>());
            if (!q.isEmpty() && q.peekLast().dseq() + 1 != r.dseq()) {
                // A gap (another gateway's event, a status, a dropped offer): the older run can no longer be joined to
                // what follows, and a claim always asks up to the newest dseq.
                drop(q, Long.MAX_VALUE);
            }
            q.addLast(r);
            events++;
            bytes += r.bytes();
        }
    }

    /**
     * The key's events {@code (sent, last]} when every one is held, else null (read them from the store). Held events
     * at or below {@code sent} are dropped: the sink has them (published by this or another gateway).
     */
    synchronized List<OutboxRow> take(String key, long sent, long last) {
        ArrayDeque<OutboxRow> q = byKey.get(key);
        if (q == null) {
            return null;
        }
        drop(q, sent);
        if (q.isEmpty()) {
            byKey.remove(key);
            return null;
        }
        if (q.peekFirst().dseq() != sent + 1 || q.peekLast().dseq() < last) {
            return null;
        }
        List<OutboxRow> out = new ArrayList<>((int) Math.min(q.size(), last - sent));
        for (OutboxRow r : q) {
            if (r.dseq() > last) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /** After the cursors moved: the events at or below each key's new cursor are no longer needed. */
    synchronized void sent(Map<String, Long> cursors) {
        for (Map.Entry<String, Long> c : cursors.entrySet()) {
            ArrayDeque<OutboxRow> q = byKey.get(c.getKey());
            if (q != null) {
                drop(q, c.getValue());
                if (q.isEmpty()) {
                    byKey.remove(c.getKey());
                }
            }
        }
    }

    private void drop(ArrayDeque<OutboxRow> q, long upTo) {
        while (!q.isEmpty() && q.peekFirst().dseq() <= upTo) {
            OutboxRow r = q.pollFirst();
            events--;
            bytes -= r.bytes();
        }
    }

    private void clear() {
        byKey.clear();
        events = 0;
        bytes = 0;
    }

    synchronized int events() {
        return events;
    }

    synchronized long overflows() {
        return overflows;
    }
}
