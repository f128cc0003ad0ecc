package io.vocedge.device.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages that arrive while the agent starts wait for their receivers; none arrives after shutdown began. */
class DownlinkTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void heldCommandsAreHandedOverInOrderAndOnlyTheLatestLexicon() {
        Downlink down = new Downlink();
        down.onMessage("down/command", b("c1"), false);
        down.onMessage(Topics.DOWN_LEXICON, b("lex1"), true);
        down.onMessage("down/command", b("c2"), false);
        down.onMessage(Topics.DOWN_LEXICON, b("lex2"), true);
        List<String> commands = new ArrayList<>();
        List<String> lexicons = new ArrayList<>();
        down.open(
                (p, r) -> commands.add(new String(p, StandardCharsets.UTF_8)),
                (p, r) -> lexicons.add(new String(p, StandardCharsets.UTF_8) + (r ? " retained" : "")));
        assertThat(commands).containsExactly("c1", "c2");
        assertThat(lexicons).containsExactly("lex2 retained");
        down.onMessage("down/command", b("c3"), false);
        down.onMessage(Topics.DOWN_LEXICON, b("lex3"), false);
        assertThat(commands).containsExactly("c1", "c2", "c3");
        assertThat(lexicons).containsExactly("lex2 retained", "lex3");
        down.close();
        down.onMessage("down/command", b("c4"), false);
        assertThat(commands).hasSize(3);
    }

    @Test
    void atMostTheBoundOfCommandsIsHeld() {
        Downlink down = new Downlink();
        for (int i = 0; i < Downlink.MAX_HELD + 5; i++) {
            down.onMessage("down/command", b("c" + i), false);
        }
        List<String> commands = new ArrayList<>();
        down.open((p, r) -> commands.add(new String(p, StandardCharsets.UTF_8)), (p, r) -> {});
        assertThat(commands).hasSize(Downlink.MAX_HELD).startsWith("c0");
    }
}
