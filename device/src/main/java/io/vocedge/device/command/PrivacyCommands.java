package io.vocedge.device.command;

import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MuteState;
import io.vocedge.protocol.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command handlers for privacy, conversations and the self-test: {@code mute}, {@code unmute},
 * {@code start_conversation}, {@code end_conversation}, {@code selftest}. None takes arguments; any argument is
 * refused (an error result naming it), so a typo in the gateway never does something unintended.
 */
public final class PrivacyCommands {
    private PrivacyCommands() {}

    /** {@code mute} and {@code unmute}: the agent's mute part offers these. */
    public static Map<String, CommandHandler> mute(MuteState mute) {
        Map<String, CommandHandler> h = new LinkedHashMap<>();
        h.put("mute", c -> setMute(c, mute, true));
        h.put("unmute", c -> setMute(c, mute, false));
        return h;
    }

    /** {@code start_conversation} and {@code end_conversation}: the agent's input part offers these. */
    public static Map<String, CommandHandler> conversations(ConversationControl conversations) {
        Map<String, CommandHandler> h = new LinkedHashMap<>();
        h.put("start_conversation", c -> {
            noArgs(c);
            if (conversations.inConversation()) {
                return CommandHandler.Outcome.ok("a conversation is already open; nothing changed");
            }
            conversations.startConversation(MuteState.COMMAND);
            return CommandHandler.Outcome.ok("conversation started");
        });
        h.put("end_conversation", c -> {
            noArgs(c);
            boolean wasOpen = conversations.inConversation();
            conversations.endConversation(MuteState.COMMAND);
            return CommandHandler.Outcome.ok(
                    wasOpen
                            ? "conversation ended"
                            : "no conversation was started by staff; any open one"
                                    + " is ended after the audio heard so far");
        });
        return h;
    }

    /** {@code selftest}, refusing arguments before the self-test runs. */
    public static Map<String, CommandHandler> selfTest(CommandHandler selfTest) {
        return Map.of("selftest", c -> {
            noArgs(c);
            return selfTest.handle(c);
        });
    }

    private static CommandHandler.Outcome setMute(Command c, MuteState mute, boolean muted) {
        noArgs(c);
        boolean was = mute.muted();
        mute.set(muted, MuteState.COMMAND);
        String state = muted ? "muted" : "unmuted";
        return new CommandHandler.Outcome(true, was == muted ? "already " + state : state, Map.of("muted", muted));
    }

    private static void noArgs(Command c) {
        if (c.args() != null && !c.args().isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + c.name() + "' takes no arguments, got " + c.args().keySet() + ": send it with empty args");
        }
    }
}
