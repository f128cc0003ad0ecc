package io.vocedge.provisioning.broker;

import io.vocedge.protocol.Ids;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.provisioning.fs.SafeFiles;
import io.vocedge.provisioning.inventory.EnrolledGateway;
import io.vocedge.provisioning.inventory.Inventory;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.tinylog.Logger;

/**
 * {@code gateway enroll}: a client certificate for a gateway (CN = gateway id = its broker user name), written as
 * {@code gateway.pem}, {@code gateway.key} (0600) and {@code ca.pem} for the gateway's {@code broker:} config section.
 * The gateway's ACL entry is added to the broker directory {@code broker config} wrote, if any.
 */
public final class GatewayEnroller {
    private final FleetCa ca;
    private final InventoryStore inventory;
    private final Clock clock;

    public GatewayEnroller(FleetCa ca, InventoryStore inventory, Clock clock) {
        this.ca = ca;
        this.inventory = inventory;
        this.clock = clock;
    }

    public EnrolledGateway enroll(String gatewayId, Path out, Duration validity) throws Exception {
        requireGatewayId(gatewayId);
        try (AutoCloseable lock = inventory.lock()) {
            Inventory inv = inventory.load();
            if (inv.device(gatewayId).isPresent()) {
                throw new ProvisionException("'" + gatewayId + "' is a device id: choose another gateway id");
            }
            if (Files.exists(out.resolve("gateway.key"))) {
                throw new ProvisionException(out.resolve("gateway.key") + " exists: choose an empty --out directory "
                        + "(a gateway's key is never overwritten)");
            }
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new ProvisionException("cannot create --out " + out + ": " + SafeFiles.describe(e), e);
            }
            KeyPair keys = FleetCa.newKeyPair();
            X509Certificate cert = ca.issue(gatewayId, keys.getPublic(), FleetCa.Purpose.CLIENT, java.util.List.of(), validity);
            SafeFiles.writePublic(out.resolve("ca.pem"), Pem.encode(ca.certificate()));
            SafeFiles.writePublic(out.resolve("gateway.pem"), Pem.encode(cert));
            SafeFiles.writePrivate(out.resolve("gateway.key"), FleetCa.privateKeyPem(keys.getPrivate()));
            EnrolledGateway g = new EnrolledGateway(gatewayId, cert.getSerialNumber().toString(16), Pem.fingerprint(cert),
                    clock.instant(), cert.getNotAfter().toInstant());
            inv = inv.withGateway(g);
            inventory.save(inv);
            if (inv.brokerDir() != null && Files.isDirectory(Path.of(inv.brokerDir()))) {
                new BrokerConfigGenerator(ca, clock).writeRules(inv, Path.of(inv.brokerDir()), BrokerConfigGenerator.DEFAULT_CRL_VALIDITY);
            }
            Logger.info("event=gateway_enrolled gateway={} fingerprint={}", gatewayId, g.fingerprint());
            return g;
        }
    }

    public static void requireGatewayId(String id) {
        if (!Ids.isValid(id) || id.startsWith("dev-")) {
            throw new ProvisionException("--id '" + id + "' is not a gateway id: use the gateway's gateway_id (1-64 characters of "
                    + "a-z, 0-9, '-' or '_', not starting with 'dev-', which is kept for devices)");
        }
    }
}
