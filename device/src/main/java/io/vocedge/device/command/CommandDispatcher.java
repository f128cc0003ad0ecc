package io.vocedge.device.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.CommandResult;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Receives {@code voc.command/1} payloads from the gateway (the broker ACL already confines who may publish on
 * this device's command topic; the agent checks again that the command is addressed to it), runs the named
 * handler on one worker thread, and answers every command with a {@code voc.command-result/1}: unknown,
 * malformed or failing commands get an error result, never a crash.
 *
 * <p>Replays are refused by the {@link CommandGuard} (retained, stale or already executed commands), with a result
 * saying why.
 *
 * <p>Bounded: at most 32 commands wait; beyond that a command is answered at once with "busy" (counted).
 */
public final class CommandDispatcher implements CommandSink, AutoCloseable {
    private final String deviceId;
    private final ObjectMapper json;
    private final SchemaValidator validator;
    private final Map<String, CommandHandler> handlers;
    private final Consumer<CommandResult> results;
    private final ThreadPoolExecutor worker;
    private final CommandGuard guard;
    private final AtomicLong refused = new AtomicLong();

    public CommandDispatcher(
            String deviceId,
            ObjectMapper json,
            SchemaValidator validator,
            Map<String, CommandHandler> handlers,
            Consumer<CommandResult> results,
            CommandGuard guard) {
        this.deviceId = deviceId;
        this.guard = guard;
        this.json = json;
        this.validator = validator;
        this.handlers = new TreeMap<>(handlers);
        this.results = results;
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(32),
                r -> Thread.ofPlatform().name("commands").daemon(true).unstarted(r));
    }

    @Override
    public void onCommand(byte[] payload, boolean retained) {
        if (payload.length == 0) {
            // An empty retained message clears a retained command; nothing to answer.
            return;
        }
        Command command;
        try {
            JsonNode node = json.readTree(payload);
            var problems = validator.problems(SchemaId.COMMAND, node);
            if (problems.isPresent()) {
                reply(commandIdOf(node), false, "malformed command: " + problems.get());
                return;
            }
            command = json.treeToValue(node, Command.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // Only where it broke: Jackson's message quotes the offending text.
            var at = e.getLocation();
            reply(
                    "unknown",
                    false,
                    "command is not valid JSON"
                            + (at == null || at.getLineNr() < 0
                                    ? ""
                                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
            return;
        } catch (java.io.IOException | RuntimeException e) {
            reply("unknown", false, "command is not valid JSON");
            return;
        }
        if (command.deviceId() != null && !deviceId.equals(command.deviceId())) {
            reply(
                    command.commandId(),
                    false,
                    "command addressed to device '" + command.deviceId() + "', this is '" + deviceId + "'");
            return;
        }
        CommandHandler handler = handlers.get(command.name());
        if (handler == null) {
            reply(
                    command.commandId(),
                    false,
                    "unknown command '" + command.name() + "'; this device knows " + handlers.keySet());
            return;
        }
        try {
            var refusal = guard.admit(command, retained);
            if (refusal.isPresent()) {
                refused.incrementAndGet();
                reply(command.commandId(), false, refusal.get());
                return;
            }
        } catch (java.io.IOException e) {
            reply(
                    command.commandId(),
                    false,
                    "cannot record the command id (disk full or read-only?), so it was not run: " + e.getMessage());
            return;
        }
        try {
            worker.execute(() -> run(handler, command));
        } catch (RejectedExecutionException e) {
            reply(command.commandId(), false, "busy: too many commands queued, try again later");
        }
    }

    private void run(CommandHandler handler, Command command) {
        CommandHandler.Outcome outcome;
        try {
            outcome = handler.handle(command);
        } catch (IllegalArgumentException e) {
            outcome = CommandHandler.Outcome.failed("bad arguments: " + e.getMessage());
        } catch (Exception e) {
            Logger.error(e, "event=command_failed name={} id={}", command.name(), command.commandId());
            outcome = CommandHandler.Outcome.failed("failed: " + e.getMessage());
        }
        Logger.info("event=command name={} id={} ok={}", command.name(), command.commandId(), outcome.ok());
        results.accept(new CommandResult(
                command.commandId(), deviceId, outcome.ok(), outcome.message(), Instant.now(), outcome.detail()));
    }

    private void reply(String commandId, boolean ok, String message) {
        Logger.warn("event=command_refused id={} reason=\"{}\"", commandId, message);
        results.accept(new CommandResult(
                commandId == null ? "unknown" : commandId, deviceId, ok, message, Instant.now(), Map.of()));
    }

    private static String commandIdOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("command_id");
        return id != null && id.isTextual() && id.asText().matches("[A-Za-z0-9._:-]{1,64}") ? id.asText() : "unknown";
    }

    /** Commands refused as retained, stale or replayed since start. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
