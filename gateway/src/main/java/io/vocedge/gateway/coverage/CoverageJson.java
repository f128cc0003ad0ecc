package io.vocedge.gateway.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a device's coverage, shared by {@code devices --json} and {@code GET /api/v1/devices}. */
public final class CoverageJson {
    private CoverageJson() {}

    public static Map<String, Object> of(DeviceCoverage d, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_id", d.deviceId());
        m.put("site", d.site());
        m.put("name", d.name());
        m.put("state", d.state());
        m.put("online", d.online());
        m.put("last_seen", text(d.lastSeen()));
        m.put("status_at", text(d.statusAt()));
        m.put("stored", d.stored());
        m.put("max_seq", d.maxSeq());
        m.put("contiguous_to", d.contiguousTo());
        m.put("missing", d.missing());
        List<List<Long>> gaps =
                d.gaps().stream().map(g -> List.of(g.from(), g.to())).toList();
        m.put("gaps", gaps);
        m.put("outbox_depth", d.outboxDepth());
        m.put("oldest_unsent_at", text(d.oldestUnsentAt()));
        Duration age = d.oldestUnsentAge(now);
        m.put("oldest_unsent_age_s", age == null ? null : age.toSeconds());
        m.put("device_last_seq", d.deviceLastSeq());
        m.put("evicted", d.evicted());
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
