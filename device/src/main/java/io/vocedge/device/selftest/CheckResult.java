package io.vocedge.device.selftest;

import java.util.Map;

/**
 * The outcome of one self-test check. A FAIL message always says what to check or do.
 *
 * @param detail measured values (free space, channel levels ...) for the JSON report
 */
public record CheckResult(String name, Status status, String message, Map<String, Object> detail) {
    /** WARN: works now but needs attention soon (a certificate expiring); does not fail the report. */
    public enum Status {
        PASS,
        WARN,
        FAIL,
        SKIP
    }

    public CheckResult {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static CheckResult pass(String name, String message) {
        return new CheckResult(name, Status.PASS, message, Map.of());
    }

    public static CheckResult fail(String name, String message) {
        return new CheckResult(name, Status.FAIL, message, Map.of());
    }

    public static CheckResult warn(String name, String message) {
        return new CheckResult(name, Status.WARN, message, Map.of());
    }

    public static CheckResult skip(String name, String message) {
        return new CheckResult(name, Status.SKIP, message, Map.of());
    }

    public CheckResult withDetail(Map<String, Object> more) {
        return new CheckResult(name, status, message, more);
    }
}
