package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-memory hand-off of committed events: served only when complete, bounded, drops on overflow. */
class CommittedEventsTest {
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00.123456Z");

    static OutboxRow row(String key, long dseq, int bytes) {
        return new OutboxRow(key, dseq, key + ":" + dseq, "utterance", "voc.utterance/1", AT, "gw", "{}", bytes);
    }

    static List<OutboxRow> rows(String key, long from, long to) {
        List<OutboxRow> out = new ArrayList<>();
        for (long d = from; d <= to; d++) {
            out.add(row(key, d, 10));
        }
        return out;
    }

    @Test
    void servesAKeyOnlyWhenEveryPendingEventIsHeld() {
        CommittedEvents held = new CommittedEvents(100, 10_000);
        held.offer(rows("a", 1, 3));
        assertThat(held.take("a", 0, 3)).extracting(OutboxRow::dseq).containsExactly(1L, 2L, 3L);
        assertThat(held.take("a", 1, 3)).extracting(OutboxRow::dseq).containsExactly(2L, 3L); // 1 is sent: dropped
        assertThat(held.events()).isEqualTo(2);
        assertThat(held.take("a", 1, 2)).extracting(OutboxRow::dseq).containsExactly(2L); // newer ones stay for later
        assertThat(held.take("a", 1, 4)).isNull(); // dseq 4 committed elsewhere (another gateway): read the store
        assertThat(held.take("b", 0, 1)).isNull(); // never held
        held.sent(Map.of("a", 3L));
        assertThat(held.events()).isZero();
    }

    @Test
    void aGapDropsTheOlderRunAndAMissingStartIsNeverServed() {
        CommittedEvents held = new CommittedEvents(100, 10_000);
        held.offer(rows("a", 1, 2));
        held.offer(rows("a", 4, 5)); // dseq 3: a status, or another gateway's event
        assertThat(held.events()).isEqualTo(2);
        assertThat(held.take("a", 0, 5)).isNull(); // 1..3 must come from the store
        assertThat(held.take("a", 3, 5)).extracting(OutboxRow::dseq).containsExactly(4L, 5L);
    }

    @Test
    void overflowDropsEverythingHeldAndNothingIsServedHalf() {
        CommittedEvents held = new CommittedEvents(5, 10_000);
        held.offer(rows("a", 1, 3));
        held.offer(rows("b", 1, 3)); // 6 > 5: all dropped, then b's taken in
        assertThat(held.overflows()).isEqualTo(1);
        assertThat(held.take("a", 0, 3)).isNull();
        assertThat(held.take("b", 0, 3)).hasSize(3);
        held.offer(rows("c", 1, 6)); // larger than the bound on its own: dropped
        assertThat(held.overflows()).isEqualTo(2);
        assertThat(held.events()).isZero();
        CommittedEvents bytes = new CommittedEvents(100, 25);
        bytes.offer(rows("a", 1, 2));
        bytes.offer(rows("a", 3, 3)); // 30 bytes > 25
        assertThat(bytes.overflows()).isEqualTo(1);
        assertThat(bytes.take("a", 0, 3)).isNull();
        assertThat(bytes.take("a", 2, 3)).extracting(OutboxRow::dseq).containsExactly(3L);
    }

    @Test
    void utf8LengthIsWhatGetBytesGives() {
        Random random = new Random(18);
        List<String> samples = new ArrayList<>(List.of("", "abc", "é", "€", "😀", "a\uD800b", "\uDC00", "x\uD83D"));
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(20);
            for (int j = 0; j < n; j++) {
                sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80)));
            }
            samples.add(sb.toString());
        }
        for (String s : samples) {
            assertThat(ForwardOutbox.utf8Length(s)).as("%s", s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
