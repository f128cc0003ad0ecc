package io.vocedge.device.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.device.sync.OutboxSync;
import io.vocedge.device.sync.SyncConfig;
import io.vocedge.protocol.Command;
import io.vocedge.protocol.CommandResult;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replayed commands through a real Mosquitto: a retained command (left on the broker by a gateway bug or an
 * attacker) is refused on every (re)connect and across restarts, and a command re-published after it ran is refused,
 * also after the agent restarted. The handler counts how often it really ran.
 */
class CommandReplayIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final List<CommandResult> results = new CopyOnWriteArrayList<>();
    private final AtomicInteger mutes = new AtomicInteger();

    /** The agent's command path: dispatcher with its guard on the data dir, behind a real sync link. */
    private record Agent(CommandDispatcher dispatcher, OutboxSync sync) implements AutoCloseable {
        @Override
        public void close() {
            sync.close();
            dispatcher.close();
        }
    }

    private Agent start(String url) throws Exception {
        CommandDispatcher d = new CommandDispatcher(
                "dev-1",
                json,
                new SchemaValidator(),
                Map.of("mute", c -> {
                    mutes.incrementAndGet();
                    return CommandHandler.Outcome.ok("muted");
                }),
                results::add,
                CommandGuard.open(dir, CommandConfig.defaults(), Clock.systemUTC()));
        OutboxSync s = OutboxSync.open(
                new OutboxSync.Identity("dev-1", "site-a", url, null),
                OutboxConfig.defaults(dir.resolve("outbox.db")),
                SyncConfig.defaults(),
                json,
                "boot",
                () -> 1,
                () -> new Status("dev-1", "site-a", Status.ONLINE, Instant.now(), true, "test", Map.of()),
                (c, p, r) -> d.onCommand(p, r),
                a -> {});
        await().atMost(Duration.ofSeconds(15)).until(() -> s.sync().isConnected());
        return new Agent(d, s);
    }

    private long resultsFor(String id) {
        return results.stream().filter(r -> r.commandId().equals(id)).count();
    }

    private CommandResult last(String id) {
        return results.stream()
                .filter(r -> r.commandId().equals(id))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void retainedAndRepublishedCommandsNeverRunAgainAcrossRestarts() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            MqttClient gateway = new MqttClient(broker.url(), "gw-" + System.nanoTime(), new MemoryPersistence());
            gateway.connect(new MqttConnectionOptions());
            String topic = Topics.command("site-a", "dev-1");
            byte[] retained = json.writeValueAsBytes(new Command("ret-1", "dev-1", "mute", Map.of(), Instant.now()));
            gateway.publish(topic, retained, 1, true);

            try (Agent a = start(broker.url())) {
                await().atMost(Duration.ofSeconds(15)).until(() -> resultsFor("ret-1") == 1);
                assertThat(last("ret-1").ok()).isFalse();
                assertThat(last("ret-1").message()).contains("retained");

                byte[] live = json.writeValueAsBytes(new Command("live-1", "dev-1", "mute", Map.of(), Instant.now()));
                gateway.publish(topic, live, 1, false);
                await().atMost(Duration.ofSeconds(15)).until(() -> resultsFor("live-1") == 1);
                assertThat(last("live-1").ok()).isTrue();
                gateway.publish(topic, live, 1, false);
                await().atMost(Duration.ofSeconds(15)).until(() -> resultsFor("live-1") == 2);
                assertThat(last("live-1").message()).contains("already executed");
            }
            // Restart: the retained command comes again and is refused again; the old live one stays refused.
            try (Agent a = start(broker.url())) {
                await().atMost(Duration.ofSeconds(15)).until(() -> resultsFor("ret-1") == 2);
                assertThat(last("ret-1").message()).contains("retained");
                gateway.publish(
                        topic,
                        json.writeValueAsBytes(new Command("live-1", "dev-1", "mute", Map.of(), Instant.now())),
                        1,
                        false);
                await().atMost(Duration.ofSeconds(15)).until(() -> resultsFor("live-1") == 3);
                assertThat(last("live-1").message()).contains("already executed");
            }
            assertThat(mutes).hasValue(1);
            gateway.disconnect();
            gateway.close();
        }
    }
}
