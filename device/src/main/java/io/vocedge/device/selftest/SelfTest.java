package io.vocedge.device.selftest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/** Runs checks in order; a check that throws becomes a FAIL naming the exception, and the next check still runs. */
public final class SelfTest {
    private final String deviceId;
    private final Map<String, Check> checks = new LinkedHashMap<>();

    public SelfTest(String deviceId) {
        this.deviceId = deviceId;
    }

    public SelfTest add(String name, Check check) {
        checks.put(name, check);
        return this;
    }

    public SelfTestReport run() {
        List<CheckResult> results = new ArrayList<>();
        for (var e : checks.entrySet()) {
            try {
                results.addAll(e.getValue().run());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                results.add(CheckResult.fail(e.getKey(), "interrupted"));
                break;
            } catch (Exception | LinkageError ex) {
                Logger.warn(ex, "event=selftest_check_crashed check={}", e.getKey());
                results.add(CheckResult.fail(
                        e.getKey(), "the check itself failed: " + ex + " (run with VOC_DEBUG=1 and report this)"));
            }
        }
        SelfTestReport report = new SelfTestReport(deviceId, Instant.now(), results);
        Logger.info(
                "event=selftest_done device={} passed={} pass={} warn={} fail={} skip={}",
                deviceId,
                report.passed(),
                report.count(CheckResult.Status.PASS),
                report.count(CheckResult.Status.WARN),
                report.count(CheckResult.Status.FAIL),
                report.count(CheckResult.Status.SKIP));
        return report;
    }
}
