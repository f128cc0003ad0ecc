package io.vocedge.provisioning.cli;

import io.vocedge.common.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code voc-provision <command>}: fleet CA, enrolment, broker rules, model installation, fleet view. */
@Command(
        name = "voc-provision",
        description = "VoC Edge provisioning: fleet CA, device enrolment, broker rules, speech models, fleet view.",
        subcommands = {
            CommandLine.HelpCommand.class,
            CaCommand.class,
            DeviceCommand.class,
            GatewayCommand.class,
            BrokerCommand.class,
            CrlCommand.class,
            ModelCommand.class,
            NativeCommand.class,
            FleetCommand.class,
            SelfTestCommand.class
        })
public final class ProvisionMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a command, e.g. 'ca init' or 'device enroll'");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command tree (subcommands in the annotation above). {@link Cli} adds {@code --help}/{@code --version} to
     * every command, exit codes 0 ok / 1 failure / 2 bad usage or input, one-line errors, JSON errors for
     * {@code --json} command lines.
     */
    public static CommandLine commandLine() {
        return Cli.configure(new CommandLine(new ProvisionMain()), Cli.version(ProvisionMain.class, "voc-provision"));
    }
}
