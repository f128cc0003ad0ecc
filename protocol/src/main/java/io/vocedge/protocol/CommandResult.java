package io.vocedge.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** {@code voc.command-result/1}: the device's answer to a {@link Command}. */
public record CommandResult(
        String commandId, String deviceId, boolean ok, String message, Instant at, Map<String, Object> detail)
        implements Envelope {
    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(deviceId, "deviceId");
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.COMMAND_RESULT;
    }
}
