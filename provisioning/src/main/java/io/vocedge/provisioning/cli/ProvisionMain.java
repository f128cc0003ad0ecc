package io.vocedge.provisioning.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar voc-device.jar <command>}: the device agent and its technician tools. */
@Command(
        name = "voc-provision",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "VoC Edge provisioning: fleet CA, device enrolment, broker rules, speech models, self-test.",
        subcommands = {CommandLine.HelpCommand.class})
public final class ProvisionMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'run' (see --help)");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; each feature registers its command here. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ProvisionMain());
        cli.setExecutionExceptionHandler(new ShortErrorHandler());
        return cli;
    }
}
