package io.vocedge.device.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Utterance;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's outbox and sync against a real Mosquitto. */
class SyncEngineIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();

    private OutboxSync stack(String url, Duration ackTimeout) throws Exception {
        return stack(dir, url, ackTimeout);
    }

    /** dev-1's outbox in {@code dir} and its sync on {@code url}: window of 4 batches of 50 (AckForgeryIT too). */
    static OutboxSync stack(Path dir, String url, Duration ackTimeout) throws Exception {
        SyncConfig d = SyncConfig.defaults();
        SyncConfig sc = new SyncConfig(
                50,
                d.maxBatchBytes(),
                4,
                ackTimeout,
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                d.sessionExpiry(),
                d.keepAlive(),
                d.linger());
        return OutboxSync.open(
                new OutboxSync.Identity("dev-1", "site-a", url, null),
                OutboxConfig.defaults(dir.resolve("outbox.db")),
                sc,
                Json.newMapper(),
                "boot",
                () -> 1,
                () -> new Status("dev-1", "site-a", Status.ONLINE, Instant.now(), true, "test", Map.of()),
                (c, p, r) -> {},
                a -> {});
    }

    static Utterance utterance(int i) {
        return new Utterance(
                "dev-1",
                0,
                new RecordTime(Instant.now(), true, "boot", i),
                "c",
                "en",
                null,
                "text " + i,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "test");
    }

    @Test
    void everyRecordReachesTheGatewayAndIsDeletedOnlyAfterItsAck() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
                AckingGatewayDouble gateway = new AckingGatewayDouble(broker.url());
                OutboxSync s = stack(broker.url(), Duration.ofSeconds(2))) {
            gateway.dropNextAcks.set(2);
            for (int i = 0; i < 500; i++) {
                s.outbox().accept(utterance(i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> s.outbox().depth() == 0);
            assertThat(gateway.received)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, 500).boxed().toList());
            // The two unacked batches were sent again after the ack timeout.
            assertThat(s.sync().stats().batchesResent()).isGreaterThanOrEqualTo(2);
            assertThat(gateway.duplicates.get()).isGreaterThan(0);
        }
    }

    @Test
    void recordsMadeWhileTheBrokerIsDownArriveAfterItComesBack() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
                AckingGatewayDouble gateway = new AckingGatewayDouble(broker.url());
                OutboxSync s = stack(broker.url(), Duration.ofSeconds(3))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> s.sync().isConnected());
            for (int i = 0; i < 100; i++) {
                s.outbox().accept(utterance(i));
            }
            broker.kill();
            for (int i = 100; i < 1100; i++) {
                s.outbox().accept(utterance(i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !s.sync().isConnected());
            assertThat(s.outbox().depth()).isGreaterThanOrEqualTo(1000);
            broker.startAgain();
            await().atMost(Duration.ofSeconds(60)).until(() -> s.outbox().depth() == 0);
            assertThat(gateway.received)
                    .containsAll(LongStream.rangeClosed(1, 1100).boxed().toList());
            assertThat(s.sync().stats().connectFailures()).isPositive();
        }
    }

    @Test
    void restartedAgentResendsWhatWasNeverAckedAndKeepsCountingUp() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
                AckingGatewayDouble gateway = new AckingGatewayDouble(broker.url())) {
            gateway.dropNextAcks.set(1000);
            try (OutboxSync s = stack(broker.url(), Duration.ofSeconds(60))) {
                for (int i = 0; i < 120; i++) {
                    s.outbox().accept(utterance(i));
                }
                // Under load batches are small and the window of 4 fills before all 120 went out: some is enough.
                await().atMost(Duration.ofSeconds(10)).until(() -> !gateway.received.isEmpty());
                assertThat(s.outbox().depth()).isEqualTo(120);
            }
            gateway.dropNextAcks.set(0);
            try (OutboxSync s = stack(broker.url(), Duration.ofSeconds(60))) {
                assertThat(s.outbox().accept(utterance(999))).isEqualTo(121);
                await().atMost(Duration.ofSeconds(20)).until(() -> s.outbox().depth() == 0);
            }
            assertThat(gateway.received).hasSize(121);
        }
    }
}
