package io.vocedge.device.agent;

import io.vocedge.device.command.CommandDispatcher;
import java.util.Map;

/**
 * The command dispatcher, built once every part offering commands has started (its table is theirs), and the
 * {@link Downlink} it opens: commands held while the agent started are run now. Stops before the parts its
 * commands act on.
 */
final class CommandPart implements AgentPart {
    private final CommandDispatcher dispatcher;
    private final Downlink downlink;
    private final Downlink.Receivers updaters;

    /** {@code updaters}: the lexicon and model updaters' receivers (the dispatcher is put in as the command one). */
    CommandPart(CommandDispatcher dispatcher, Downlink downlink, Downlink.Receivers updaters) {
        this.dispatcher = dispatcher;
        this.downlink = downlink;
        this.updaters = updaters;
    }

    @Override
    public String name() {
        return "CommandDispatcher";
    }

    @Override
    public void start() {
        downlink.open(new Downlink.Receivers(dispatcher, updaters.lexicon(), updaters.model(), updaters.modelChunk()));
    }

    @Override
    public void stop() {
        downlink.close();
        dispatcher.close();
    }

    @Override
    public void statusFields(Map<String, Object> into) {
        into.put("commands_refused", dispatcher.refused());
    }
}
