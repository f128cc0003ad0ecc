package io.vocedge.device.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vocedge.common.fs.DataDirLock;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real assembly with a replay input and no broker: parts in the documented order, every command the agent has
 * always known, the status fields of every part, and nothing left running or locked after a stop or a failed start.
 */
class DeviceAssemblyTest {
    private static final Instant FLOOR = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    private DeviceConfig config() throws Exception {
        Path cfg = dir.resolve("device.yaml");
        Files.writeString(cfg, """
                device: {id: dev-asm-1, site: test-site}
                data_dir: %s
                broker: {url: "tcp://127.0.0.1:%d"}
                hardware: {enabled: false}
                """.formatted(dir.resolve("data"), FreePorts.next()));
        return DeviceConfig.load(cfg);
    }

    private AgentInput emptyReplay() throws Exception {
        Path replay = Files.writeString(dir.resolve("empty.jsonl"), "");
        return AgentInput.replay(replay, 0);
    }

    @Test
    void partsStartInTheDocumentedOrderAndOfferEveryCommand() throws Exception {
        DeviceConfig cfg = config();
        try (DeviceAssembly agent = DeviceAssembly.start(cfg, "test", FLOOR, emptyReplay())) {
            assertThat(agent.partNames())
                    .containsExactly(
                            "DataDirLock",
                            "DiskWatch",
                            "SystemRecordClock",
                            "MuteState",
                            "OutboxSync",
                            "TelemetryPublisher",
                            "InsightStage",
                            "Forgetter",
                            "Hardware",
                            "ReplayInput",
                            "AgentCommands",
                            "SelfTest",
                            "CommandDispatcher",
                            "StatusWatch");
            assertThat(agent.commands().keySet())
                    .containsExactlyInAnyOrder(
                            "mute",
                            "unmute",
                            "start_conversation",
                            "end_conversation",
                            "selftest",
                            "forget",
                            "set_log_level",
                            "status");
            assertThat(agent.status().details())
                    .containsKeys(
                            "disk_state",
                            "muted",
                            "outbox_depth",
                            "outbox_evicted",
                            "acks_refused",
                            "lexicon_updates_refused",
                            "lexicon_version",
                            "model_version",
                            "model_updates_refused",
                            "input",
                            "light",
                            "hardware",
                            "commands_refused");
            assertThat(agent.status().details())
                    .containsEntry("hardware", "none")
                    .containsEntry("muted", false);
            await().atMost(Duration.ofSeconds(10)).until(agent::inputFinished);
        }
        try (DataDirLock again = DataDirLock.acquire(cfg.dataDir(), "test")) {
            assertThat(again).as("the lock is released on stop").isNotNull();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> agentThreads().isEmpty());
    }

    @Test
    void aPartThatFailsToStartStopsTheOnesBeforeItAndLeavesNothingRunning() throws Exception {
        DeviceConfig cfg = config();
        assertThatThrownBy(() -> DeviceAssembly.start(cfg, "test", FLOOR, (sink, muted) -> {
                    throw new IllegalStateException("no input");
                }))
                .hasMessage("no input");
        try (DataDirLock again = DataDirLock.acquire(cfg.dataDir(), "test")) {
            assertThat(again).as("the lock is released").isNotNull();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> agentThreads().isEmpty());
    }

    @Test
    void aSecondAgentOnTheSameDataDirIsRefusedBeforeAnythingStarts() throws Exception {
        DeviceConfig cfg = config();
        try (DeviceAssembly first = DeviceAssembly.start(cfg, "test", FLOOR, emptyReplay())) {
            assertThatThrownBy(() -> DeviceAssembly.start(cfg, "test", FLOOR, emptyReplay()))
                    .hasMessageContaining("in use");
            assertThat(first.status().details()).containsKey("outbox_depth");
        }
    }

    /** Threads the agent's parts start (disk watch, sync, telemetry, replay, light watcher, commands). */
    private static Set<String> agentThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.equals("voc-disk-watch")
                        || n.equals("sync-dev-asm-1")
                        || n.equals("telemetry")
                        || n.equals("replay")
                        || n.equals("voc-light-state")
                        || n.equals("commands"))
                .collect(Collectors.toSet());
    }
}
