package io.vocedge.provisioning.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Ids;
import io.vocedge.provisioning.FakeGateway;
import io.vocedge.provisioning.Fleet;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.provisioning.gatewayapi.GatewayAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceEnrollerTest {
    private static final String URL = "ssl://gw.store.example:8883";

    @TempDir
    Path dir;

    @Test
    void bundleHoldsAWorkingIdentityAndConfigWithTheKeyOwnerOnly() throws Exception {
        Fleet f = new Fleet(dir);
        EnrollResult r = f.enroll("store-berlin", "desk 1", URL);

        assertThat(Ids.isValid(r.deviceId())).isTrue();
        assertThat(r.deviceId()).startsWith("dev-store-berlin-");
        try (Stream<Path> s = Files.list(r.bundle())) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "ca.pem", "device.pem", "device.key", "device.yaml", "enrollment.json", "INSTALL.txt");
        }
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(r.bundle().resolve("device.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(r.bundle().resolve("device.pem"))))
                .isEqualTo("rw-r--r--");
        X509Certificate cert = FleetCa.readCertificate(r.bundle().resolve("device.pem"));
        cert.verify(f.ca.certificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=" + r.deviceId());
        assertThat(Pem.fingerprint(cert)).isEqualTo(r.fingerprint());
        // The bundle's files build a TLS context with the same loader the device agent uses.
        io.vocedge.protocol.PemTls.socketFactory(
                r.bundle().resolve("ca.pem"),
                r.bundle().resolve("device.pem"),
                r.bundle().resolve("device.key"));
        assertThat(f.inventory.load().device(r.deviceId())).get().satisfies(d -> {
            assertThat(d.name()).isEqualTo("desk 1");
            assertThat(d.fingerprint()).isEqualTo(r.fingerprint());
            assertThat(d.revoked()).isFalse();
        });
        // No temporary directories left over.
        try (Stream<Path> s = Files.list(dir.resolve("bundles"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(r.deviceId());
        }
    }

    @Test
    void tarHoldsTheSameFilesWithTheKeyStill0600() throws Exception {
        Fleet f = new Fleet(dir);
        var req = f.request("s1", "till", URL);
        req = new EnrollRequest(
                req.site(),
                req.name(),
                req.brokerUrl(),
                req.configDir(),
                req.dataDir(),
                req.modelDir(),
                req.nativeLibDir(),
                req.lang(),
                req.outDir(),
                true,
                req.validity());
        EnrollResult r = f.enroll(req, null);
        assertThat(r.tar()).exists();
        Process p = new ProcessBuilder("tar", "-tvf", r.tar().toString())
                .redirectErrorStream(true)
                .start();
        String listing = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(listing).isZero();
        assertThat(listing).contains(r.deviceId() + "/device.yaml").contains(r.deviceId() + "/ca.pem");
        assertThat(listing.lines()
                        .filter(l -> l.endsWith("/device.key"))
                        .findFirst()
                        .orElseThrow())
                .startsWith("-rw-------");
        Path unpacked = Files.createDirectory(dir.resolve("unpacked"));
        assertThat(new ProcessBuilder("tar", "-xpf", r.tar().toString(), "-C", unpacked.toString())
                        .start()
                        .waitFor())
                .isZero();
        assertThat(Files.readAllBytes(unpacked.resolve(r.deviceId()).resolve("device.yaml")))
                .isEqualTo(Files.readAllBytes(r.bundle().resolve("device.yaml")));
    }

    @Test
    void duplicateNameAtTheSameSiteIsRefusedLocallyButAllowedElsewhereAndAfterRevocation() throws Exception {
        Fleet f = new Fleet(dir);
        EnrollResult first = f.enroll("s1", "desk 1", URL);
        assertThatThrownBy(() -> f.enroll("s1", "desk 1", URL))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("already has a device named 'desk 1'")
                .hasMessageContaining("device revoke " + first.deviceId());
        try (Stream<Path> s = Files.list(dir.resolve("bundles"))) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThat(f.enroll("s2", "desk 1", URL).deviceId()).isNotEqualTo(first.deviceId());
        new DeviceRevoker(f.ca, f.inventory, null, Clock.systemUTC())
                .revoke(first.deviceId(), null, Duration.ofDays(1));
        assertThat(f.enroll("s1", "desk 1", URL).deviceId()).isNotEqualTo(first.deviceId());
    }

    @Test
    void registersWithTheGatewayAndAGateway409LeavesNothingBehind() throws Exception {
        Fleet f = new Fleet(dir);
        try (FakeGateway gw = new FakeGateway()) {
            GatewayAdmin admin = new GatewayAdmin(gw.url(), gw.token);
            EnrollResult r = f.enroll(f.request("s1", "desk 1", URL), admin);
            assertThat(r.registeredWithGateway()).isTrue();
            assertThat(gw.devices).singleElement().satisfies(d -> {
                assertThat(d.get("device_id")).isEqualTo(r.deviceId());
                assertThat(d.get("cert_fingerprint")).isEqualTo(r.fingerprint());
                assertThat(d.get("name")).isEqualTo("desk 1");
            });
            // Another CA copy (a second laptop) does not know 'desk 2' exists; the gateway does.
            gw.devices.add(new java.util.HashMap<>(
                    java.util.Map.of("device_id", "dev-other", "site", "s1", "name", "desk 2")));
            assertThatThrownBy(() -> f.enroll(f.request("s1", "desk 2", URL), admin))
                    .isInstanceOf(GatewayAdmin.DuplicateException.class)
                    .hasMessageContaining("desk 2")
                    .hasMessageContaining("nothing was written");
            try (Stream<Path> s = Files.list(dir.resolve("bundles"))) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly(r.deviceId());
            }
            assertThat(f.inventory.load().devices()).hasSize(1);

            assertThatThrownBy(() -> f.enroll(
                            f.request("s1", "desk 3", URL), new GatewayAdmin(gw.url(), "wrong-token-xxxxxxxx")))
                    .hasMessageContaining("refused the admin token");
        }
    }

    @Test
    void unreachableGatewayFailsBeforeAnythingIsWritten() throws Exception {
        Fleet f = new Fleet(dir);
        int closedPort = io.vocedge.testsupport.FreePorts.next();
        assertThatThrownBy(() -> f.enroll(
                        f.request("s1", "desk 1", URL), new GatewayAdmin("http://127.0.0.1:" + closedPort, "t")))
                .hasMessageContaining("cannot reach the gateway");
        assertThat(f.inventory.load().devices()).isEmpty();
        try (Stream<Path> s = Files.list(dir.resolve("bundles"))) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void unwritableOrInvalidTargetsAreRefused() throws Exception {
        Fleet f = new Fleet(dir);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        var base = f.request("s1", "desk 1", URL);
        EnrollRequest intoFile = new EnrollRequest(
                "s1",
                "desk 1",
                URL,
                "/etc/voc",
                "/var/lib/voc",
                "/opt/voc/model",
                "/opt/voc/lib",
                "en",
                file,
                false,
                Duration.ofDays(1));
        assertThatThrownBy(() -> f.enroll(intoFile, null)).hasMessageContaining("is a file, not a directory");
        EnrollRequest underFile = new EnrollRequest(
                "s1",
                "desk 1",
                URL,
                "/etc/voc",
                "/var/lib/voc",
                "/opt/voc/model",
                "/opt/voc/lib",
                "en",
                file.resolve("sub"),
                false,
                Duration.ofDays(1));
        assertThatThrownBy(() -> f.enroll(underFile, null)).hasMessageContaining("is not a directory");
        assertThat(f.inventory.load().devices()).isEmpty();
        assertThat(base.outDir()).doesNotExist();
    }

    @Test
    void badInputNamesTheOptionAndTheFix() {
        Fleet f = new Fleet(dir);
        assertThatThrownBy(() -> f.enroll("Store Berlin", "desk", URL)).hasMessageContaining("--site 'Store Berlin'");
        assertThatThrownBy(() -> f.enroll("s1", "desk\n1", URL)).hasMessageContaining("--name");
        assertThatThrownBy(() -> f.enroll("s1", "desk", "tcp://gw:1883")).hasMessageContaining("ssl://HOST:PORT");
        assertThatThrownBy(() -> f.enroll("s1", "desk", "ssl://gw:99999")).hasMessageContaining("outside 1-65535");
        assertThatThrownBy(() -> new DeviceSettings("dev-1", "s", "n", URL, "etc/voc", "/d", "/m", "/l", "en"))
                .hasMessageContaining("--config-dir");
    }

    @Test
    void deviceIdsFitTheProtocolEvenForLongSites() {
        String site = "s".repeat(64);
        String id = DeviceIds.newId(site, x -> false);
        assertThat(Ids.isValid(id)).isTrue();
        assertThat(id).hasSizeLessThanOrEqualTo(64);
        List<String> many = Stream.generate(() -> DeviceIds.newId("s1", x -> false))
                .limit(50)
                .toList();
        assertThat(many).doesNotHaveDuplicates();
    }
}
