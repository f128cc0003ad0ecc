package io.vocedge.system;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Checks a documented command line against the real program's command tree (the same picocli tree the jar runs):
 * every subcommand named exists and every {@code --option} exists on the command it is given to. Placeholders
 * ({@code FILE}, {@code <id>}, {@code ...}) and values are not judged.
 */
final class CommandLineCheck {
    /** A program name where a command starts: {@code voc-device run}, {@code bin/voc-gateway ...}, {@code /usr/bin/voc-device run}. */
    static final Pattern PROGRAM =
            Pattern.compile("(?<![\\w.-])(?:[\\w.~-]*/)*(voc-(?:device|gateway|provision))(?=[ \\t]|$)");

    private static final Map<String, String> MAIN = Map.of(
            "voc-device", "io.vocedge.device.cli.DeviceMain",
            "voc-gateway", "io.vocedge.gateway.cli.GatewayMain",
            "voc-provision", "io.vocedge.provisioning.cli.ProvisionMain");
    /** Module directory of a README whose command table lists a program's subcommands without its name. */
    static final Map<String, String> TABLE_PROGRAM =
            Map.of("device", "voc-device", "gateway", "voc-gateway", "provisioning", "voc-provision");

    private CommandLineCheck() {}

    private static final Map<String, CommandLine> TREES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The program's command tree, built once by its own {@code commandLine()} (not always public: read by
     * reflection). Only its specs are read, never parsed into, so one instance serves every check.
     */
    static CommandLine tree(String program) {
        return TREES.computeIfAbsent(program, p -> {
            try {
                Method m = Class.forName(MAIN.get(p)).getDeclaredMethod("commandLine");
                m.setAccessible(true);
                return (CommandLine) m.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build the command tree of " + p, e);
            }
        });
    }

    /** Every program invocation in one line of code: program name and the rest of its command. */
    static List<String[]> invocations(String code) {
        List<String[]> out = new ArrayList<>();
        Matcher m = PROGRAM.matcher(code);
        while (m.find()) {
            out.add(new String[] {m.group(1), cut(code.substring(m.end()))});
        }
        return out;
    }

    /** The command ends at a shell operator or comment: {@code |} (not {@code \|}), {@code &&}, {@code ;}, {@code  #}, a redirect. */
    private static String cut(String rest) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            boolean escaped = i > 0 && rest.charAt(i - 1) == '\\';
            if ((c == '|' && !escaped)
                    || c == ';'
                    || c == '>'
                    || c == '<' && i + 1 < rest.length() && rest.charAt(i + 1) == ' '
                    || (c == '&' && i + 1 < rest.length() && rest.charAt(i + 1) == '&')
                    || (c == '#' && (i == 0 || Character.isWhitespace(rest.charAt(i - 1))))) {
                break;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Problems with {@code program args}, empty when the real program knows every subcommand and option named. */
    static Optional<String> problem(String program, String args) {
        CommandLine current = tree(program);
        List<String> path = new ArrayList<>(List.of(program));
        List<String> tokens = tokens(args);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String t = token.replaceAll("^[\\[(]+|[\\])]+$", "");
            if (t.startsWith("--")) {
                String name = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
                name = name.replaceAll("[^a-z0-9-].*$", "");
                if (name.length() < 3) {
                    continue;
                }
                if (current.getCommandSpec().findOption(name) == null) {
                    return Optional.of("'" + String.join(" ", path) + "' has no option " + name + " (its options: "
                            + current.getCommandSpec().options().stream()
                                    .map(o -> o.longestName())
                                    .toList() + ")");
                }
            } else if (token.equals("\\|")
                    && current.getParent() != null
                    && i + 1 < tokens.size()
                    && current.getParent().getSubcommands().containsKey(tokens.get(i + 1))) {
                // A table's alternatives: 'check \\| transcribe --wav F' - the next word is a sibling command.
                current = current.getParent();
                path.remove(path.size() - 1);
            } else if (current.getSubcommands().containsKey(t)) {
                current = current.getSubcommands().get(t);
                path.add(t);
            } else if (path.size() == 1 && !current.getSubcommands().isEmpty() && t.matches("[a-z][a-z-]*")) {
                return Optional.of("'" + program + "' has no command '" + t + "' (its commands: "
                        + current.getSubcommands().keySet() + ")");
            }
        }
        return Optional.empty();
    }

    /** Splits like a shell for our purposes: whitespace, with "double" or 'single' quoted words kept whole. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"[^\"]*\"|'[^']*'|\\S+").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
