package io.vocedge.common.cli;

/** The exit codes of all three programs: documented in each README and relied on by scripts. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Could not do it at run time (broker down, disk full, a check failed). */
    public static final int FAILURE = 1;
    /** Bad usage or bad input: unknown option, invalid value, invalid config file. Fix the input and retry. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
