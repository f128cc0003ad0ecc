package io.vocedge.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@code voc.command/1}: sent by the gateway on {@code down/command}; the device answers with a
 * {@link CommandResult} on {@code up/result} carrying the same {@code commandId}.
 */
public record Command(String commandId, String deviceId, String name, Map<String, String> args, Instant issuedAt)
        implements Envelope {
    public Command {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(name, "name");
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.COMMAND;
    }
}
