package io.vocedge.device.agent;

import io.vocedge.device.command.CommandHandler;
import java.util.Map;

/**
 * One part of the running agent (outbox and sync, input, hardware, ...). {@link DeviceAssembly} builds the parts in a
 * fixed order, starts each once it is built and stops them in reverse. Each part reports its own status fields,
 * telemetry figures and commands; the assembly puts them together in one place ({@link PartChain}).
 */
public interface AgentPart {
    /** For logs ({@code event=stop_failed part=NAME}) and tests: one word, the class of what the part holds. */
    String name();

    /** Starts its threads. */
    default void start() throws Exception {}

    /**
     * Releases everything: called once, in reverse start order, and also when {@link #start()} failed or the part was
     * refused, so it must cope with a part that never started (or only half).
     */
    void stop() throws Exception;

    /** Adds this part's fields to the retained status. Called every second (status light): counters only, no I/O. */
    default void statusFields(Map<String, Object> into) {}

    /** Adds this part's figures to periodic telemetry. */
    default void metrics(Map<String, Double> into) {}

    /** The gateway commands this part carries out, by name; a name may belong to one part only. */
    default Map<String, CommandHandler> commands() {
        return Map.of();
    }

    /** A part that only holds something to close (the data-dir lock). */
    static AgentPart closing(String name, AutoCloseable resource) {
        return new AgentPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void stop() throws Exception {
                resource.close();
            }
        };
    }

    /** A part that only offers commands (self-test, log level, status). */
    static AgentPart commandsOnly(String name, Map<String, CommandHandler> commands) {
        Map<String, CommandHandler> copy = Map.copyOf(commands);
        return new AgentPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void stop() {}

            @Override
            public Map<String, CommandHandler> commands() {
                return copy;
            }
        };
    }
}
