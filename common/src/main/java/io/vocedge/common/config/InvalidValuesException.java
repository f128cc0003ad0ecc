package io.vocedge.common.config;

import java.util.List;

/**
 * A settings record was built with values that do not fit together (a rule across keys, such as
 * {@code conversation_gap_ms} > {@code hangover_ms}). Thrown by the record's constructor, so a record built in code is
 * checked like one read from a file; the file reader catches it and adds each problem to its
 * {@link ConfigDocument}, so they are listed with every other problem of the file. Each problem starts with the
 * key's path.
 */
public final class InvalidValuesException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidValuesException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** Throws when {@code problems} is not empty. */
    public static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidValuesException(problems);
        }
    }
}
