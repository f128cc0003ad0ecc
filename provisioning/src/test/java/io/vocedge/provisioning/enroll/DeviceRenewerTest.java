package io.vocedge.provisioning.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.Fleet;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.cli.ProvisionMain;
import io.vocedge.provisioning.inventory.Inventory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code device renew} with real certificates: same identity, new or same key, the old serial's grace, wrong places refused. */
class DeviceRenewerTest {
    private static final String URL = "ssl://gw.store.example:8883";

    @TempDir
    Path dir;

    @Test
    void newCertificateForTheSameIdentityAndTheOldSerialRevokedOnlyAfterItsGrace() throws Exception {
        Fleet f = new Fleet(dir);
        EnrollResult r = f.enroll("store-1", "desk 1", URL);
        X509Certificate a = FleetCa.readCertificate(r.bundle().resolve("device.pem"));
        String keyA = Files.readString(r.bundle().resolve("device.key"));

        var result = new DeviceRenewer(f.ca, f.inventory, f.clock)
                .renew(r.deviceId(), r.bundle(), false, Duration.ofDays(30), Duration.ofDays(7));
        X509Certificate b = FleetCa.readCertificate(r.bundle().resolve("device.pem"));
        b.verify(f.ca.certificate().getPublicKey());
        assertThat(b.getSubjectX500Principal()).isEqualTo(a.getSubjectX500Principal());
        assertThat(b.getSerialNumber()).isNotEqualTo(a.getSerialNumber());
        assertThat(b.getPublicKey()).isNotEqualTo(a.getPublicKey());
        assertThat(Files.readString(r.bundle().resolve("device.key"))).isNotEqualTo(keyA);
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(r.bundle().resolve("device.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(r.bundle().resolve("device.pem"))))
                .isEqualTo("rw-r--r--");
        // The new pair works with the agent's own TLS loader.
        io.vocedge.protocol.PemTls.socketFactory(
                r.bundle().resolve("ca.pem"),
                r.bundle().resolve("device.pem"),
                r.bundle().resolve("device.key"));
        assertThat(Files.readString(r.bundle().resolve("enrollment.json")))
                .contains(result.fingerprint())
                .contains("renewed_at");

        Inventory inv = f.inventory.load();
        assertThat(inv.device(r.deviceId())).get().satisfies(d -> {
            assertThat(d.serial()).isEqualTo(b.getSerialNumber().toString(16));
            assertThat(d.revoked()).isFalse();
        });
        BigInteger oldSerial = a.getSerialNumber();
        assertThat(inv.revokedSerials(Instant.now())).as("within the grace").doesNotContainKey(oldSerial);
        assertThat(inv.revokedSerials(Instant.now().plus(Duration.ofDays(8))))
                .as("after the grace")
                .containsKey(oldSerial)
                .doesNotContainKey(b.getSerialNumber());

        // Revoking the device revokes every certificate it had, grace or not.
        new DeviceRevoker(f.ca, f.inventory, null, Clock.systemUTC()).revoke(r.deviceId(), null, Duration.ofDays(30));
        assertThat(f.inventory.load().revokedSerials(Instant.now())).containsKeys(oldSerial, b.getSerialNumber());
        assertThatThrownBy(() -> new DeviceRenewer(f.ca, f.inventory, f.clock)
                        .renew(r.deviceId(), r.bundle(), false, Duration.ofDays(30), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("was revoked");
    }

    @Test
    void keepKeyCertifiesTheSameKeyAndKeepOldNeverRevokes() throws Exception {
        Fleet f = new Fleet(dir);
        EnrollResult r = f.enroll("store-1", "desk 1", URL);
        X509Certificate a = FleetCa.readCertificate(r.bundle().resolve("device.pem"));
        String key = Files.readString(r.bundle().resolve("device.key"));
        new DeviceRenewer(f.ca, f.inventory, f.clock).renew(r.deviceId(), r.bundle(), true, Duration.ofDays(30), null);
        X509Certificate b = FleetCa.readCertificate(r.bundle().resolve("device.pem"));
        assertThat(b.getPublicKey()).isEqualTo(a.getPublicKey());
        assertThat(Files.readString(r.bundle().resolve("device.key"))).isEqualTo(key);
        assertThat(f.inventory.load().revokedSerials(Instant.now().plus(Duration.ofDays(3650))))
                .isEmpty();
    }

    @Test
    void anotherDevicesBundleOrNoBundleIsRefusedAndTheCliSaysSo() throws Exception {
        Fleet f = new Fleet(dir);
        EnrollResult one = f.enroll("store-1", "desk 1", URL);
        EnrollResult two = f.enroll("store-1", "desk 2", URL);
        String twoCert = Files.readString(two.bundle().resolve("device.pem"));
        assertThatThrownBy(() -> new DeviceRenewer(f.ca, f.inventory, f.clock)
                        .renew(one.deviceId(), two.bundle(), false, Duration.ofDays(30), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("belongs to " + two.deviceId());
        assertThat(Files.readString(two.bundle().resolve("device.pem")))
                .as("untouched")
                .isEqualTo(twoCert);

        StringWriter err = new StringWriter();
        CommandLine cli = ProvisionMain.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(
                        "device",
                        "renew",
                        one.deviceId(),
                        "--ca",
                        f.caDir.toString(),
                        "--passphrase-file",
                        f.passphraseFile().toString(),
                        "--bundle",
                        dir.resolve("nowhere").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--bundle must be the device's bundle");
        assertThat(cli.execute(
                        "device",
                        "renew",
                        one.deviceId(),
                        "--ca",
                        f.caDir.toString(),
                        "--bundle",
                        one.bundle().toString(),
                        "--keep-old",
                        "--revoke-old-after",
                        "3"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("exclude each other");
    }
}
