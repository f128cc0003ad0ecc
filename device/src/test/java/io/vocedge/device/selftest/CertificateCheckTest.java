package io.vocedge.device.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.sync.TlsFiles;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-test's certificate check with real certificates from the fleet CA code: a long-lived, a short-lived
 * (within 30 days: WARN, the report still passes), an expired one (FAIL) and a file that is not a certificate.
 */
class CertificateCheckTest {
    private static final char[] PASS = "correct horse battery staple".toCharArray();

    @TempDir
    static Path dir;

    static FleetCa ca;
    static Path caPem;
    static final Instant now = Instant.now();

    @BeforeAll
    static void ca() {
        // One CA for all cases (its key derivation is slow on purpose); certificates get explicit validity.
        ca = FleetCa.create(
                dir.resolve("ca"),
                PASS.clone(),
                "selftest",
                Duration.ofDays(3650),
                Clock.fixed(now.minus(Duration.ofDays(100)), ZoneOffset.UTC));
        caPem = dir.resolve("ca").resolve(FleetCa.CERT_FILE);
    }

    private Path deviceCert(String name, Instant notBefore, Instant notAfter) throws Exception {
        Path f = dir.resolve(name + ".pem");
        Files.write(
                f,
                Pem.encode(ca.issue(
                        "dev-" + name,
                        FleetCa.newKeyPair().getPublic(),
                        FleetCa.Purpose.CLIENT,
                        List.of(),
                        notBefore,
                        notAfter)));
        return f;
    }

    private List<CheckResult> run(Path cert) {
        return new CertificateCheck(new TlsFiles(caPem, cert, dir.resolve("unused.key")), Clock.systemUTC()).run();
    }

    @Test
    void validForYearsPasses() throws Exception {
        List<CheckResult> r = run(deviceCert("long", now.minusSeconds(60), now.plus(Duration.ofDays(1825))));
        assertThat(r).extracting(CheckResult::name).containsExactly("ca_cert", "device_cert");
        assertThat(r).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckResult.Status.PASS));
        assertThat(r.get(1).message()).contains("CN=dev-long").contains("(1824 days)");
        assertThat(r.get(1).detail()).containsEntry("days_left", 1824L);
    }

    @Test
    void withinThirtyDaysWarnsAndTheReportStillPasses() throws Exception {
        List<CheckResult> r = run(deviceCert("short", now.minusSeconds(60), now.plus(Duration.ofDays(12))));
        CheckResult cert = r.get(1);
        assertThat(cert.status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(cert.message())
                .startsWith("device_cert")
                .contains("expires in 11 days")
                .contains("device renew");
        SelfTestReport report = new SelfTestReport("dev-short", now, r);
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("self-test passed: 1 pass, 0 fail, 0 skip, 1 warn");
        assertThat(report.toTable()).contains("device_cert  WARN  device_cert");
    }

    @Test
    void expiredFailsAndUnreadableFails() throws Exception {
        CheckResult expired = run(deviceCert("old", now.minus(Duration.ofDays(50)), now.minus(Duration.ofDays(1))))
                .get(1);
        assertThat(expired.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(expired.message()).contains("expired at").contains("the broker refuses an expired certificate");

        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate\n");
        CheckResult unreadable = run(junk).get(1);
        assertThat(unreadable.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(unreadable.message()).contains("cannot be read").contains("provisioning bundle");
    }

    @Test
    void noTlsFilesIsSkipped() {
        List<CheckResult> r = new CertificateCheck(new TlsFiles(null, null, null), Clock.systemUTC()).run();
        assertThat(r).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CheckResult.Status.SKIP));
    }
}
