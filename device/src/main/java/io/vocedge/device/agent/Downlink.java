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
 * input), and the lexicon and model updaters need sync to re-publish the status. So sync gets this object as its
 * receiver, and the assembly {@link #open opens} it once the dispatcher is built. Until then messages are held: the
 * latest {@code down/lexicon} and the latest {@code down/model} (both retained, each one replaces the last) and up to
 * {@value #MAX_HELD} commands in arrival order (the dispatcher's own queue bound). A {@code down/model_chunk} before
 * then is dropped: it answers no request of this run (the model updater asks again). Once {@link #close closed}
 * (shutdown), messages are dropped.
 */
final class Downlink implements DownSink {
    static final int MAX_HELD = 32;

    private record Held(byte[] payload, boolean retained) {}

    /** Where the messages go once open. */
    record Receivers(CommandSink commands, CommandSink lexicon, CommandSink model, CommandSink modelChunk) {}

    private final Deque<Held> heldCommands = new ArrayDeque<>();
    private Held heldLexicon;
    private Held heldModel;
    private Receivers to;
    private boolean closed;

    @Override
    public synchronized void onMessage(String channel, byte[] payload, boolean retained) {
        if (closed) {
            Logger.info("event=down_message_dropped channel={} reason=stopping", channel);
        } else if (to == null) {
            hold(channel, new Held(payload, retained));
        } else {
            receiver(channel).onCommand(payload, retained);
        }
    }

    private void hold(String channel, Held h) {
        if (Topics.DOWN_LEXICON.equals(channel)) {
            heldLexicon = h;
        } else if (Topics.DOWN_MODEL.equals(channel)) {
            heldModel = h;
        } else if (Topics.DOWN_MODEL_CHUNK.equals(channel)) {
            Logger.info(
                    "event=down_message_dropped channel={} reason=\"agent starting, no request sent yet\"", channel);
        } else if (heldCommands.size() < MAX_HELD) {
            heldCommands.add(h);
        } else {
            Logger.warn(
                    "event=down_message_dropped channel={} reason=\"agent starting, {} commands held\"",
                    channel,
                    MAX_HELD);
        }
    }

    private CommandSink receiver(String channel) {
        if (Topics.DOWN_LEXICON.equals(channel)) {
            return to.lexicon();
        } else if (Topics.DOWN_MODEL.equals(channel)) {
            return to.model();
        } else if (Topics.DOWN_MODEL_CHUNK.equals(channel)) {
            return to.modelChunk();
        }
        return to.commands();
    }

    /** From now on messages go to these; what was held is handed over first, in arrival order. */
    synchronized void open(Receivers receivers) {
        this.to = receivers;
        if (heldLexicon != null) {
            receivers.lexicon().onCommand(heldLexicon.payload(), heldLexicon.retained());
            heldLexicon = null;
        }
        if (heldModel != null) {
            receivers.model().onCommand(heldModel.payload(), heldModel.retained());
            heldModel = null;
        }
        while (!heldCommands.isEmpty()) {
            Held h = heldCommands.poll();
            receivers.commands().onCommand(h.payload(), h.retained());
        }
    }

    /** The receivers are stopping: drop whatever still arrives. */
    synchronized void close() {
        closed = true;
    }
}
