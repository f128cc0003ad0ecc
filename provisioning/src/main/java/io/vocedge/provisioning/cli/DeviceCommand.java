package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.broker.BrokerConfigGenerator;
import io.vocedge.provisioning.enroll.DeviceEnroller;
import io.vocedge.provisioning.enroll.DeviceRevoker;
import io.vocedge.provisioning.enroll.EnrollRequest;
import io.vocedge.provisioning.enroll.EnrollResult;
import io.vocedge.provisioning.inventory.EnrolledDevice;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code device enroll | renew | revoke | list}. */
@Command(
        name = "device",
        description = "Enroll, renew, revoke and list devices.",
        subcommands = {
            DeviceCommand.Enroll.class,
            DeviceCommand.Renew.class,
            DeviceCommand.Revoke.class,
            DeviceCommand.ListDevices.class
        })
public final class DeviceCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a subcommand: enroll, renew, revoke or list");
    }

    @Command(
            name = "enroll",
            description = "New device: id, key, certificate, device.yaml, written to OUT/<device-id>/ (and .tar).")
    static final class Enroll implements Callable<Integer> {
        @Mixin
        CaOptions ca;

        @Mixin
        GatewayOptions gateway;

        @Option(names = "--site", required = true, description = "site id, e.g. store-berlin")
        String site;

        @Option(names = "--name", required = true, description = "device name, unique at the site, e.g. 'desk 1'")
        String name;

        @Option(
                names = "--broker-url",
                required = true,
                paramLabel = "URL",
                description = "ssl://HOST:PORT the device connects to")
        String brokerUrl;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where bundles are written")
        Path out;

        @Option(names = "--tar", description = "also write OUT/<device-id>.tar")
        boolean tar;

        @Option(
                names = "--days",
                defaultValue = "1825",
                description = "certificate validity (default: ${DEFAULT-VALUE})")
        int days;

        @Option(
                names = "--config-dir",
                defaultValue = "/etc/voc",
                description = "on the device (default: ${DEFAULT-VALUE})")
        String configDir;

        @Option(
                names = "--data-dir",
                defaultValue = "/var/lib/voc",
                description = "on the device (default: ${DEFAULT-VALUE})")
        String dataDir;

        @Option(
                names = "--model-dir",
                defaultValue = "/opt/voc/model",
                description = "on the device (default: ${DEFAULT-VALUE})")
        String modelDir;

        @Option(
                names = "--native-lib-dir",
                defaultValue = "/opt/voc/lib",
                description = "on the device (default: ${DEFAULT-VALUE})")
        String nativeLibDir;

        @Option(
                names = "--lang",
                defaultValue = "en",
                description = "transcript language, en or zh (default: ${DEFAULT-VALUE})")
        String lang;

        @Option(
                names = "--mic",
                defaultValue = "usb-mic",
                description =
                        "microphone: usb-mic, respeaker-usb-4mic, respeaker-2mic-hat, "
                                + "respeaker-4mic-hat or bt-headset (default: ${DEFAULT-VALUE}); sets the config's audio section")
        String mic;

        @Option(
                names = "--broker-admin",
                paramLabel = "URL",
                description = "ssl://HOST:PORT of the running Mosquitto: apply the "
                        + "rule change now through its dynamic-security plugin (no restart); the admin certificate is made for this "
                        + "command and never stored")
        String brokerAdmin;

        @Option(
                names = "--mic-device",
                paramLabel = "NAME",
                description = "capture device name substring, if not the preset's "
                        + "('voc-device audio list' on the device shows names)")
        String micDevice;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EnrollRequest req;
            try {
                req = new EnrollRequest(
                        site,
                        name,
                        brokerUrl,
                        configDir,
                        dataDir,
                        modelDir,
                        nativeLibDir,
                        lang,
                        out,
                        tar,
                        Duration.ofDays(days),
                        io.vocedge.provisioning.enroll.MicPreset.parse(mic),
                        micDevice);
                req.validate();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            var admin = gateway.client(ca.dir.resolve("ca.pem"));
            Clock clock = Clock.systemUTC();
            var fleetCa = ca.open(clock);
            EnrollResult r = new DeviceEnroller(fleetCa, new InventoryStore(ca.dir), admin, clock).enroll(req);
            PrintWriter o = spec.commandLine().getOut();
            o.println("enrolled " + r.deviceId() + " ('" + r.name() + "' at " + r.site() + ")");
            o.println("  bundle:      " + r.bundle() + (r.tar() != null ? "  and " + r.tar() : ""));
            o.println("  certificate: sha256 " + r.fingerprint() + ", valid until " + r.notAfter());
            o.println("  gateway:     "
                    + (r.registeredWithGateway() ? "registered" : "NOT registered (no --gateway given)"));
            if (brokerAdmin != null) {
                o.println("  live broker: " + live(fleetCa, brokerAdmin, l -> l.admitDevice(r.site(), r.deviceId()))
                        + " (the running broker admits it now)");
            }
            o.println("  broker:      "
                    + (r.brokerDir() != null
                            ? "rules updated in " + r.brokerDir() + ": copy "
                                    + io.vocedge.provisioning.broker.BrokerConfigGenerator.RULES + " to the broker host"
                                    + (brokerAdmin != null
                                            ? " (kept for its next start)"
                                            : " and restart mosquitto (it admits only devices named "
                                                    + "there), or use --broker-admin next time")
                            : "no broker directory known: run 'broker config' so the broker admits this device"));
            o.println("  next:        copy the bundle to the Pi and follow "
                    + r.bundle().resolve("INSTALL.txt"));
            return 0;
        }
    }

    @Command(
            name = "renew",
            description = {
                "New certificate for an enrolled device (same id, site and broker rules), written over device.pem (and device.key)",
                "in its bundle or configuration directory; the running agent reconnects with it. The old certificate is revoked",
                "in the CRL written after the grace (then: 'crl refresh' and reload the broker)."
            })
    static final class Renew implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DEVICE_ID")
        String deviceId;

        @Mixin
        CaOptions ca;

        @Option(
                names = "--bundle",
                required = true,
                paramLabel = "DIR",
                description =
                        "the device's directory holding device.pem and device.key (enroll's OUT/<id>/, or /etc/voc on the device)")
        Path bundle;

        @Option(names = "--keep-key", description = "certify the device's current key instead of writing a new one")
        boolean keepKey;

        @Option(
                names = "--days",
                defaultValue = "1825",
                description = "validity of the new certificate (default: ${DEFAULT-VALUE})")
        int days;

        @Option(
                names = "--revoke-old-after",
                paramLabel = "DAYS",
                description = "days until the old certificate is revoked (default: 7; 0: in the CRL written now)")
        Integer revokeAfter;

        @Option(
                names = "--keep-old",
                description = "never revoke the old certificate (it stays valid until it expires)")
        boolean keepOld;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 3650) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--days " + days + " must be 1-3650");
            }
            if (keepOld && revokeAfter != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--keep-old and --revoke-old-after exclude each other");
            }
            if (revokeAfter != null && (revokeAfter < 0 || revokeAfter > 365)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--revoke-old-after " + revokeAfter + " must be 0-365");
            }
            Duration grace = keepOld ? null : Duration.ofDays(revokeAfter == null ? 7 : revokeAfter);
            Clock clock = Clock.systemUTC();
            var r = new io.vocedge.provisioning.enroll.DeviceRenewer(ca.open(clock), new InventoryStore(ca.dir), clock)
                    .renew(deviceId, bundle, keepKey, Duration.ofDays(days), grace);
            PrintWriter o = spec.commandLine().getOut();
            o.println("renewed " + r.deviceId() + ": certificate " + r.newSerial()
                    + (r.newKey() ? " with a new key" : " for its key") + ", sha256 " + r.fingerprint()
                    + ", valid until " + r.notAfter());
            o.println("  written:     " + r.bundle().resolve("device.pem") + (r.newKey() ? " and device.key" : "")
                    + " (a running agent reconnects with them within seconds)");
            o.println("  old cert:    " + r.oldSerial()
                    + (r.revokeOldAt() == null
                            ? " stays valid until it expires (--keep-old)"
                            : r.revokeOldAt().isAfter(clock.instant().plusSeconds(1))
                                    ? " is revoked by the CRL written after " + r.revokeOldAt()
                                            + ": then run 'crl refresh' and reload the broker"
                                    : " revoked in the new CRL"));
            o.println("  broker:      "
                    + (r.brokerDir() != null
                            ? "CRL and rules rewritten in " + r.brokerDir()
                                    + ": copy crl.pem to the broker and reload it (systemctl reload mosquitto)"
                            : "no broker directory known (run 'broker config')"));
            if (!r.bundle().toAbsolutePath().startsWith("/etc")) {
                o.println("  next:        copy device.pem" + (r.newKey() ? " and device.key" : "")
                        + " to the device's configuration directory (modes as in INSTALL.txt)");
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a device: inventory, broker CRL and rules, gateway registry.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DEVICE_ID")
        String deviceId;

        @Mixin
        CaOptions ca;

        @Mixin
        GatewayOptions gateway;

        @Option(
                names = "--broker-dir",
                paramLabel = "DIR",
                description = "broker config directory to update (default: the one 'broker config' last wrote)")
        Path brokerDir;

        @Option(
                names = "--broker-admin",
                paramLabel = "URL",
                description = "ssl://HOST:PORT of the running Mosquitto: apply the "
                        + "rule change now through its dynamic-security plugin (no restart); the admin certificate is made for this "
                        + "command and never stored")
        String brokerAdmin;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var admin = gateway.client(ca.dir.resolve("ca.pem"));
            Clock clock = Clock.systemUTC();
            var fleetCa = ca.open(clock);
            var done = new DeviceRevoker(fleetCa, new InventoryStore(ca.dir), admin, clock)
                    .revoke(deviceId, brokerDir, BrokerConfigGenerator.DEFAULT_CRL_VALIDITY);
            PrintWriter o = spec.commandLine().getOut();
            o.println("revoked " + deviceId + ":");
            done.forEach(l -> o.println("  - " + l));
            if (brokerAdmin != null) {
                o.println(
                        "  - live broker: " + live(fleetCa, brokerAdmin, l -> l.removeDevice(deviceId))
                                + " (its open connections are closed; the CRL still needs 'systemctl reload mosquitto' on the broker host)");
            }
            return 0;
        }
    }

    /** Applies one rule change to the running broker; the files were already written, so a failure says how to finish. */
    static String live(
            io.vocedge.provisioning.ca.FleetCa ca,
            String url,
            java.util.function.Function<io.vocedge.provisioning.broker.LiveRules, java.util.List<String>> change) {
        try (var l = io.vocedge.provisioning.broker.LiveRules.connect(ca, url, Duration.ofSeconds(10))) {
            return String.join("; ", change.apply(l));
        } catch (io.vocedge.provisioning.ProvisionException e) {
            throw new io.vocedge.provisioning.ProvisionException(
                    e.getMessage() + " (the inventory and the broker directory are "
                            + "updated already: copy dynamic-security.json to the broker host and restart mosquitto)",
                    e);
        }
    }

    @Command(name = "list", description = "Devices in the CA's inventory (no passphrase needed).")
    static final class ListDevices implements Callable<Integer> {
        @Option(names = "--ca", required = true, paramLabel = "DIR")
        Path caDir;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            io.vocedge.provisioning.ca.FleetCa.certificate(caDir);
            var inv = new InventoryStore(caDir).load();
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%-30s %-20s %-20s %-10s %s%n", "DEVICE", "SITE", "NAME", "STATE", "CERT UNTIL");
            for (EnrolledDevice d : inv.devices()) {
                o.printf(
                        Locale.ROOT,
                        "%-30s %-20s %-20s %-10s %s%n",
                        d.deviceId(),
                        d.site(),
                        d.name(),
                        d.state(),
                        d.notAfter());
            }
            return 0;
        }
    }
}
