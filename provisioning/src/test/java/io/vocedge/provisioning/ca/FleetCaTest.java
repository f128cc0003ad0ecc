package io.vocedge.provisioning.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.Fleet;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCaTest {
    @TempDir
    Path dir;

    @Test
    void keyIsEncryptedOwnerOnlyAndNeverContainsThePassphrase() throws Exception {
        Fleet f = new Fleet(dir);
        Path key = f.caDir.resolve(FleetCa.KEY_FILE);
        String text = Files.readString(key);
        assertThat(text)
                .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
                .doesNotContain(new String(Fleet.PASSPHRASE));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.caDir)))
                .isEqualTo("rwx------");
        X509Certificate ca = f.ca.certificate();
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(FleetCa.load(f.caDir, Fleet.PASSPHRASE.clone(), Clock.systemUTC())
                        .certificate())
                .isEqualTo(ca);
    }

    @Test
    void wrongPassphraseIsRefusedWithTheFix() {
        Fleet f = new Fleet(dir);
        assertThatThrownBy(() -> FleetCa.load(f.caDir, "not the passphrase".toCharArray(), Clock.systemUTC()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("wrong CA passphrase")
                .hasMessageContaining("--passphrase-file");
    }

    @Test
    void shortPassphraseAndExistingCaAreRefused() {
        assertThatThrownBy(() -> FleetCa.create(
                        dir.resolve("weak"), "short".toCharArray(), "x", Duration.ofDays(10), Clock.systemUTC()))
                .hasMessageContaining("too short");
        assertThat(dir.resolve("weak")).doesNotExist();
        Fleet f = new Fleet(dir);
        String before = f.ca.certificate().getSerialNumber().toString();
        assertThatThrownBy(() -> FleetCa.create(
                        f.caDir, Fleet.PASSPHRASE.clone(), "again", Duration.ofDays(10), Clock.systemUTC()))
                .hasMessageContaining("already holds a fleet CA");
        assertThat(FleetCa.certificate(f.caDir).getSerialNumber().toString()).isEqualTo(before);
    }

    @Test
    void expiredCaIsRefused() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(40)), ZoneOffset.UTC);
        FleetCa.create(dir, Fleet.PASSPHRASE.clone(), "old", Duration.ofDays(30), past);
        assertThatThrownBy(() -> FleetCa.load(dir, Fleet.PASSPHRASE.clone(), Clock.systemUTC()))
                .hasMessageContaining("expired")
                .hasMessageContaining("ca init");
    }

    @Test
    void keyFromAnotherCaIsRefused() throws Exception {
        Fleet a = new Fleet(dir.resolve("a"));
        Fleet b = new Fleet(dir.resolve("b"));
        Files.copy(
                b.caDir.resolve(FleetCa.KEY_FILE),
                a.caDir.resolve(FleetCa.KEY_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> FleetCa.load(a.caDir, Fleet.PASSPHRASE.clone(), Clock.systemUTC()))
                .hasMessageContaining("does not belong to");
    }

    @Test
    void missingCaNamesTheCommandToRun() {
        assertThatThrownBy(() -> FleetCa.certificate(dir.resolve("nope"))).hasMessageContaining("ca init");
    }

    @Test
    void issuedCertificatesChainToTheCaCarryTheIdAndNeverOutliveIt() throws Exception {
        Fleet f = new Fleet(dir);
        KeyPair k = FleetCa.newKeyPair();
        X509Certificate c =
                f.ca.issue("dev-s-1", k.getPublic(), FleetCa.Purpose.CLIENT, List.of(), Duration.ofDays(100_000));
        c.verify(f.ca.certificate().getPublicKey());
        assertThat(c.getSubjectX500Principal().getName()).contains("CN=dev-s-1");
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(c.getNotAfter()).isBeforeOrEqualTo(f.ca.certificate().getNotAfter());
        X509Certificate server = f.ca.issue(
                "gw.example",
                k.getPublic(),
                FleetCa.Purpose.SERVER,
                List.of("gw.example", "10.0.0.5"),
                Duration.ofDays(10));
        assertThat(server.getSubjectAlternativeNames().stream()
                        .map(l -> String.valueOf(l.get(1)))
                        .toList())
                .containsExactly("gw.example", "10.0.0.5");
        // Unencrypted PKCS#8 for PemTls / Mosquitto
        assertThat(new String(FleetCa.privateKeyPem(k.getPrivate()))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void crlListsRevokedSerialsAndIsSignedByTheCa() throws Exception {
        Fleet f = new Fleet(dir);
        var crl = f.ca.crl(Map.of(BigInteger.valueOf(42), Instant.now()), Duration.ofDays(7));
        crl.verify(f.ca.certificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(BigInteger.valueOf(42))).isNotNull();
        assertThat(crl.getNextUpdate().toInstant())
                .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
    }

    @Test
    void passphraseSources() throws Exception {
        Path file = dir.resolve("p");
        Files.writeString(file, "from the file here\nsecond line ignored\n");
        assertThat(new String(Passphrase.read(file, Map.of(Passphrase.ENV, "env one"), null, false)))
                .isEqualTo("from the file here");
        assertThat(new String(Passphrase.read(null, Map.of(Passphrase.ENV, "from env"), null, false)))
                .isEqualTo("from env");
        assertThatThrownBy(() -> Passphrase.read(null, Map.of(), null, false))
                .hasMessageContaining(Passphrase.ENV)
                .hasMessageContaining("--passphrase-file");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> Passphrase.read(file, Map.of(), null, false)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Passphrase.read(dir.resolve("missing"), Map.of(), null, false))
                .hasMessageContaining("unreadable");
    }
}
