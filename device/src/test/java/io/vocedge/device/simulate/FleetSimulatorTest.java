package io.vocedge.device.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.UpRecord;
import io.vocedge.protocol.Utterance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the fleet simulator feeds its outboxes: utterances, and conversation summaries when asked for. */
class FleetSimulatorTest {
    private static final RecordTime T = new RecordTime(Instant.parse("2026-12-03T08:00:00Z"), true, "boot", 0);

    private static FleetSimulator sim(int devices, double share, int sites) {
        return sim(devices, new FleetSimulator.Extras(null, share, sites));
    }

    private static FleetSimulator sim(int devices, FleetSimulator.Extras extras) {
        return new FleetSimulator(
                devices,
                100,
                "tcp://127.0.0.1:1",
                Path.of("unused"),
                "site",
                false,
                Duration.ofSeconds(1),
                Json.newMapper(),
                0,
                extras,
                p -> {});
    }

    @Test
    void withoutAnAttentionShareEveryRecordIsAnUtterance() {
        FleetSimulator s = sim(4, 0, 1);
        for (int d = 0; d < 4; d++) {
            for (int n = 0; n < 100; n++) {
                assertThat(s.record(d, n, T)).isInstanceOf(Utterance.class);
            }
        }
        assertThat(s.siteOf(3)).isEqualTo("site");
    }

    @Test
    void everyConversationEndsWithASummaryAndTheStatedShareNeedsAttention() {
        int devices = 200;
        FleetSimulator s = sim(devices, 0.1, 1);
        int summaries = 0;
        int attention = 0;
        Map<String, Integer> perConversation = new HashMap<>();
        for (int d = 0; d < devices; d++) {
            for (int n = 0; n < 100; n++) {
                UpRecord r = s.record(d, n, T);
                if (r instanceof ConversationSummary c) {
                    summaries++;
                    assertThat(n % 20).isEqualTo(19);
                    assertThat(c.deviceId()).isEqualTo(String.format("sim-%04d", d));
                    assertThat(c.conversationId()).isEqualTo("sim-conv-" + n / 20);
                    perConversation.merge(c.deviceId() + c.conversationId(), 1, Integer::sum);
                    if (c.attention().flag()) {
                        attention++;
                        assertThat(c.attention().reason()).isNotBlank();
                    }
                } else {
                    assertThat(((Utterance) r).conversationId()).isEqualTo("sim-conv-" + n / 20);
                }
            }
        }
        assertThat(summaries).isEqualTo(devices * 5);
        assertThat(perConversation.values()).containsOnly(1);
        assertThat(attention).isEqualTo(100); // 10 % of 1,000 conversations, exactly
        // All of them: share 1.
        FleetSimulator all = sim(2, 1, 1);
        assertThat(((ConversationSummary) all.record(1, 39, T)).attention().flag())
                .isTrue();
    }

    @Test
    void summariesAndUtterancesPassTheWireSchema() throws Exception {
        var json = Json.newMapper();
        var validator = new SchemaValidator();
        FleetSimulator s = sim(2, 0.5, 1);
        for (int n = 0; n < 40; n++) {
            UpRecord r = s.record(n % 2, n, T).withSeq(n + 1);
            JsonNode node = json.readTree(json.writeValueAsString(r));
            assertThat(validator.problems(r.schemaId(), node))
                    .as("record %d", n)
                    .isEmpty();
        }
    }

    @Test
    void sitesAreSpreadRoundRobinAndOptionsAreChecked() {
        FleetSimulator s = sim(10, 0, 4);
        assertThat(s.siteOf(0)).isEqualTo("site-00");
        assertThat(s.siteOf(5)).isEqualTo("site-01");
        assertThat(s.siteOf(7)).isEqualTo("site-03");
        assertThatThrownBy(() -> new FleetSimulator.Extras(null, 1.5, 1)).hasMessageContaining("--attention-share");
        assertThatThrownBy(() -> new FleetSimulator.Extras(null, Double.NaN, 1))
                .hasMessageContaining("--attention-share");
        assertThatThrownBy(() -> new FleetSimulator.Extras(null, 0, 0)).hasMessageContaining("--sites");
        assertThatThrownBy(() -> sim(3, 0, 4)).hasMessageContaining("--sites");
    }

    @Test
    void aSecondFleetGetsItsOwnDeviceIds() {
        FleetSimulator warm = sim(2, new FleetSimulator.Extras(null, 0, 1, "warm"));
        assertThat(((Utterance) warm.record(1, 0, T)).deviceId()).isEqualTo("warm-0001");
        assertThat(((Utterance) sim(2, 0, 1).record(1, 0, T)).deviceId()).isEqualTo("sim-0001");
        assertThatThrownBy(() -> new FleetSimulator.Extras(null, 0, 1, "Warm-Up/1"))
                .hasMessageContaining("--device-prefix");
    }
}
