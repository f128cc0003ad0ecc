package io.vocedge.device.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.device.command.CommandHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order parts start and stop in, what a failing part leaves behind, and one owner per command. */
class PartChainTest {
    private final List<String> events = new ArrayList<>();

    private final class Fake implements AgentPart {
        final String name;
        final boolean failsToStart;
        final Map<String, CommandHandler> commands;

        Fake(String name, boolean failsToStart, String... commands) {
            this.name = name;
            this.failsToStart = failsToStart;
            Map<String, CommandHandler> m = new java.util.LinkedHashMap<>();
            for (String c : commands) {
                m.put(c, cmd -> CommandHandler.Outcome.ok(name));
            }
            this.commands = m;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (failsToStart) {
                throw new IllegalStateException(name + " cannot start");
            }
        }

        @Override
        public void stop() {
            events.add("stop " + name);
        }

        @Override
        public void statusFields(Map<String, Object> into) {
            into.put(name + "_state", "ok");
        }

        @Override
        public Map<String, CommandHandler> commands() {
            return commands;
        }
    }

    @Test
    void partsStartInOrderAndStopInReverse() throws Exception {
        PartChain chain = new PartChain();
        chain.start(new Fake("a", false, "one"));
        chain.start(new Fake("b", false));
        chain.start(new Fake("c", false, "two", "three"));
        assertThat(chain.names()).containsExactly("a", "b", "c");
        assertThat(chain.commands()).containsOnlyKeys("one", "two", "three");
        assertThat(chain.statusFields()).containsOnlyKeys("a_state", "b_state", "c_state");
        chain.close();
        chain.close();
        assertThat(events).containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
        assertThat(chain.names()).isEmpty();
    }

    @Test
    void aPartThatFailsToStartIsReleasedAndTheEarlierOnesStopInReverse() throws Exception {
        PartChain chain = new PartChain();
        chain.start(new Fake("a", false));
        chain.start(new Fake("b", false));
        assertThatThrownBy(() -> chain.start(new Fake("c", true))).hasMessage("c cannot start");
        chain.close(); // what DeviceAssembly.start does on a failure
        assertThat(events).containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
        assertThatThrownBy(() -> chain.start(new Fake("d", false))).isInstanceOf(IllegalStateException.class);
        assertThat(events)
                .as("refused after close, and released")
                .endsWith("stop d")
                .doesNotContain("start d");
    }

    @Test
    void aCommandOfferedByTwoPartsIsRefusedBeforeTheSecondStarts() throws Exception {
        PartChain chain = new PartChain();
        chain.start(new Fake("mute", false, "mute", "unmute"));
        assertThatThrownBy(() -> chain.start(new Fake("other", false, "status", "mute")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'mute'")
                .hasMessageContaining("other")
                .hasMessageContaining("by mute");
        assertThat(events).containsExactly("start mute", "stop other");
        assertThat(chain.commands()).containsOnlyKeys("mute", "unmute");
        chain.close();
    }

    @Test
    void oneFailingStopDoesNotKeepTheOthersFromStopping() throws Exception {
        PartChain chain = new PartChain();
        chain.start(new Fake("a", false));
        chain.start(new AgentPart() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void stop() {
                throw new IllegalStateException("stuck");
            }
        });
        chain.start(new Fake("c", false));
        chain.close();
        assertThat(events).containsExactly("start a", "start c", "stop c", "stop a");
    }
}
