package io.vocedge.provisioning.inventory;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this CA issued, kept beside it ({@code inventory.json}): devices (with their state), gateways, and the
 * directory {@code broker config} last wrote, so enrolling a gateway or revoking a device can regenerate the
 * broker's ACL and CRL there. Immutable; changes return a new inventory.
 */
public record Inventory(
        List<EnrolledDevice> devices,
        List<EnrolledGateway> gateways,
        String brokerDir,
        List<SupersededCertificate> superseded) {
    public Inventory {
        devices = devices == null ? List.of() : List.copyOf(devices);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        superseded = superseded == null ? List.of() : List.copyOf(superseded);
    }

    public Inventory(List<EnrolledDevice> devices, List<EnrolledGateway> gateways, String brokerDir) {
        this(devices, gateways, brokerDir, List.of());
    }

    public static Inventory empty() {
        return new Inventory(List.of(), List.of(), null);
    }

    public Optional<EnrolledDevice> device(String id) {
        return devices.stream().filter(d -> d.deviceId().equals(id)).findFirst();
    }

    /** The active (not revoked) device with this name at this site, if any. */
    public Optional<EnrolledDevice> activeByName(String site, String name) {
        return devices.stream()
                .filter(d -> !d.revoked() && d.site().equals(site) && d.name().equals(name))
                .findFirst();
    }

    public boolean idTaken(String id) {
        return device(id).isPresent()
                || gateways.stream().anyMatch(g -> g.gatewayId().equals(id));
    }

    public Inventory withDevice(EnrolledDevice d) {
        List<EnrolledDevice> out = new ArrayList<>(
                devices.stream().filter(x -> !x.deviceId().equals(d.deviceId())).toList());
        out.add(d);
        return new Inventory(out, gateways, brokerDir, superseded);
    }

    public Inventory withGateway(EnrolledGateway g) {
        List<EnrolledGateway> out = new ArrayList<>(gateways.stream()
                .filter(x -> !x.gatewayId().equals(g.gatewayId()))
                .toList());
        out.add(g);
        return new Inventory(devices, out, brokerDir, superseded);
    }

    public Inventory withBrokerDir(String dir) {
        return new Inventory(devices, gateways, dir, superseded);
    }

    public List<EnrolledDevice> revokedDevices() {
        return devices.stream().filter(EnrolledDevice::revoked).toList();
    }

    /** The device's current certificate replaced by a renewed one: the old serial is remembered for the CRL. */
    public Inventory withRenewal(EnrolledDevice renewed, SupersededCertificate old) {
        List<SupersededCertificate> s = new ArrayList<>(superseded);
        s.add(old);
        return new Inventory(withDevice(renewed).devices(), gateways, brokerDir, s);
    }

    /**
     * Serial -> revocation time for a CRL written at {@code crlTime}: every revoked device's certificate and the ones it
     * had before renewals, and every superseded certificate whose grace has run out by then.
     */
    public Map<BigInteger, Instant> revokedSerials(Instant crlTime) {
        Map<BigInteger, Instant> out = new LinkedHashMap<>();
        for (EnrolledDevice d : revokedDevices()) {
            out.put(new BigInteger(d.serial(), 16), d.revokedAt() == null ? Instant.EPOCH : d.revokedAt());
        }
        for (SupersededCertificate c : superseded) {
            EnrolledDevice d = device(c.deviceId()).orElse(null);
            if (d != null && d.revoked()) {
                out.putIfAbsent(new BigInteger(c.serial(), 16), d.revokedAt() == null ? Instant.EPOCH : d.revokedAt());
            } else if (c.revokedBy(crlTime)) {
                out.putIfAbsent(new BigInteger(c.serial(), 16), c.revokeAt());
            }
        }
        return out;
    }
}
