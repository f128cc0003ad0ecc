package io.vocedge.common.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.config.ConfigException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one CLI behaviour of voc-device, voc-gateway and voc-provision: exit codes from {@link ExitCodes}; errors are
 * one line on stderr naming what to fix (no usage dump, no stack trace unless {@code VOC_DEBUG=1}); {@code --help}
 * and {@code --version} work on every subcommand whatever its required options. A command line that asks for
 * {@code --json} gets its error as JSON on stdout too ({@code {"ok": false, "exit_code": 2, "error": "...",
 * "problems": [...]}}), so a script reading stdout always reads JSON; the one-line error still goes to stderr.
 */
public final class Cli {
    private static final ObjectMapper JSON = io.vocedge.common.json.Mappers.json();

    private Cli() {}

    /** {@link #configure(CommandLine)}, and {@code version} printed by {@code --version} on every (sub)command. */
    public static CommandLine configure(CommandLine cli, String version) {
        setVersion(cli, version);
        return configure(cli);
    }

    private static void setVersion(CommandLine cli, String version) {
        cli.getCommandSpec().version(version);
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub != cli) {
                setVersion(sub, version);
            }
        }
    }

    /** Applies the shared behaviour to a command tree; call after all subcommands are added. */
    public static CommandLine configure(CommandLine cli) {
        addHelpEverywhere(cli);
        cli.setExecutionExceptionHandler(Cli::onExecutionError);
        cli.setParameterExceptionHandler(Cli::onUsageError);
        return cli;
    }

    private static void addHelpEverywhere(CommandLine cli) {
        CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
        if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub != cli) {
                addHelpEverywhere(sub);
            }
        }
    }

    static int onExecutionError(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        int code;
        if (ex instanceof ConfigException ce) {
            err.println("error: " + ce.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else if (ex instanceof BadInputException
                || ex instanceof IllegalArgumentException
                || ex instanceof java.nio.file.NoSuchFileException
                || ex instanceof java.nio.file.NotDirectoryException) {
            err.println("error: " + oneLine(ex.getMessage(), ex));
            code = ExitCodes.BAD_INPUT;
        } else {
            err.println("error: " + oneLine(ex.getMessage(), ex));
            code = ExitCodes.FAILURE;
        }
        if (System.getenv("VOC_DEBUG") != null) {
            ex.printStackTrace(err);
        } else if (code == ExitCodes.FAILURE && ex.getMessage() == null) {
            err.println("(set VOC_DEBUG=1 for the stack trace)");
        }
        err.flush();
        if (parsed != null && wantsJson(parsed.originalArgs().toArray(String[]::new))) {
            List<String> problems = ex instanceof ConfigException ce ? ce.problems() : List.of();
            String message = ex instanceof ConfigException ce
                    ? "invalid configuration " + ce.source()
                    : oneLine(ex.getMessage(), ex);
            printJsonError(cli, code, message, problems);
        }
        return code;
    }

    static int onUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(
                "error: " + ex.getMessage() + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        if (wantsJson(args)) {
            printJsonError(cli, ExitCodes.BAD_INPUT, ex.getMessage(), List.of());
        }
        return ExitCodes.BAD_INPUT;
    }

    /** True when the command line asks for JSON output ({@code --json} before any {@code --} end of options). */
    static boolean wantsJson(String[] args) {
        if (args == null) {
            return false;
        }
        for (String a : args) {
            if ("--".equals(a)) {
                return false;
            }
            if ("--json".equals(a) || "--json=true".equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** The error as one JSON object on stdout, for scripts that parse the output of a {@code --json} command. */
    static void printJsonError(CommandLine cli, int code, String message, List<String> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("exit_code", code);
        body.put("error", message);
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        PrintWriter out = cli.getOut();
        try {
            out.println(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            out.println("{\"ok\":false,\"exit_code\":" + code + "}");
        }
        out.flush();
    }

    private static String oneLine(String message, Exception ex) {
        // a file system error's message is the bare path ("error: pii.tsv" says nothing): name what is wrong with it
        if (ex instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String what = f instanceof java.nio.file.NoSuchFileException
                    ? "no such file or directory: " + f.getFile() + " (relative paths start from "
                            + java.nio.file.Path.of("").toAbsolutePath() + ")"
                    : f instanceof java.nio.file.AccessDeniedException
                            ? "permission denied: " + f.getFile()
                            : f instanceof java.nio.file.NotDirectoryException
                                    ? "not a directory: " + f.getFile()
                                    : f instanceof java.nio.file.FileAlreadyExistsException
                                            ? "already exists: " + f.getFile()
                                            : f.getFile() + ": "
                                                    + (f.getReason() == null
                                                            ? f.getClass().getSimpleName()
                                                            : f.getReason());
            return f.getOtherFile() == null ? what : what + " (and " + f.getOtherFile() + ")";
        }
        if (message == null || message.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return message;
    }

    /** The version Maven wrote into the jar manifest of {@code anchor}'s jar ({@code dev} when run from classes). */
    public static String version(Class<?> anchor, String program) {
        String v = anchor.getPackage() == null ? null : anchor.getPackage().getImplementationVersion();
        return program + " " + (v == null ? "dev" : v);
    }
}
