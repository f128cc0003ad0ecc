package io.vocedge.common.cli;

/**
 * The user gave something wrong (a file that does not parse, an id that does not exist, a filter that makes no
 * sense): exit code 2 and a one-line message saying what to fix. Anything else that fails at run time exits 1.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
