package io.vocedge.provisioning.enroll;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Ids;
import io.vocedge.provisioning.broker.BrokerConfigGenerator;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.gatewayapi.GatewayAdmin;
import io.vocedge.provisioning.inventory.EnrolledDevice;
import io.vocedge.provisioning.inventory.Inventory;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * {@code device revoke}: marks the device revoked in the CA inventory, regenerates the broker's CRL and rules (in the
 * directory {@code broker config} wrote, or {@code --broker-dir}), then tells the gateway. The local part needs no
 * network and comes first; running the command again finishes a revocation the gateway did not confirm.
 */
public final class DeviceRevoker {
    private final FleetCa ca;
    private final InventoryStore inventory;
    private final GatewayAdmin gateway;
    private final Clock clock;

    public DeviceRevoker(FleetCa ca, InventoryStore inventory, GatewayAdmin gateway, Clock clock) {
        this.ca = ca;
        this.inventory = inventory;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** @return what was done, one line each */
    public List<String> revoke(String deviceId, Path brokerDirOverride, Duration crlValidity) throws Exception {
        if (!Ids.isValid(deviceId)) {
            throw new BadInputException(
                    "'" + deviceId + "' is not a device id: see 'device list --ca DIR' for the ids");
        }
        List<String> done = new ArrayList<>();
        try (AutoCloseable lock = inventory.lock()) {
            Inventory inv = inventory.load();
            EnrolledDevice d = inv.device(deviceId)
                    .orElseThrow(() -> new BadInputException("device " + deviceId
                            + " is not in this CA's inventory (" + ca.dir()
                            + "): check the id with 'device list', or use the CA "
                            + "that enrolled it"));
            if (d.revoked()) {
                done.add("already revoked locally at " + d.revokedAt());
            } else {
                inv = inv.withDevice(d.revoke(clock.instant()));
                inventory.save(inv);
                done.add("revoked in the inventory");
            }
            Path brokerDir = brokerDirOverride != null
                    ? brokerDirOverride
                    : inv.brokerDir() == null ? null : Path.of(inv.brokerDir());
            if (brokerDir != null) {
                if (!Files.isDirectory(brokerDir)) {
                    throw new BadInputException(
                            "broker directory " + brokerDir + " does not exist: give --broker-dir, or run "
                                    + "'broker config' again; the device is revoked in the inventory already");
                }
                new BrokerConfigGenerator(ca, clock).writeRules(inv, brokerDir, crlValidity);
                done.add("broker CRL and rules regenerated in " + brokerDir + ": copy crl.pem and "
                        + BrokerConfigGenerator.RULES
                        + " to the broker and restart it (systemctl restart mosquitto: ends the device's open session; a "
                        + "reload re-reads only the CRL)");
            } else {
                done.add(
                        "no broker directory known: run 'broker config' (or pass --broker-dir) so the broker refuses it");
            }
        }
        if (gateway != null) {
            boolean known = gateway.revoke(deviceId);
            done.add(
                    known
                            ? "revoked at the gateway " + gateway.base() + " (its records are now refused)"
                            : "the gateway " + gateway.base() + " does not know " + deviceId
                                    + " (never registered there)");
        } else {
            done.add("gateway not told (no --gateway): run again with --gateway URL --gateway-token-file F");
        }
        Logger.info("event=device_revoked device={} gateway={}", deviceId, gateway != null);
        return done;
    }
}
