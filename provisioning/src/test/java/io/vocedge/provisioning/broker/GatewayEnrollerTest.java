package io.vocedge.provisioning.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.protocol.PemTls;
import io.vocedge.provisioning.Fleet;
import io.vocedge.provisioning.ca.FleetCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayEnrollerTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path dir;

    @Test
    void httpHostsGiveAServerCertificateWithTheirNamesAndItsOwnKey() throws Exception {
        Fleet fleet = new Fleet(dir);
        Path out = dir.resolve("gw-1");
        new GatewayEnroller(fleet.ca, fleet.inventory, fleet.clock)
                .enroll("gw-1", out, Duration.ofDays(30), List.of("gw.store.example", "127.0.0.1", "localhost"));

        X509Certificate http = FleetCa.readCertificate(out.resolve("http.pem"));
        assertThat(http.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        List<String> sans = http.getSubjectAlternativeNames().stream()
                .map(n -> n.get(0) + ":" + n.get(1))
                .toList();
        // 2 = dNSName, 7 = iPAddress: an IP literal must be an IP SAN, or clients connecting by address refuse it.
        assertThat(sans).containsExactlyInAnyOrder("2:gw.store.example", "7:127.0.0.1", "2:localhost");
        http.verify(fleet.ca.certificate().getPublicKey());
        assertThat(Files.getPosixFilePermissions(out.resolve("http.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // The broker identity is unchanged: client only, and a different key from the HTTPS one.
        X509Certificate broker = FleetCa.readCertificate(out.resolve("gateway.pem"));
        assertThat(broker.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(broker.getPublicKey()).isNotEqualTo(http.getPublicKey());

        // http.key belongs to http.pem: what it signs, the certificate's key verifies (read as the gateway reads it).
        KeyStore ks = PemTls.keyStore(out.resolve("http.pem"), out.resolve("http.key"), "k", new char[0]);
        Signature sign = Signature.getInstance("SHA256withECDSA");
        sign.initSign((PrivateKey) ks.getKey("k", new char[0]));
        sign.update(new byte[] {1, 2, 3});
        byte[] sig = sign.sign();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(http.getPublicKey());
        verify.update(new byte[] {1, 2, 3});
        assertThat(verify.verify(sig)).isTrue();
    }

    @Test
    void withoutHttpHostsNoServerCertificateIsWritten() throws Exception {
        Fleet fleet = new Fleet(dir);
        Path out = dir.resolve("gw-2");
        new GatewayEnroller(fleet.ca, fleet.inventory, fleet.clock).enroll("gw-2", out, Duration.ofDays(30));
        assertThat(out.resolve("gateway.pem")).exists();
        assertThat(out.resolve("http.pem")).doesNotExist();
    }

    @Test
    void aBadHostIsRefusedBeforeAnythingIsWritten() {
        Fleet fleet = new Fleet(dir);
        Path out = dir.resolve("gw-3");
        assertThatThrownBy(() -> new GatewayEnroller(fleet.ca, fleet.inventory, fleet.clock)
                        .enroll("gw-3", out, Duration.ofDays(30), List.of("gw store")))
                .isInstanceOf(io.vocedge.common.cli.BadInputException.class)
                .hasMessageContaining("--http-host 'gw store' is not a host name or IP address");
        assertThat(out).doesNotExist();
    }
}
