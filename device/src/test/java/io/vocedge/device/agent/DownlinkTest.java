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
        down.open(new Downlink.Receivers(
                (p, r) -> commands.add(new String(p, StandardCharsets.UTF_8)),
                (p, r) -> lexicons.add(new String(p, StandardCharsets.UTF_8) + (r ? " retained" : "")),
                (p, r) -> {},
                (p, r) -> {}));
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
    void onlyTheLatestModelManifestIsHeldAndChunksBeforeOpenAreDropped() {
        Downlink down = new Downlink();
        down.onMessage(Topics.DOWN_MODEL, b("m1"), true);
        down.onMessage(Topics.DOWN_MODEL_CHUNK, b("chunk-from-the-last-run"), false);
        down.onMessage(Topics.DOWN_MODEL, b("m2"), true);
        List<String> models = new ArrayList<>();
        List<String> chunks = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        down.open(new Downlink.Receivers(
                (p, r) -> commands.add(new String(p, StandardCharsets.UTF_8)),
                (p, r) -> {},
                (p, r) -> models.add(new String(p, StandardCharsets.UTF_8) + (r ? " retained" : "")),
                (p, r) -> chunks.add(new String(p, StandardCharsets.UTF_8))));
        assertThat(models).containsExactly("m2 retained");
        assertThat(chunks).isEmpty();
        down.onMessage(Topics.DOWN_MODEL_CHUNK, b("c0"), false);
        down.onMessage(Topics.DOWN_MODEL, b("m3"), false);
        assertThat(chunks).containsExactly("c0");
        assertThat(models).containsExactly("m2 retained", "m3");
        assertThat(commands).isEmpty();
    }

    @Test
    void atMostTheBoundOfCommandsIsHeld() {
        Downlink down = new Downlink();
        for (int i = 0; i < Downlink.MAX_HELD + 5; i++) {
            down.onMessage("down/command", b("c" + i), false);
        }
        List<String> commands = new ArrayList<>();
        down.open(new Downlink.Receivers(
                (p, r) -> commands.add(new String(p, StandardCharsets.UTF_8)),
                (p, r) -> {},
                (p, r) -> {},
                (p, r) -> {}));
        assertThat(commands).hasSize(Downlink.MAX_HELD).startsWith("c0");
    }
}
