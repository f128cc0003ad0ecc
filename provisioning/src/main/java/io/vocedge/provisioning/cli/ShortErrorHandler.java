package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.ProvisionException;
import picocli.CommandLine;

/**
 * One-line errors for technicians: the message, not a stack trace (set VOC_DEBUG=1 for the trace). A failure while
 * running exits with 1; bad usage (unknown option, invalid value) with 2, see {@link UsageErrorHandler}.
 */
public final class ShortErrorHandler implements CommandLine.IExecutionExceptionHandler {
    public static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        if (!(ex instanceof ProvisionException)) {
            msg = ex.getClass().getSimpleName() + ": " + msg;
        }
        cli.getErr().println("error: " + msg);
        if (System.getenv("VOC_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        return FAILURE;
    }

    /** Usage errors: one line naming the problem, a pointer to --help, exit code 2. */
    public static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        public static final int USAGE = 2;

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cli = ex.getCommandLine();
            cli.getErr().println("error: " + ex.getMessage() + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        }
    }
}
