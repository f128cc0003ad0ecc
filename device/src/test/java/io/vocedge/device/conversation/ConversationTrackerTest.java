package io.vocedge.device.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.pipeline.ConversationEnd;
import io.vocedge.device.pipeline.Transcript;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.protocol.SpeakerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationTrackerTest {
    private final List<ConversationEnd> ends = new ArrayList<>();
    private final AtomicInteger n = new AtomicInteger();
    private final TranscriptSink sink = new TranscriptSink() {
        @Override
        public void onTranscript(Transcript transcript) {}

        @Override
        public void onConversationEnd(ConversationEnd end) {
            ends.add(end);
        }
    };
    private final ConversationTracker t =
            new ConversationTracker(10_000, 60_000, sink, () -> "c" + n.incrementAndGet());

    @Test
    void silenceGapEndsAndTalkTimeIsPerRole() {
        assertThat(t.onUtterance(0, 2_000, SpeakerRole.STAFF)).isEqualTo("c1");
        assertThat(t.onUtterance(3_000, 6_000, SpeakerRole.CUSTOMER)).isEqualTo("c1");
        assertThat(t.onUtterance(7_000, 8_000, SpeakerRole.UNKNOWN)).isEqualTo("c1");
        assertThat(t.onUtterance(18_001, 19_000, SpeakerRole.STAFF)).isEqualTo("c2"); // gap 10.001 s
        assertThat(ends).singleElement().satisfies(e -> {
            assertThat(e.conversationId()).isEqualTo("c1");
            assertThat(e.reason()).isEqualTo("silence");
            assertThat(e.startMs()).isZero();
            assertThat(e.endMs()).isEqualTo(8_000);
            assertThat(e.talkMsByRole()).isEqualTo(Map.of("staff", 2_000L, "customer", 3_000L, "unknown", 1_000L));
        });
    }

    @Test
    void frontEndBoundaryButtonMaxLengthAndShutdown() {
        t.onUtterance(0, 1_000, SpeakerRole.STAFF);
        t.onSilenceBoundary(12_000);
        t.onSilenceBoundary(13_000); // nothing open: no second end
        t.onUtterance(20_000, 21_000, SpeakerRole.CUSTOMER);
        t.onButton(22_000);
        for (int s = 30_000; s < 100_000; s += 5_000) {
            t.onUtterance(s, s + 4_000, SpeakerRole.STAFF);
        }
        t.onShutdown();
        t.onShutdown();
        assertThat(ends)
                .extracting(ConversationEnd::reason)
                .containsExactly("silence", "button", "max_length", "shutdown");
        assertThat(ends.get(1).endMs()).isEqualTo(22_000);
        ConversationEnd longOne = ends.get(2);
        assertThat(longOne.endMs() - longOne.startMs()).isLessThanOrEqualTo(60_000);
        assertThat(ends.get(3).startMs()).isEqualTo(longOne.endMs() + 1_000);
        assertThat(t.currentConversationId()).isNull();
    }
}
