package io.vocedge.device.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MarkerConversationControlTest {
    @Test
    void startAndEndAppendMarkersAtTheCaptureTime() {
        List<Long> markers = new CopyOnWriteArrayList<>();
        AtomicLong clock = new AtomicLong(1_000);
        ConversationControl c = new MarkerConversationControl(markers::add, clock::get);
        assertThat(c.inConversation()).isFalse();
        assertThat(c.toggleConversation("button")).isTrue();
        clock.set(61_000);
        assertThat(c.inConversation()).isTrue();
        assertThat(c.toggleConversation("button")).isFalse();
        c.endConversation("command");
        assertThat(markers).containsExactly(1_000L, 61_000L, 61_000L);
        assertThat(c.inConversation()).isFalse();
    }
}
