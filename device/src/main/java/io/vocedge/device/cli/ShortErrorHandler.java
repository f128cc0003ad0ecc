package io.vocedge.device.cli;

import picocli.CommandLine;

/** One-line errors for technicians: the message, not a stack trace (set VOC_DEBUG=1 for the trace). */
public final class ShortErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        cli.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        if (System.getenv("VOC_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        return 2;
    }
}
