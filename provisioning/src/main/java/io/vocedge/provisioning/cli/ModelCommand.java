package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.install.Installed;
import io.vocedge.provisioning.install.ModelInstaller;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code model install}: a checksummed Vosk model, swapped into place. */
@Command(
        name = "model",
        description = "Speech model installation.",
        subcommands = {ModelCommand.Install.class})
public final class ModelCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: install");
    }

    @Command(
            name = "install",
            description =
                    "Verify, unpack, validate and atomically install a Vosk model zip as TARGET (old one kept as TARGET.previous).")
    static final class Install implements Callable<Integer> {
        @Option(names = "--archive", required = true, paramLabel = "FILE.zip")
        Path archive;

        @Option(
                names = "--sha256",
                required = true,
                paramLabel = "HEX",
                description = "published SHA-256 of the archive")
        String sha256;

        @Option(
                names = "--target",
                required = true,
                paramLabel = "DIR",
                description = "model directory (asr.model), e.g. /opt/voc/model")
        Path target;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Installed r = new ModelInstaller().install(archive, sha256, target);
            spec.commandLine()
                    .getOut()
                    .println("model installed in " + r.target() + " (" + r.files() + " files, sha256 " + r.sha256()
                            + ")" + (r.previous() != null ? "; previous model kept in " + r.previous() : ""));
            return 0;
        }
    }
}
