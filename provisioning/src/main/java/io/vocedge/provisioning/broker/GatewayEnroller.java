package io.vocedge.provisioning.broker;

import io.vocedge.common.cli.BadInputException;
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
 * The gateway's broker rules are added to the broker directory {@code broker config} wrote, if any.
 *
 * <p>With HTTP host names ({@code --http-host}) it also issues the gateway's HTTPS server certificate,
 * {@code http.pem} and {@code http.key} (0600): serverAuth only, the names and addresses clients use as subject
 * alternative names, for the {@code http.tls} section. A separate key from the broker identity: the HTTPS key sits
 * on a listener any shop client can reach, the broker key only talks to the broker.
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
        return enroll(gatewayId, out, validity, java.util.List.of());
    }

    /** @param httpHosts names and IP addresses clients use for the gateway's HTTPS API; empty = no server certificate */
    public EnrolledGateway enroll(String gatewayId, Path out, Duration validity, java.util.List<String> httpHosts)
            throws Exception {
        requireGatewayId(gatewayId);
        requireHosts(httpHosts);
        try (AutoCloseable lock = inventory.lock()) {
            Inventory inv = inventory.load();
            if (inv.device(gatewayId).isPresent()) {
                throw new BadInputException("'" + gatewayId + "' is a device id: choose another gateway id");
            }
            if (Files.exists(out.resolve("gateway.key"))) {
                throw new BadInputException(out.resolve("gateway.key") + " exists: choose an empty --out directory "
                        + "(a gateway's key is never overwritten)");
            }
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new ProvisionException("cannot create --out " + out + ": " + SafeFiles.describe(e), e);
            }
            KeyPair keys = FleetCa.newKeyPair();
            X509Certificate cert =
                    ca.issue(gatewayId, keys.getPublic(), FleetCa.Purpose.CLIENT, java.util.List.of(), validity);
            SafeFiles.writePublic(out.resolve("ca.pem"), Pem.encode(ca.certificate()));
            SafeFiles.writePublic(out.resolve("gateway.pem"), Pem.encode(cert));
            SafeFiles.writePrivate(out.resolve("gateway.key"), FleetCa.privateKeyPem(keys.getPrivate()));
            if (!httpHosts.isEmpty()) {
                KeyPair httpKeys = FleetCa.newKeyPair();
                X509Certificate server =
                        ca.issue(httpHosts.get(0), httpKeys.getPublic(), FleetCa.Purpose.SERVER, httpHosts, validity);
                SafeFiles.writePublic(out.resolve("http.pem"), Pem.encode(server));
                SafeFiles.writePrivate(out.resolve("http.key"), FleetCa.privateKeyPem(httpKeys.getPrivate()));
                Logger.info(
                        "event=gateway_http_certificate gateway={} hosts={}", gatewayId, String.join(",", httpHosts));
            }
            EnrolledGateway g = new EnrolledGateway(
                    gatewayId,
                    cert.getSerialNumber().toString(16),
                    Pem.fingerprint(cert),
                    clock.instant(),
                    cert.getNotAfter().toInstant());
            inv = inv.withGateway(g);
            inventory.save(inv);
            if (inv.brokerDir() != null && Files.isDirectory(Path.of(inv.brokerDir()))) {
                new BrokerConfigGenerator(ca, clock)
                        .writeRules(inv, Path.of(inv.brokerDir()), BrokerConfigGenerator.DEFAULT_CRL_VALIDITY);
            }
            Logger.info("event=gateway_enrolled gateway={} fingerprint={}", gatewayId, g.fingerprint());
            return g;
        }
    }

    /** Host names and IP literals for a server certificate's subject alternative names. */
    public static void requireHosts(java.util.List<String> hosts) {
        for (String h : hosts) {
            if (h == null || !h.matches("[A-Za-z0-9.:-]{1,253}") || h.startsWith("-") || h.startsWith(".")) {
                throw new BadInputException(
                        "--http-host '" + h + "' is not a host name or IP address: give the name or "
                                + "address clients use to reach the gateway's HTTP API, e.g. --http-host gw.store.example "
                                + "--http-host 192.0.2.10");
            }
        }
    }

    public static void requireGatewayId(String id) {
        if (!Ids.isValid(id) || id.startsWith("dev-")) {
            throw new BadInputException(
                    "--id '" + id + "' is not a gateway id: use the gateway's gateway_id (1-64 characters of "
                            + "a-z, 0-9, '-' or '_', not starting with 'dev-', which is kept for devices)");
        }
    }
}
