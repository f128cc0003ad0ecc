package io.vocedge.gateway.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.auth.PasswordHasher;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code user add}: console accounts (issue 14). */
@Command(
        name = "user",
        description = "Console user accounts.",
        subcommands = {UserCommand.Add.class})
final class UserCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add");
    }

    /** Options every account command shares: where the store is, and who. */
    static class Target {
        @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
        Path dataDir;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "account name")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, analyst or site_manager")
        String role;

        @Option(names = "--site", paramLabel = "SITE", description = "a site a site_manager may see (repeat for more)")
        List<String> sites = new ArrayList<>();

        /** The store the gateway uses (created and migrated when it does not exist yet). */
        JdbcVocStore open() throws Exception {
            GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
            return JdbcVocStore.open(cfg.store(), cfg.gatewayId());
        }
    }

    @Command(
            name = "add",
            description = {
                "Add a console user (or set a new password and role for an existing one).",
                "The password is read from the first line of standard input: echo \"$PW\" | voc-gateway user add ... --password-stdin"
            })
    static final class Add implements Callable<Integer> {
        @CommandLine.Mixin
        Target target;

        @Option(
                names = "--password-stdin",
                required = true,
                description = "read the password from standard input (never an argument: it would show in ps)")
        boolean passwordStdin;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ConsoleUser user = Accounts.validate(target.name, target.role, target.sites);
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new BadInputException(
                        "no password on standard input: pipe it in, e.g. echo \"$PW\" | voc-gateway user add ...");
            }
            try (JdbcVocStore store = target.open()) {
                new Accounts(store.dataSource(), store.dialect(), new PasswordHasher())
                        .putUser(user, line.toCharArray());
            }
            spec.commandLine()
                    .getOut()
                    .println("user " + user.name() + " (" + user.role().id()
                            + (user.sites().isEmpty() ? "" : ", sites " + String.join(",", user.sites())) + ") saved");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
