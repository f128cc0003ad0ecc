package io.vocedge.gateway.cli;

import io.vocedge.common.cli.EffectiveConfig;
import io.vocedge.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code config check FILE}: read a gateway config exactly as {@code run} would, start nothing. */
@Command(
        name = "config",
        description = "Gateway configuration tools.",
        subcommands = {ConfigCommand.Check.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check");
    }

    @Command(
            name = "check",
            description = {
                "Read FILE as 'run' would, start nothing, and print the effective "
                        + "configuration (every default filled in, secrets masked).",
                "Exit code 0 when the file is valid; 2 with every problem listed, each with its key's path."
            })
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "gateway YAML")
        Path file;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "as 'run --data-dir': overrides data_dir")
        Path dataDir;

        @Option(
                names = "--json",
                description = "print {\"ok\": true, \"file\": ..., \"config\": {...}} (errors as JSON too)")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GatewayConfig cfg = GatewayConfig.load(file, dataDir);
            EffectiveConfig.print(
                    spec.commandLine().getOut(),
                    file.toString(),
                    cfg.effective(),
                    json,
                    "defaults filled in, secrets masked");
            return 0;
        }
    }
}
