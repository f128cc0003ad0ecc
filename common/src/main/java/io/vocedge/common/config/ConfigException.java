package io.vocedge.common.config;

import java.util.List;

/**
 * A configuration is wrong. Lists every problem at once, each starting with the key's path
 * ({@code sync.ack_timeout: expected a duration like 15s, got "15 parsecs"}), so one edit fixes them all.
 * The CLI maps it to exit code 2 (bad input).
 */
public final class ConfigException extends Exception {
    private final String source;
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super("invalid configuration " + source + " (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or "defaults", "command line") the problems were found in. */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
