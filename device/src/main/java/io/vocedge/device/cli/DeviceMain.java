package io.vocedge.device.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar voc-device.jar <command>}: the device agent and its technician tools. */
@Command(
        name = "voc-device",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
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
        cli.addSubcommand(new SimulateCommand());
        cli.addSubcommand(new BenchMqttCommand());
        cli.addSubcommand(new io.vocedge.device.asr.AsrCommand());
        cli.addSubcommand(new io.vocedge.device.audio.AudioCommand());
        cli.addSubcommand(new SelfTestCommand());
        cli.setExecutionExceptionHandler(new ShortErrorHandler());
        return cli;
    }
}
