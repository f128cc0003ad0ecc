package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class HttpSinkTest {
    private static OutboxRow row(String device, long dseq, String payload) {
        return new OutboxRow(
                device,
                dseq,
                ForwardEvent.recordEventId(device, dseq),
                "utterance",
                "voc.utterance/1",
                Instant.parse("2026-01-02T03:04:05Z"),
                "gw-1",
                payload,
                payload.length());
    }

    @Test
    void theBodyCarriesEachEventWithItsIdsAndThePayloadAsJson() throws Exception {
        List<OutboxRow> batch = List.of(
                row("d1", 1, "{\"schema\":\"voc.utterance/1\",\"text\":\"h\\u00e9 \\\"x\\\"\"}"),
                row("d2", 7, "{\"a\":[1,2]}"));
        byte[] json = HttpSink.body("msg_1", "gw-1", Instant.parse("2026-01-02T03:04:06Z"), batch);
        byte[] gz = HttpSink.gzip(json);
        byte[] back;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            back = in.readAllBytes();
        }
        assertThat(back).isEqualTo(json);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.path("type").asText()).isEqualTo(HttpSink.TYPE);
        assertThat(tree.path("data").path("count").asInt()).isEqualTo(2);
        JsonNode e = tree.path("data").path("events").get(0);
        assertThat(e.path("id").asText()).isEqualTo(ForwardEvent.recordEventId("d1", 1));
        assertThat(e.path("device").asText()).isEqualTo("d1");
        assertThat(e.path("device_seq").asLong()).isEqualTo(1);
        assertThat(e.path("committed_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(e.path("payload").path("text").asText()).isEqualTo("hé \"x\"");
        assertThat(tree.path("data")
                        .path("events")
                        .get(1)
                        .path("payload")
                        .path("a")
                        .get(1)
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void theBatchIdDependsOnlyOnTheEventIds() {
        List<OutboxRow> a = List.of(row("d1", 1, "{}"), row("d1", 2, "{}"));
        assertThat(HttpSink.batchId(a))
                .isEqualTo(HttpSink.batchId(List.of(row("d1", 1, "{\"x\":1}"), row("d1", 2, "{}"))))
                .startsWith("msg_")
                .hasSize(36);
        assertThat(HttpSink.batchId(a)).isNotEqualTo(HttpSink.batchId(List.of(row("d1", 1, "{}"))));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(HttpSink.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpSink.retryAfter("Fri, 02 Jan 2026 03:05:05 GMT", now)).isEqualTo(Duration.ofSeconds(60));
        assertThat(HttpSink.retryAfter("Fri, 02 Jan 2026 03:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(HttpSink.retryAfter("soon", now)).isNull();
        assertThat(HttpSink.retryAfter(null, now)).isNull();
    }

    @Test
    void backoffWaitsBetweenHalfAndAllOfTheStepAndHonoursRetryAfterUpToTheMax() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            long w = Forwarder.jittered(1000, null, 30_000);
            assertThat(w).isBetween(500L, 1000L);
            seen.add(w);
        }
        assertThat(seen.size()).as("jitter spreads the waits").isGreaterThan(50);
        assertThat(Forwarder.jittered(1000, Duration.ofSeconds(20), 30_000)).isEqualTo(20_000);
        assertThat(Forwarder.jittered(1000, Duration.ofHours(1), 30_000)).isEqualTo(30_000);
        assertThat(Forwarder.jittered(1, null, 10)).isEqualTo(1);
    }
}
