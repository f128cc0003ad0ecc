package io.vocedge.device.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MarkerConversationControl;
import io.vocedge.device.privacy.MuteState;
import io.vocedge.device.selftest.CheckResult;
import io.vocedge.device.selftest.SelfTestCommandHandler;
import io.vocedge.device.selftest.SelfTestReport;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.CommandResult;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCommandsTest {
    @TempDir
    Path dir;

    private final List<Long> markers = new CopyOnWriteArrayList<>();
    private final List<CommandResult> results = new CopyOnWriteArrayList<>();

    private CommandGuard guard() throws Exception {
        return CommandGuard.open(dir, CommandConfig.defaults(), java.time.Clock.systemUTC());
    }

    private CommandResult send(CommandDispatcher d, String id, String name, Map<String, String> args) throws Exception {
        d.onCommand(Json.newMapper().writeValueAsBytes(new Command(id, "dev-1", name, args, Instant.now())), false);
        await().until(() -> results.stream().anyMatch(r -> r.commandId().equals(id)));
        return results.stream()
                .filter(r -> r.commandId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void muteUnmuteAndConversationsThroughTheDispatcher() throws Exception {
        MuteState mute = MuteState.load(dir, false);
        var conv = new MarkerConversationControl(markers::add, () -> 42);
        SelfTestReport report = new SelfTestReport(
                "dev-1",
                Instant.now(),
                List.of(
                        CheckResult.pass("disk", "1000 MB free"),
                        CheckResult.fail("clock", "not NTP-synchronised: check timedatectl")));
        try (CommandDispatcher d = new CommandDispatcher(
                "dev-1",
                Json.newMapper(),
                new SchemaValidator(),
                handlers(mute, conv, new SelfTestCommandHandler(() -> report)),
                results::add,
                guard())) {
            CommandResult r = send(d, "c1", "mute", Map.of());
            assertThat(r.ok()).isTrue();
            assertThat(r.message()).isEqualTo("muted");
            assertThat(mute.muted()).isTrue();
            assertThat(mute.lastSource()).isEqualTo("command");
            assertThat(MuteState.load(dir, false).muted()).as("persisted").isTrue();
            assertThat(send(d, "c2", "mute", Map.of()).message()).isEqualTo("already muted");
            assertThat(send(d, "c3", "unmute", Map.of()).message()).isEqualTo("unmuted");
            assertThat(mute.muted()).isFalse();

            assertThat(send(d, "c4", "start_conversation", Map.of()).message()).isEqualTo("conversation started");
            assertThat(conv.inConversation()).isTrue();
            assertThat(send(d, "c5", "start_conversation", Map.of()).message()).contains("already open");
            assertThat(send(d, "c6", "end_conversation", Map.of()).message()).isEqualTo("conversation ended");
            assertThat(conv.inConversation()).isFalse();
            assertThat(markers).containsExactly(42L, 42L);

            CommandResult st = send(d, "c7", "selftest", Map.of());
            assertThat(st.ok()).isFalse();
            assertThat(st.message()).isEqualTo("self-test FAILED: 1 pass, 1 fail, 0 skip");
            assertThat(st.detail()).containsEntry("passed", false).containsKey("checks");
            assertThat(new SchemaValidator()
                            .problems(
                                    io.vocedge.protocol.SchemaId.COMMAND_RESULT,
                                    Json.newMapper().valueToTree(st)))
                    .isEmpty();
        }
    }

    @Test
    void argumentsAreRefusedWithAnErrorResult() throws Exception {
        MuteState mute = MuteState.load(dir, false);
        try (CommandDispatcher d = new CommandDispatcher(
                "dev-1",
                Json.newMapper(),
                new SchemaValidator(),
                handlers(
                        mute,
                        new MarkerConversationControl(markers::add, () -> 0),
                        c -> CommandHandler.Outcome.failed("no self-test in this test")),
                results::add,
                guard())) {
            CommandResult r = send(d, "b1", "mute", Map.of("for", "10m"));
            assertThat(r.ok()).isFalse();
            assertThat(r.message())
                    .isEqualTo("bad arguments: 'mute' takes no arguments, got [for]: send it with empty args");
            assertThat(mute.muted()).isFalse();
            assertThat(send(d, "b2", "end_conversation", Map.of("id", "x")).ok())
                    .isFalse();
            assertThat(markers).isEmpty();
        }
    }

    /** The five handlers as the agent's parts offer them (mute, input, self-test), in one table. */
    private static Map<String, CommandHandler> handlers(
            MuteState mute, ConversationControl conversations, CommandHandler selfTest) {
        Map<String, CommandHandler> h = new java.util.LinkedHashMap<>(PrivacyCommands.mute(mute));
        h.putAll(PrivacyCommands.conversations(conversations));
        h.putAll(PrivacyCommands.selfTest(selfTest));
        return h;
    }
}
