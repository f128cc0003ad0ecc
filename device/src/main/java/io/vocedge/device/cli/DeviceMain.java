package io.vocedge.device.cli;

import io.vocedge.common.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code voc-device <command>}: the device agent and its technician tools. {@link Cli} gives every command
 * {@code --help}/{@code --version}, exit codes 0/1/2 and one-line errors (JSON on stdout for {@code --json} lines).
 */
@Command(
        name = "voc-device",
        description = "VoC Edge device agent: capture, recognise, analyse and sync in-store conversations.",
        subcommands = {CommandLine.HelpCommand.class})
public final class DeviceMain implements Runnable {
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
        CommandLine cli = new CommandLine(new DeviceMain());
        cli.addSubcommand(new RunCommand());
        cli.addSubcommand(new AnalyzeCommand());
        cli.addSubcommand(new BenchInsightsCommand());
        cli.addSubcommand(new InsightsCommand());
        cli.addSubcommand(new SimulateCommand());
        cli.addSubcommand(new BenchMqttCommand());
        cli.addSubcommand(new io.vocedge.device.cli.AsrCommand());
        cli.addSubcommand(new io.vocedge.device.cli.AudioCommand());
        cli.addSubcommand(new SelfTestCommand());
        cli.addSubcommand(new ConfigCommand());
        return Cli.configure(cli, Cli.version(DeviceMain.class, "voc-device"));
    }
}
