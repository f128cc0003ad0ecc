package io.vocedge.device.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.CommandResult;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CommandDispatcherTest {
    private final ObjectMapper json = Json.newMapper();
    private final List<CommandResult> results = new CopyOnWriteArrayList<>();
    private final AtomicBoolean muted = new AtomicBoolean();

    private CommandDispatcher dispatcher() {
        return new CommandDispatcher("dev-1", json, new SchemaValidator(), Map.of(
                "mute", c -> {
                    muted.set(true);
                    return CommandHandler.Outcome.ok("muted");
                },
                "set_log_level", c -> {
                    String level = c.args().get("level");
                    if (level == null) {
                        throw new IllegalArgumentException("args.level is required (trace, debug, info, warn, error)");
                    }
                    return CommandHandler.Outcome.ok("level " + level);
                },
                "explode", c -> {
                    throw new IllegalStateException("boom");
                }), results::add);
    }

    private byte[] command(String id, String device, String name, Map<String, String> args) throws Exception {
        return json.writeValueAsBytes(new Command(id, device, name, args, Instant.now()));
    }

    @Test
    void knownCommandRunsAndIsAnswered() throws Exception {
        try (CommandDispatcher d = dispatcher()) {
            d.accept(command("c1", "dev-1", "mute", Map.of()));
            await().until(() -> results.size() == 1);
            assertThat(muted).isTrue();
            assertThat(results.get(0).commandId()).isEqualTo("c1");
            assertThat(results.get(0).ok()).isTrue();
        }
    }

    @Test
    void everyBadCommandGetsAnErrorResultAndTheDispatcherKeepsWorking() throws Exception {
        try (CommandDispatcher d = dispatcher()) {
            d.accept("{not json".getBytes(StandardCharsets.UTF_8));
            d.accept("{\"schema\":\"voc.command/1\",\"command_id\":\"c2\"}".getBytes(StandardCharsets.UTF_8));
            d.accept(command("c3", "dev-1", "format_disk", Map.of()));
            d.accept(command("c4", "dev-2", "mute", Map.of()));
            d.accept(command("c5", "dev-1", "set_log_level", Map.of()));
            d.accept(command("c6", "dev-1", "explode", Map.of()));
            d.accept(command("c7", "dev-1", "set_log_level", Map.of("level", "debug")));
            await().until(() -> results.size() == 7);
            Map<String, CommandResult> byId = new java.util.HashMap<>();
            results.forEach(r -> byId.put(r.commandId(), r));
            assertThat(byId.get("unknown").message()).contains("not valid JSON");
            assertThat(byId.get("c2").message()).contains("malformed command").contains("name");
            assertThat(byId.get("c3").message()).contains("unknown command 'format_disk'").contains("mute");
            assertThat(byId.get("c4").message()).contains("addressed to device 'dev-2'");
            assertThat(byId.get("c5").message()).contains("args.level is required");
            assertThat(byId.get("c6").message()).contains("failed: boom");
            assertThat(byId.get("c7").ok()).isTrue();
            assertThat(muted).isFalse();
        }
    }
}
