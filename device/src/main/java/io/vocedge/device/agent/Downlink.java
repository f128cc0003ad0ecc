package io.vocedge.device.agent;

import io.vocedge.device.command.CommandSink;
import io.vocedge.device.sync.DownSink;
import io.vocedge.protocol.Topics;
import java.util.ArrayDeque;
import java.util.Deque;
import org.tinylog.Logger;

/**
 * The one hand-off in the assembly, and why it is needed: the MQTT session (sync) starts before the input, so that on
 * shutdown the input stops first and what it heard drains into the outbox while sync still runs. But the command
 * dispatcher's table holds commands of parts built after sync (conversation markers and {@code forget} act on the
 * input), and the lexicon updater needs sync to re-publish the status. So sync gets this object as its receiver, and
 * the assembly {@link #open opens} it once the dispatcher is built. Until then messages are held: the latest
 * {@code down/lexicon} (it is retained, each one replaces the last) and up to {@value #MAX_HELD} commands in arrival
 * order (the dispatcher's own queue bound). Once {@link #close closed} (shutdown), messages are dropped.
 */
final class Downlink implements DownSink {
    static final int MAX_HELD = 32;

    private record Held(byte[] payload, boolean retained) {}

    private final Deque<Held> heldCommands = new ArrayDeque<>();
    private Held heldLexicon;
    private CommandSink commands;
    private CommandSink lexicon;
    private boolean closed;

    @Override
    public synchronized void onMessage(String channel, byte[] payload, boolean retained) {
        boolean isLexicon = Topics.DOWN_LEXICON.equals(channel);
        if (closed) {
            Logger.info("event=down_message_dropped channel={} reason=stopping", channel);
        } else if (commands == null) {
            if (isLexicon) {
                heldLexicon = new Held(payload, retained);
            } else if (heldCommands.size() < MAX_HELD) {
                heldCommands.add(new Held(payload, retained));
            } else {
                Logger.warn(
                        "event=down_message_dropped channel={} reason=\"agent starting, {} commands held\"",
                        channel,
                        MAX_HELD);
            }
        } else if (isLexicon) {
            lexicon.onCommand(payload, retained);
        } else {
            commands.onCommand(payload, retained);
        }
    }

    /** From now on messages go to these; what was held is handed over first, in arrival order. */
    synchronized void open(CommandSink commands, CommandSink lexicon) {
        this.commands = commands;
        this.lexicon = lexicon;
        if (heldLexicon != null) {
            lexicon.onCommand(heldLexicon.payload(), heldLexicon.retained());
            heldLexicon = null;
        }
        while (!heldCommands.isEmpty()) {
            Held h = heldCommands.poll();
            commands.onCommand(h.payload(), h.retained());
        }
    }

    /** The receivers are stopping: drop whatever still arrives. */
    synchronized void close() {
        closed = true;
    }
}
