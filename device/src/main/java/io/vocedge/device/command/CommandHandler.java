package io.vocedge.device.command;

import io.vocedge.protocol.Command;
import java.util.Map;

/** Carries out one named command. Throw {@link IllegalArgumentException} for bad arguments: it becomes an error result. */
@FunctionalInterface
public interface CommandHandler {
    Outcome handle(Command command) throws Exception;

    /** What happened, for the command result. */
    record Outcome(boolean ok, String message, Map<String, Object> detail) {
        public static Outcome ok(String message) {
            return new Outcome(true, message, Map.of());
        }

        public static Outcome failed(String message) {
            return new Outcome(false, message, Map.of());
        }
    }
}
