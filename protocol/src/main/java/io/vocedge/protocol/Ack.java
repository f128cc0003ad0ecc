package io.vocedge.protocol;

import java.util.List;
import java.util.Objects;

/**
 * {@code voc.ack/1}: the gateway's application ack, sent only after the store committed. {@code stored}
 * covers records committed now or before (duplicates); {@code rejected} lists records that went to the
 * dead-letter table. The device deletes both from its outbox: neither will ever be accepted later.
 */
public record Ack(String deviceId, String batchId, List<SeqRange> stored, List<Rejected> rejected) implements Envelope {
    public Ack {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(batchId, "batchId");
        stored = stored == null ? List.of() : List.copyOf(stored);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.ACK;
    }

    /** An inclusive range of sequence numbers. */
    public record SeqRange(long from, long to) {
        public SeqRange {
            if (to < from) {
                throw new IllegalArgumentException("range end " + to + " before start " + from);
            }
        }

        public boolean contains(long seq) {
            return seq >= from && seq <= to;
        }
    }

    /** A record the gateway refused, and why. */
    public record Rejected(long seq, String reason) {}

    /** Compresses sorted or unsorted sequence numbers into inclusive ranges. */
    public static List<SeqRange> ranges(long[] seqs) {
        long[] sorted = seqs.clone();
        java.util.Arrays.sort(sorted);
        var out = new java.util.ArrayList<SeqRange>();
        int i = 0;
        while (i < sorted.length) {
            long from = sorted[i];
            long to = from;
            while (i + 1 < sorted.length && sorted[i + 1] <= to + 1) {
                to = Math.max(to, sorted[++i]);
            }
            out.add(new SeqRange(from, to));
            i++;
        }
        return out;
    }
}
