package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Telemetry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrectedTimeTest {
    private final Instant received = Instant.parse("2026-11-22T12:00:00Z");

    private Telemetry rec(boolean synced, String boot, long mono) {
        return new Telemetry(
                "d", 1, new RecordTime(Instant.parse("2026-01-01T00:00:00Z"), synced, boot, mono), Map.of());
    }

    @Test
    void syncedClockIsTrusted() {
        assertThat(BatchValidator.correctedTime(rec(true, "b", 5000), received, "b", 9000L))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void unsyncedClockIsRebuiltFromMonotonicOffsetOfTheSameBoot() {
        // Made 4 s (monotonic) before the batch was sent: 4 s before it arrived.
        assertThat(BatchValidator.correctedTime(rec(false, "b", 5000), received, "b", 9000L))
                .isEqualTo(received.minusSeconds(4));
    }

    @Test
    void recordFromAnEarlierBootFallsBackToReceiveTime() {
        assertThat(BatchValidator.correctedTime(rec(false, "old-boot", 5000), received, "b", 9000L))
                .isEqualTo(received);
        assertThat(BatchValidator.correctedTime(rec(false, "b", 5000), received, "b", null))
                .isEqualTo(received);
    }
}
