package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Passphrase;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.provisioning.inventory.Inventory;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ca init}: the fleet certificate authority. */
@Command(
        name = "ca",
        description = "Fleet certificate authority.",
        subcommands = {CaCommand.Init.class})
public final class CaCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: init");
    }

    @Command(
            name = "init",
            description = "Create a fleet CA (ECDSA P-256) in DIR: ca.key (encrypted, 0600), ca.pem, inventory.json.")
    static final class Init implements Callable<Integer> {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "new CA directory (created, 0700)")
        Path dir;

        @Option(
                names = "--name",
                defaultValue = "fleet",
                description = "name in the CA certificate (default: ${DEFAULT-VALUE})")
        String name;

        @Option(
                names = "--years",
                defaultValue = "20",
                description = "CA validity in years (default: ${DEFAULT-VALUE})")
        int years;

        @Option(
                names = "--passphrase-file",
                paramLabel = "FILE",
                description =
                        "file whose first line is the new passphrase; else env VOC_CA_PASSPHRASE; else typed twice")
        Path passphraseFile;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (years < 1 || years > 50) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--years must be 1-50");
            }
            if (!name.matches("[A-Za-z0-9 ._-]{1,64}")) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--name must be 1-64 letters, digits, spaces, '.', '_' or '-'");
            }
            char[] p = Passphrase.read(passphraseFile, System.getenv(), System.console(), true);
            FleetCa ca;
            try {
                ca = FleetCa.create(dir, p, name, Duration.ofDays(365L * years), Clock.systemUTC());
            } finally {
                Arrays.fill(p, '\0');
            }
            new InventoryStore(dir).save(Inventory.empty());
            var out = spec.commandLine().getOut();
            out.println("fleet CA created in " + dir);
            out.println("  certificate: " + dir.resolve(FleetCa.CERT_FILE) + " (sha256 "
                    + Pem.fingerprint(ca.certificate()) + ")");
            out.println("  valid until: " + ca.certificate().getNotAfter().toInstant());
            out.println("  key:         " + dir.resolve(FleetCa.KEY_FILE)
                    + " (encrypted; back up the directory and the passphrase separately)");
            return 0;
        }
    }
}
