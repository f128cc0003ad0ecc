package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.install.Installed;
import io.vocedge.provisioning.install.NativeLibraryInstaller;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code native install}: libvosk.so for the Pi from Vosk's release zip. */
@Command(
        name = "native",
        description = "Native speech library (libvosk.so) installation.",
        subcommands = {NativeCommand.Install.class})
public final class NativeCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: install");
    }

    @Command(
            name = "install",
            description =
                    "Verify vosk-linux-<arch>-0.3.45.zip, check libvosk.so is for ARCH, install it as TARGET/libvosk.so.")
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
                defaultValue = "/opt/voc/lib",
                paramLabel = "DIR",
                description = "asr.native_lib_dir (default: ${DEFAULT-VALUE})")
        Path target;

        @Option(names = "--arch", required = true, description = "aarch64, armv7l or x86_64 ('uname -m' on the device)")
        String arch;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            NativeLibraryInstaller.Arch a;
            try {
                a = NativeLibraryInstaller.Arch.parse(arch);
            } catch (io.vocedge.common.cli.BadInputException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Installed r = new NativeLibraryInstaller().install(archive, sha256, target, a);
            spec.commandLine()
                    .getOut()
                    .println("installed " + r.target() + " (sha256 of archive " + r.sha256() + ")"
                            + (r.previous() != null ? "; previous kept as " + r.previous() : ""));
            return 0;
        }
    }
}
