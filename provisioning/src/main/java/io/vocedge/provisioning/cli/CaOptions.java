package io.vocedge.provisioning.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Passphrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** {@code --ca DIR} and the passphrase options, shared by every command that signs something. */
public final class CaOptions {
    @Option(names = "--ca", required = true, paramLabel = "DIR", description = "fleet CA directory ('ca init --dir')")
    Path dir;

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "file whose first line is the CA passphrase; else env VOC_CA_PASSPHRASE; else typed")
    Path passphraseFile;

    FleetCa open(Clock clock) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(
                    "--ca " + dir + " is not a directory: point it at the directory 'ca init' created");
        }
        FleetCa.certificate(dir); // fails with a clear message before asking for a passphrase
        char[] p = Passphrase.read(passphraseFile, System.getenv(), System.console(), false);
        try {
            return FleetCa.load(dir, p, clock);
        } finally {
            Arrays.fill(p, '\0');
        }
    }
}
