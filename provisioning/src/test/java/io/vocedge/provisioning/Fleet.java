package io.vocedge.provisioning;

import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.enroll.DeviceEnroller;
import io.vocedge.provisioning.enroll.EnrollRequest;
import io.vocedge.provisioning.enroll.EnrollResult;
import io.vocedge.provisioning.gatewayapi.GatewayAdmin;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Test fixture: a fleet CA in a temporary directory and helpers to enroll devices into it. */
public final class Fleet {
    public static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    public final Path root;
    public final Path caDir;
    public final FleetCa ca;
    public final InventoryStore inventory;
    public final Clock clock = Clock.systemUTC();

    public Fleet(Path root) {
        this.root = root;
        this.caDir = root.resolve("ca");
        this.ca = FleetCa.create(caDir, PASSPHRASE.clone(), "test", Duration.ofDays(3650), clock);
        this.inventory = new InventoryStore(caDir);
    }

    public Path passphraseFile() throws Exception {
        Path p = root.resolve("passphrase");
        if (!Files.exists(p)) {
            Files.writeString(p, new String(PASSPHRASE) + "\n", StandardCharsets.UTF_8);
        }
        return p;
    }

    public EnrollRequest request(String site, String name, String brokerUrl) {
        return new EnrollRequest(
                site,
                name,
                brokerUrl,
                "/etc/voc",
                "/var/lib/voc",
                "/opt/voc/model",
                "/opt/voc/lib",
                "en",
                root.resolve("bundles"),
                false,
                Duration.ofDays(365));
    }

    public EnrollResult enroll(String site, String name, String brokerUrl) throws Exception {
        return enroll(request(site, name, brokerUrl), null);
    }

    public EnrollResult enroll(EnrollRequest req, GatewayAdmin gateway) throws Exception {
        return new DeviceEnroller(ca, inventory, gateway, clock).enroll(req);
    }
}
