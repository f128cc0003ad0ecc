package io.vocedge.device.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.CommandResult;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandDispatcherTest {
    private final ObjectMapper json = Json.newMapper();
    private final List<CommandResult> results = new CopyOnWriteArrayList<>();
    private final AtomicBoolean muted = new AtomicBoolean();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
    private CommandGuard guard;

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private CommandDispatcher dispatcher() throws Exception {
        guard = CommandGuard.open(dir, CommandConfig.defaults(), clock);
        return new CommandDispatcher(
                "dev-1",
                json,
                new SchemaValidator(),
                Map.of(
                        "mute",
                                c -> {
                                    muted.set(true);
                                    return CommandHandler.Outcome.ok("muted");
                                },
                        "set_log_level",
                                c -> {
                                    String level = c.args().get("level");
                                    if (level == null) {
                                        throw new IllegalArgumentException(
                                                "args.level is required (trace, debug, info, warn, error)");
                                    }
                                    return CommandHandler.Outcome.ok("level " + level);
                                },
                        "explode",
                                c -> {
                                    throw new IllegalStateException("boom");
                                }),
                results::add,
                guard);
    }

    private byte[] command(String id, String device, String name, Map<String, String> args) throws Exception {
        return json.writeValueAsBytes(new Command(id, device, name, args, clock.now));
    }

    @Test
    void knownCommandRunsAndIsAnswered() throws Exception {
        try (CommandDispatcher d = dispatcher()) {
            d.onCommand(command("c1", "dev-1", "mute", Map.of()), false);
            await().until(() -> results.size() == 1);
            assertThat(muted).isTrue();
            assertThat(results.get(0).commandId()).isEqualTo("c1");
            assertThat(results.get(0).ok()).isTrue();
        }
    }

    @Test
    void everyBadCommandGetsAnErrorResultAndTheDispatcherKeepsWorking() throws Exception {
        try (CommandDispatcher d = dispatcher()) {
            d.onCommand("{not json".getBytes(StandardCharsets.UTF_8), false);
            d.onCommand("{\"schema\":\"voc.command/1\",\"command_id\":\"c2\"}".getBytes(StandardCharsets.UTF_8), false);
            d.onCommand(command("c3", "dev-1", "format_disk", Map.of()), false);
            d.onCommand(command("c4", "dev-2", "mute", Map.of()), false);
            d.onCommand(command("c5", "dev-1", "set_log_level", Map.of()), false);
            d.onCommand(command("c6", "dev-1", "explode", Map.of()), false);
            d.onCommand(command("c7", "dev-1", "set_log_level", Map.of("level", "debug")), false);
            await().until(() -> results.size() == 7);
            Map<String, CommandResult> byId = new java.util.HashMap<>();
            results.forEach(r -> byId.put(r.commandId(), r));
            assertThat(byId.get("unknown").message()).contains("not valid JSON");
            assertThat(byId.get("c2").message()).contains("malformed command").contains("name");
            assertThat(byId.get("c3").message())
                    .contains("unknown command 'format_disk'")
                    .contains("mute");
            assertThat(byId.get("c4").message()).contains("addressed to device 'dev-2'");
            assertThat(byId.get("c5").message()).contains("args.level is required");
            assertThat(byId.get("c6").message()).contains("failed: boom");
            assertThat(byId.get("c7").ok()).isTrue();
            assertThat(muted).isFalse();
        }
    }

    private CommandResult resultOf(String id) {
        await().until(() -> results.stream().anyMatch(r -> r.commandId().equals(id)));
        return results.stream()
                .filter(r -> r.commandId().equals(id))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void retainedStaleUndatedAndReplayedCommandsAreRefusedWithTheReason() throws Exception {
        try (CommandDispatcher d = dispatcher()) {
            d.onCommand(command("r1", "dev-1", "mute", Map.of()), true);
            assertThat(resultOf("r1").message()).contains("retained");
            d.onCommand(
                    json.writeValueAsBytes(
                            new Command("s1", "dev-1", "mute", Map.of(), clock.now.minus(Duration.ofMinutes(11)))),
                    false);
            assertThat(resultOf("s1").message()).startsWith("refused: stale");
            d.onCommand(json.writeValueAsBytes(new Command("u1", "dev-1", "mute", Map.of(), null)), false);
            assertThat(resultOf("u1").message()).contains("no issued_at");
            d.onCommand(
                    "{\"schema\":\"voc.command/1\",\"command_id\":\"a b\\nc\",\"name\":\"mute\",\"issued_at\":\"2026-12-02T12:00:00Z\"}"
                            .getBytes(StandardCharsets.UTF_8),
                    false);
            await().until(() -> results.size() == 4);
            assertThat(results.get(3).message()).contains("command_id must be");
            assertThat(muted).isFalse();
            assertThat(d.refused()).isEqualTo(4);

            byte[] fresh = command("f1", "dev-1", "mute", Map.of());
            d.onCommand(fresh, false);
            assertThat(resultOf("f1").ok()).isTrue();
            assertThat(muted).isTrue();
            muted.set(false);
            d.onCommand(fresh, false);
            await().until(() ->
                    results.stream().filter(r -> r.commandId().equals("f1")).count() == 2);
            assertThat(resultOf("f1").message()).contains("already executed");
            assertThat(muted).isFalse();
        }
        // After a restart the executed id is still known, and the file is the owner's only.
        results.clear();
        try (CommandDispatcher d = dispatcher()) {
            d.onCommand(json.writeValueAsBytes(new Command("f1", "dev-1", "mute", Map.of(), clock.now)), false);
            assertThat(resultOf("f1").message()).contains("already executed");
            assertThat(muted).isFalse();
        }
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve(CommandGuard.FILE)))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void executedIdsAreForgottenOnlyOnceStaleAndTheStoreIsBounded() throws Exception {
        CommandGuard g = CommandGuard.open(dir, new CommandConfig(Duration.ofMinutes(10), 16), clock);
        for (int i = 0; i < 16; i++) {
            assertThat(g.admit(new Command("id-" + i, "dev-1", "mute", Map.of(), clock.now), false))
                    .isEmpty();
        }
        assertThat(g.admit(new Command("id-16", "dev-1", "mute", Map.of(), clock.now), false))
                .get()
                .asString()
                .contains("16 commands arrived within");
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        // id-0 is now stale: refused as such, and forgotten, which makes room for new ones.
        assertThat(g.admit(
                        new Command("id-0", "dev-1", "mute", Map.of(), clock.now.minus(Duration.ofMinutes(11))), false))
                .get()
                .asString()
                .startsWith("refused: stale");
        assertThat(g.admit(new Command("id-17", "dev-1", "mute", Map.of(), clock.now), false))
                .isEmpty();
        assertThat(g.remembered()).isEqualTo(1);
        assertThat(CommandGuard.open(dir, CommandConfig.defaults(), clock).remembered())
                .isEqualTo(1);
    }
}
