package io.vocedge.device.selftest;

import io.vocedge.device.sync.TlsFiles;
import io.vocedge.protocol.PemExpiry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet CA and the device certificate ({@code broker.ca_file}, {@code broker.cert_file}) are valid and not about to
 * expire: PASS with the days left, WARN within {@link PemExpiry#WARN_BEFORE} (the broker still accepts the device:
 * run {@code voc-provision device renew}), FAIL once expired or unreadable (the broker refuses the device).
 */
public final class CertificateCheck implements Check {
    private final TlsFiles tls;
    private final Clock clock;

    public CertificateCheck(TlsFiles tls, Clock clock) {
        this.tls = tls;
        this.clock = clock;
    }

    @Override
    public List<CheckResult> run() {
        Map<String, Path> files = new LinkedHashMap<>();
        if (tls != null && tls.caFile() != null) {
            files.put("ca_cert", tls.caFile());
        }
        if (tls != null && tls.certFile() != null) {
            files.put("device_cert", tls.certFile());
        }
        if (files.isEmpty()) {
            return List.of(CheckResult.skip(
                    "certificates",
                    "no broker.ca_file or broker.cert_file configured (plain or "
                            + "password log-in): nothing expires"));
        }
        List<CheckResult> out = new ArrayList<>();
        files.forEach((name, file) -> out.add(result(PemExpiry.check(name, file, clock.instant()))));
        return out;
    }

    private static CheckResult result(PemExpiry.Check c) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("file", c.file().toString());
        if (c.notAfter() != null) {
            detail.put("not_after", c.notAfter().toString());
            detail.put("days_left", (long) Math.floor(c.secondsLeft() / 86_400));
        }
        CheckResult r = switch (c.state()) {
            case OK ->
                CheckResult.pass(
                        c.name(),
                        c.what() + " valid until " + c.notAfter() + " (" + (long) Math.floor(c.secondsLeft() / 86_400)
                                + " days)");
            case EXPIRING -> CheckResult.warn(c.name(), c.warning());
            case EXPIRED -> CheckResult.fail(c.name(), c.warning() + "; the broker refuses an expired certificate");
            case UNREADABLE -> CheckResult.fail(c.name(), c.warning() + ": copy it again from the provisioning bundle");
        };
        return r.withDetail(detail);
    }
}
