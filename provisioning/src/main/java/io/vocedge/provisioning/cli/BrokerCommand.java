package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.broker.BrokerConfigGenerator;
import io.vocedge.provisioning.broker.BrokerOptions;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code broker config}: Mosquitto TLS listener, rules (dynamic-security plugin) and CRL for the fleet. */
@Command(
        name = "broker",
        description = "Broker (Mosquitto) configuration.",
        subcommands = {BrokerCommand.Config.class})
public final class BrokerCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: config");
    }

    @Command(
            name = "config",
            description =
                    "Write mosquitto.conf, dynamic-security.json, crl.pem, ca.pem, broker.pem and broker.key (0600) to OUT.")
    static final class Config implements Callable<Integer> {
        @Mixin
        CaOptions ca;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(
                names = "--host",
                required = true,
                paramLabel = "NAME",
                description =
                        "broker name or address devices connect to (repeatable); goes into the broker certificate")
        List<String> hosts;

        @Option(
                names = "--listen",
                defaultValue = "0.0.0.0",
                description = "listener address (default: ${DEFAULT-VALUE})")
        String listen;

        @Option(names = "--port", defaultValue = "8883", description = "TLS port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(
                names = "--conf-dir",
                paramLabel = "DIR",
                description = "where these files will be on the broker host (default: OUT as an absolute path)")
        String confDir;

        @Option(
                names = "--persistence-dir",
                defaultValue = "/var/lib/mosquitto/",
                description = "(default: ${DEFAULT-VALUE})")
        String persistenceDir;

        @Option(
                names = "--max-inflight",
                defaultValue = "1000",
                description = "max_inflight_messages (default: ${DEFAULT-VALUE})")
        int maxInflight;

        @Option(
                names = "--max-queued",
                defaultValue = "100000",
                description = "max_queued_messages (default: ${DEFAULT-VALUE})")
        int maxQueued;

        @Option(
                names = "--max-queued-bytes",
                defaultValue = "268435456",
                description = "max_queued_bytes (default: ${DEFAULT-VALUE})")
        long maxQueuedBytes;

        @Option(
                names = "--dynsec-plugin",
                defaultValue = BrokerOptions.DEFAULT_DYNSEC_PLUGIN,
                paramLabel = "SO",
                description =
                        "Mosquitto's dynamic-security plugin on the broker host (default: ${DEFAULT-VALUE}, found in the "
                                + "system library directories)")
        String dynsecPlugin;

        @Option(names = "--renew-cert", description = "issue a new broker certificate even if the current one fits")
        boolean renew;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path abs = out.toAbsolutePath().normalize();
            BrokerOptions o;
            try {
                o = new BrokerOptions(
                        listen,
                        port,
                        hosts,
                        confDir == null ? abs.toString() : confDir,
                        persistenceDir,
                        maxInflight,
                        maxQueued,
                        maxQueuedBytes,
                        Duration.ofDays(825),
                        BrokerConfigGenerator.DEFAULT_CRL_VALIDITY,
                        dynsecPlugin);
            } catch (io.vocedge.common.cli.BadInputException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Clock clock = Clock.systemUTC();
            var fleetCa = ca.open(clock);
            InventoryStore store = new InventoryStore(ca.dir);
            List<String> notes;
            try (AutoCloseable lock = store.lock()) {
                var inv = store.load().withBrokerDir(abs.toString());
                notes = new BrokerConfigGenerator(fleetCa, clock).write(inv, abs, o, renew);
                store.save(inv);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println("broker configuration written to " + abs
                    + " (mosquitto.conf, dynamic-security.json, crl.pem, ca.pem, broker.pem, broker.key)");
            notes.forEach(n -> w.println("  - " + n));
            w.println("  - run: mosquitto -c " + o.confDir()
                    + "/mosquitto.conf (broker.key readable by the mosquitto user only)");
            w.println(
                    "  - after enrolling or revoking a device: copy dynamic-security.json and crl.pem there and restart mosquitto");
            w.println(
                    "  - the CRL expires in 365 days: run 'broker config' again before then, or every client is refused");
            return 0;
        }
    }
}
