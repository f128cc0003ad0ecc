package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.ProvisionException;
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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code device enroll | revoke | list}. */
@Command(name = "device", description = "Enroll, revoke and list devices.", mixinStandardHelpOptions = true,
        subcommands = {DeviceCommand.Enroll.class, DeviceCommand.Revoke.class, DeviceCommand.ListDevices.class})
public final class DeviceCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: enroll, revoke or list");
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "New device: id, key, certificate, device.yaml, written to OUT/<device-id>/ (and .tar).")
    static final class Enroll implements Callable<Integer> {
        @Mixin
        CaOptions ca;

        @Mixin
        GatewayOptions gateway;

        @Option(names = "--site", required = true, description = "site id, e.g. store-berlin") String site;
        @Option(names = "--name", required = true, description = "device name, unique at the site, e.g. 'desk 1'") String name;
        @Option(names = "--broker-url", required = true, paramLabel = "URL", description = "ssl://HOST:PORT the device connects to")
        String brokerUrl;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where bundles are written") Path out;
        @Option(names = "--tar", description = "also write OUT/<device-id>.tar") boolean tar;
        @Option(names = "--days", defaultValue = "1825", description = "certificate validity (default: ${DEFAULT-VALUE})") int days;
        @Option(names = "--config-dir", defaultValue = "/etc/voc", description = "on the device (default: ${DEFAULT-VALUE})") String configDir;
        @Option(names = "--data-dir", defaultValue = "/var/lib/voc", description = "on the device (default: ${DEFAULT-VALUE})") String dataDir;
        @Option(names = "--model-dir", defaultValue = "/opt/voc/model", description = "on the device (default: ${DEFAULT-VALUE})") String modelDir;
        @Option(names = "--native-lib-dir", defaultValue = "/opt/voc/lib", description = "on the device (default: ${DEFAULT-VALUE})") String nativeLibDir;
        @Option(names = "--lang", defaultValue = "en", description = "transcript language, en or zh (default: ${DEFAULT-VALUE})") String lang;
        @Option(names = "--mic", defaultValue = "usb-mic", description = "microphone: usb-mic, respeaker-usb-4mic, respeaker-2mic-hat, "
                + "respeaker-4mic-hat or bt-headset (default: ${DEFAULT-VALUE}); sets the config's audio section") String mic;
        @Option(names = "--mic-device", paramLabel = "NAME", description = "capture device name substring, if not the preset's "
                + "('voc-device audio list' on the device shows names)") String micDevice;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EnrollRequest req;
            try {
                req = new EnrollRequest(site, name, brokerUrl, configDir, dataDir, modelDir, nativeLibDir, lang, out,
                        tar, Duration.ofDays(days), io.vocedge.provisioning.enroll.MicPreset.parse(mic), micDevice);
                req.validate();
            } catch (IllegalArgumentException | ProvisionException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            var admin = gateway.client();
            Clock clock = Clock.systemUTC();
            EnrollResult r = new DeviceEnroller(ca.open(clock), new InventoryStore(ca.dir), admin, clock).enroll(req);
            PrintWriter o = spec.commandLine().getOut();
            o.println("enrolled " + r.deviceId() + " ('" + r.name() + "' at " + r.site() + ")");
            o.println("  bundle:      " + r.bundle() + (r.tar() != null ? "  and " + r.tar() : ""));
            o.println("  certificate: sha256 " + r.fingerprint() + ", valid until " + r.notAfter());
            o.println("  gateway:     " + (r.registeredWithGateway() ? "registered" : "NOT registered (no --gateway given)"));
            o.println("  next:        copy the bundle to the Pi and follow " + r.bundle().resolve("INSTALL.txt"));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a device: inventory, broker CRL and ACL, gateway registry.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DEVICE_ID") String deviceId;
        @Mixin
        CaOptions ca;

        @Mixin
        GatewayOptions gateway;

        @Option(names = "--broker-dir", paramLabel = "DIR",
                description = "broker config directory to update (default: the one 'broker config' last wrote)")
        Path brokerDir;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var admin = gateway.client();
            Clock clock = Clock.systemUTC();
            var done = new DeviceRevoker(ca.open(clock), new InventoryStore(ca.dir), admin, clock)
                    .revoke(deviceId, brokerDir, BrokerConfigGenerator.DEFAULT_CRL_VALIDITY);
            PrintWriter o = spec.commandLine().getOut();
            o.println("revoked " + deviceId + ":");
            done.forEach(l -> o.println("  - " + l));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Devices in the CA's inventory (no passphrase needed).")
    static final class ListDevices implements Callable<Integer> {
        @Option(names = "--ca", required = true, paramLabel = "DIR") Path caDir;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            io.vocedge.provisioning.ca.FleetCa.certificate(caDir);
            var inv = new InventoryStore(caDir).load();
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%-30s %-20s %-20s %-10s %s%n", "DEVICE", "SITE", "NAME", "STATE", "CERT UNTIL");
            for (EnrolledDevice d : inv.devices()) {
                o.printf("%-30s %-20s %-20s %-10s %s%n", d.deviceId(), d.site(), d.name(), d.state(), d.notAfter());
            }
            return 0;
        }
    }
}
