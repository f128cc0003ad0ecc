package io.vocedge.gateway.cli;

import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.auth.PasswordHasher;
import io.vocedge.gateway.store.JdbcVocStore;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token create}: read-API tokens for scripts (issue 14). */
@Command(
        name = "token",
        description = "API tokens for the read API (/api/v1).",
        subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create");
    }

    @Command(
            name = "create",
            description = {
                "Create an API token with a role (and sites) and print it once: only its hash " + "is kept.",
                "Use it as 'Authorization: Bearer <token>'."
            })
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        UserCommand.Target target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ConsoleUser owner = Accounts.validate(target.name, target.role, target.sites);
            String token;
            try (JdbcVocStore store = target.open()) {
                token = new Accounts(store.dataSource(), store.dialect(), new PasswordHasher()).createToken(owner);
            }
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
