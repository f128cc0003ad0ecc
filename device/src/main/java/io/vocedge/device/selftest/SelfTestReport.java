package io.vocedge.device.selftest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** All check results, with a human table and a JSON-ready map. */
public record SelfTestReport(String deviceId, Instant at, List<CheckResult> results) {
    public SelfTestReport {
        results = List.copyOf(results);
    }

    /** True when nothing failed (skipped checks and warnings do not fail the report). */
    public boolean passed() {
        return results.stream().noneMatch(r -> r.status() == CheckResult.Status.FAIL);
    }

    public long count(CheckResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public String summary() {
        return (passed() ? "self-test passed" : "self-test FAILED") + ": " + count(CheckResult.Status.PASS) + " pass, "
                + count(CheckResult.Status.FAIL) + " fail, " + count(CheckResult.Status.SKIP) + " skip"
                + (count(CheckResult.Status.WARN) > 0 ? ", " + count(CheckResult.Status.WARN) + " warn" : "");
    }

    /** The table a technician reads on the console. */
    public String toTable() {
        int w = Math.max(
                5, results.stream().mapToInt(r -> r.name().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + w + "s  %-4s  %s%n", "check", "", "what"));
        for (CheckResult r : results) {
            String[] lines = r.message().split("\n");
            sb.append(String.format(Locale.ROOT, "%-" + w + "s  %-4s  %s%n", r.name(), r.status(), lines[0]));
            for (int i = 1; i < lines.length; i++) {
                sb.append(" ".repeat(w + 8)).append(lines[i]).append('\n');
            }
        }
        sb.append(summary()).append('\n');
        return sb.toString();
    }

    /** For JSON: {device_id, at, passed, summary, checks: [{name, status, message, detail}]}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_id", deviceId);
        m.put("at", at.toString());
        m.put("passed", passed());
        m.put("summary", summary());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.name());
            c.put("status", r.status().name());
            c.put("message", r.message());
            if (!r.detail().isEmpty()) {
                c.put("detail", r.detail());
            }
            checks.add(c);
        }
        m.put("checks", checks);
        return m;
    }
}
