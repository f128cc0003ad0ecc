package io.vocedge.provisioning.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar voc-provision.jar <command>}: fleet CA, enrolment, broker rules, model installation, fleet view. */
@Command(
        name = "voc-provision",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "VoC Edge provisioning: fleet CA, device enrolment, broker rules, speech models, fleet view.",
        subcommands = {CommandLine.HelpCommand.class, CaCommand.class, DeviceCommand.class, GatewayCommand.class,
            BrokerCommand.class, ModelCommand.class, NativeCommand.class, FleetCommand.class, SelfTestCommand.class})
public final class ProvisionMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'ca init' or 'device enroll'");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; each feature registers its command here. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ProvisionMain());
        cli.setExecutionExceptionHandler(new ShortErrorHandler());
        cli.setParameterExceptionHandler(new ShortErrorHandler.UsageErrorHandler());
        return cli;
    }
}
