package io.vocedge.provisioning.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.broker.BrokerConfigGenerator;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crl refresh}: a new CRL (and the rules beside it) before the old one expires; Mosquitto refuses every client
 * once its CRL has expired. A SIGHUP ({@code systemctl reload mosquitto}) makes Mosquitto 2.0 re-read it.
 */
@Command(
        name = "crl",
        description = "The broker's certificate revocation list.",
        subcommands = {CrlCommand.Refresh.class})
public final class CrlCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: refresh");
    }

    @Command(
            name = "refresh",
            description = {
                "Write a new crl.pem (and dynamic-security.json) into the broker directory.",
                "Then copy crl.pem to the broker host and 'systemctl reload mosquitto' (a SIGHUP re-reads the CRL)."
            })
    static final class Refresh implements Callable<Integer> {
        @Mixin
        CaOptions ca;

        @Option(
                names = "--broker-dir",
                paramLabel = "DIR",
                description = "broker config directory (default: the one 'broker config' last wrote)")
        Path brokerDir;

        @Option(
                names = "--days",
                defaultValue = "365",
                description = "validity of the new CRL (default: ${DEFAULT-VALUE})")
        int days;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 3650) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--days " + days + " must be 1-3650");
            }
            Clock clock = Clock.systemUTC();
            var fleetCa = ca.open(clock);
            InventoryStore store = new InventoryStore(ca.dir);
            Path dir;
            try (AutoCloseable lock = store.lock()) {
                var inv = store.load();
                dir = brokerDir != null ? brokerDir : inv.brokerDir() == null ? null : Path.of(inv.brokerDir());
                if (dir == null || !Files.isDirectory(dir)) {
                    throw new BadInputException("no broker directory " + (dir == null ? "known" : dir + " (missing)")
                            + ": give --broker-dir DIR, or run 'broker config' first");
                }
                new BrokerConfigGenerator(fleetCa, clock).writeRules(inv, dir, Duration.ofDays(days));
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println("new CRL in " + dir.resolve(BrokerConfigGenerator.CRL) + ", valid until "
                    + Instant.now().plus(Duration.ofDays(days)));
            w.println("  - copy it to the broker host and run: systemctl reload mosquitto (SIGHUP re-reads the CRL)");
            return 0;
        }
    }
}
