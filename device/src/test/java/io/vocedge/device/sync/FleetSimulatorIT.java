package io.vocedge.device.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.simulate.FleetSimulator;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet simulator's progress snapshots (what bench/broker-outage.sh reads) against a real Mosquitto and the
 * acking gateway double: counts over time, and production going on while the broker is down.
 */
class FleetSimulatorIT {
    @TempDir
    Path dir;

    @Test
    void progressCountsCommittedAndAckedRecordsToTheEnd() throws Exception {
        List<FleetSimulator.Progress> seen = new CopyOnWriteArrayList<>();
        try (MosquittoBroker broker = MosquittoBroker.start();
                AckingGatewayDouble gateway = new AckingGatewayDouble(broker.url())) {
            FleetSimulator.Report report = new FleetSimulator(
                            3,
                            40,
                            broker.url(),
                            dir,
                            "site-a",
                            false,
                            Duration.ofSeconds(60),
                            Json.newMapper(),
                            0,
                            new FleetSimulator.Extras(Duration.ofMillis(50), 0.5, 3),
                            seen::add)
                    .run();
            assertThat(report.complete()).isTrue();
            assertThat(report.recordsAcked()).isEqualTo(120);
        }
        assertThat(seen).isNotEmpty();
        FleetSimulator.Progress last = seen.get(seen.size() - 1);
        assertThat(last.committed()).isEqualTo(120);
        assertThat(last.acked()).isEqualTo(120);
        assertThat(last.devices()).isEqualTo(3);
        assertThat(last.line()).contains("event=sim_progress", "committed=120", "acked=120");
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).committed())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).committed());
            assertThat(seen.get(i).acked())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).acked());
            assertThat(seen.get(i).epochMs())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).epochMs());
        }
    }

    @Test
    void pacedDevicesKeepCommittingWhileTheBrokerIsDownAndDeliverEverythingAfterwards() throws Exception {
        List<FleetSimulator.Progress> seen = new CopyOnWriteArrayList<>();
        var runner = Executors.newSingleThreadExecutor();
        try (MosquittoBroker broker = MosquittoBroker.start();
                AckingGatewayDouble gateway = new AckingGatewayDouble(broker.url())) {
            // 3 devices x 60 records at 30 records/s in total: about 6 s of production, the broker gone for 2 s of it.
            Future<FleetSimulator.Report> run = runner.submit(() -> new FleetSimulator(
                            3,
                            60,
                            broker.url(),
                            dir,
                            "site-a",
                            false,
                            Duration.ofSeconds(90),
                            Json.newMapper(),
                            30,
                            new FleetSimulator.Extras(Duration.ofMillis(100), 0, 1),
                            seen::add)
                    .run());
            waitUntil(() -> !seen.isEmpty() && seen.get(seen.size() - 1).committed() >= 30);
            broker.kill();
            waitUntil(() -> seen.get(seen.size() - 1).connected() == 0);
            long committedWhenDown = seen.get(seen.size() - 1).committed();
            waitUntil(() -> seen.get(seen.size() - 1).committed() >= committedWhenDown + 20);
            assertThat(seen.get(seen.size() - 1).connected()).isZero();
            broker.startAgain();
            FleetSimulator.Report report = run.get();
            assertThat(report.complete()).isTrue();
            assertThat(report.recordsAcked()).isEqualTo(180);
        } finally {
            runner.shutdownNow();
        }
        FleetSimulator.Progress last = seen.get(seen.size() - 1);
        assertThat(last.committed()).isEqualTo(180);
        assertThat(last.acked()).isEqualTo(180);
        assertThat(last.connected()).isEqualTo(3);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
