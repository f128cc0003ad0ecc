package io.vocedge.device.agent;

import io.vocedge.device.command.CommandHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tinylog.Logger;

/**
 * The started parts in start order: the one place where the command table, the status fields and the telemetry figures
 * are put together, and where the parts stop in reverse. Thread-safe: the sync thread reads status while the assembly
 * is still starting later parts (they simply are not in it yet).
 */
final class PartChain implements AutoCloseable {
    private final List<AgentPart> started = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Starts {@code part} after the ones already started and returns it. If it cannot start, it is stopped (releasing
     * what its constructor was given) and the failure is thrown; the caller then closes the chain.
     *
     * @throws IllegalStateException if it offers a command another part already offers (refused before it starts)
     */
    synchronized <P extends AgentPart> P start(P part) throws Exception {
        try {
            if (closed) {
                throw new IllegalStateException("the agent is stopping; " + part.name() + " not started");
            }
            Map<String, CommandHandler> known = commands();
            for (String name : part.commands().keySet()) {
                if (known.containsKey(name)) {
                    throw new IllegalStateException("command '" + name + "' is offered by " + part.name() + " and by "
                            + ownerOf(name) + "; each command belongs to one part");
                }
            }
            part.start();
        } catch (Exception | Error e) {
            stopQuietly(part); // what its constructor or a partial start took
            throw e;
        }
        started.add(part);
        return part;
    }

    private static void stopQuietly(AgentPart part) {
        try {
            part.stop();
        } catch (Exception | Error e) {
            Logger.error(e, "event=stop_failed part={}", part.name());
        }
    }

    private String ownerOf(String command) {
        return started.stream()
                .filter(p -> p.commands().containsKey(command))
                .map(AgentPart::name)
                .findFirst()
                .orElse("?");
    }

    /** Names of the started parts, in start order. */
    List<String> names() {
        return started.stream().map(AgentPart::name).toList();
    }

    /** Every started part's commands (names are unique: {@link #start} refuses duplicates). */
    Map<String, CommandHandler> commands() {
        Map<String, CommandHandler> all = new LinkedHashMap<>();
        for (AgentPart p : started) {
            all.putAll(p.commands());
        }
        return all;
    }

    /** The retained status's details: every started part's fields, in start order. */
    Map<String, Object> statusFields() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (AgentPart p : started) {
            p.statusFields(details);
        }
        return details;
    }

    /** Every started part's telemetry figures; a part that fails is logged and left out, the others still count. */
    void metrics(Map<String, Double> into) {
        for (AgentPart p : started) {
            try {
                p.metrics(into);
            } catch (RuntimeException e) {
                Logger.warn("event=metrics_source_failed source={} error=\"{}\"", p.name(), e.getMessage());
            }
        }
    }

    /** Stops the started parts in reverse order; one failing part does not keep the others from stopping. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        List<AgentPart> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AgentPart p : reverse) {
            stopQuietly(p);
            started.remove(p);
        }
    }
}
