package io.vocedge.gateway.cli;

import io.vocedge.common.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code voc-gateway <command>}: the gateway service and its operator tools. */
@Command(
        name = "voc-gateway",
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

    /**
     * The command tree; each feature registers its command here. {@link Cli} adds {@code --help}/{@code --version}
     * to every command, exit codes 0/1/2 and one-line errors (JSON on stdout for {@code --json} command lines).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GatewayMain());
        cli.addSubcommand(new RunCommand());
        cli.addSubcommand(new ConfigCommand());
        cli.addSubcommand(new RecordsCommand());
        cli.addSubcommand(new CorrectionsCommand());
        cli.addSubcommand(new LexiconCommand());
        cli.addSubcommand(new ModelCommand());
        cli.addSubcommand(new DeadLettersCommand());
        cli.addSubcommand(new DevicesCommand());
        cli.addSubcommand(new UserCommand());
        cli.addSubcommand(new TokenCommand());
        cli.addSubcommand(new BrokerCommand());
        cli.addSubcommand(new BenchStoreCommand());
        cli.addSubcommand(new BenchConsoleCommand());
        cli.addSubcommand(new BenchKafkaCommand());
        cli.addSubcommand(new AlertsCommand());
        cli.addSubcommand(new ForwardCommand());
        return Cli.configure(cli, Cli.version(GatewayMain.class, "voc-gateway"));
    }
}
