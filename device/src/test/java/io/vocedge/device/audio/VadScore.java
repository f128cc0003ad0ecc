package io.vocedge.device.audio;

import java.util.List;

/**
 * How well segments match the true utterances (issue 16): an utterance is <em>found</em> when segments cover at
 * least half of it; its boundaries are <em>good</em> when the segment overlapping it most starts 400 ms early to
 * 150 ms late and ends 150 ms early to 600 ms late. A segment overlapping no utterance is a false segment.
 */
record VadScore(int utterances, int found, int good, int falseSegments, double seconds) {
    static final long START_EARLY_MS = 400;
    static final long START_LATE_MS = 150;
    static final long END_EARLY_MS = 150;
    static final long END_LATE_MS = 600;

    static VadScore of(List<long[]> segments, List<long[]> truth, double seconds) {
        int found = 0;
        int good = 0;
        for (long[] t : truth) {
            long covered = 0;
            long bestOverlap = 0;
            long[] best = null;
            for (long[] s : segments) {
                long o = Math.min(s[1], t[1]) - Math.max(s[0], t[0]);
                if (o > 0) {
                    covered += o;
                    if (o > bestOverlap) {
                        bestOverlap = o;
                        best = s;
                    }
                }
            }
            if (covered * 2 >= t[1] - t[0]) {
                found++;
            }
            if (best != null
                    && best[0] >= t[0] - START_EARLY_MS
                    && best[0] <= t[0] + START_LATE_MS
                    && best[1] >= t[1] - END_EARLY_MS
                    && best[1] <= t[1] + END_LATE_MS) {
                good++;
            }
        }
        int falseSegments = 0;
        for (long[] s : segments) {
            boolean hit = false;
            for (long[] t : truth) {
                hit |= Math.min(s[1], t[1]) > Math.max(s[0], t[0]);
            }
            if (!hit) {
                falseSegments++;
            }
        }
        return new VadScore(truth.size(), found, good, falseSegments, seconds);
    }

    VadScore plus(VadScore o) {
        return new VadScore(
                utterances + o.utterances,
                found + o.found,
                good + o.good,
                falseSegments + o.falseSegments,
                seconds + o.seconds);
    }

    static VadScore zero() {
        return new VadScore(0, 0, 0, 0, 0);
    }

    double foundPct() {
        return utterances == 0 ? 0 : 100.0 * found / utterances;
    }

    double goodPct() {
        return utterances == 0 ? 0 : 100.0 * good / utterances;
    }

    double falsePer10Min() {
        return seconds == 0 ? 0 : falseSegments * 600 / seconds;
    }
}
