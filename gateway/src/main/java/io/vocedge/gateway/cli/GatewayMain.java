package io.vocedge.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar voc-device.jar <command>}: the device agent and its technician tools. */
@Command(
        name = "voc-gateway",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "VoC Edge gateway: ingest device feeds, store each record once, ack, forward, track the fleet.",
        subcommands = {CommandLine.HelpCommand.class})
public final class GatewayMain implements Runnable {
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
        CommandLine cli = new CommandLine(new GatewayMain());
        cli.addSubcommand(new RunCommand());
        cli.addSubcommand(new RecordsCommand());
        cli.addSubcommand(new BenchStoreCommand());
        cli.setExecutionExceptionHandler(new ShortErrorHandler());
        return cli;
    }
}
