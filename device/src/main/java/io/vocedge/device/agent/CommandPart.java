package io.vocedge.device.agent;

import io.vocedge.device.command.CommandDispatcher;
import io.vocedge.device.command.CommandSink;
import java.util.Map;

/**
 * The command dispatcher, built once every part offering commands has started (its table is theirs), and the
 * {@link Downlink} it opens: commands held while the agent started are run now. Stops before the parts its
 * commands act on.
 */
final class CommandPart implements AgentPart {
    private final CommandDispatcher dispatcher;
    private final Downlink downlink;
    private final CommandSink lexicon;

    CommandPart(CommandDispatcher dispatcher, Downlink downlink, CommandSink lexicon) {
        this.dispatcher = dispatcher;
        this.downlink = downlink;
        this.lexicon = lexicon;
    }

    @Override
    public String name() {
        return "CommandDispatcher";
    }

    @Override
    public void start() {
        downlink.open(dispatcher, lexicon);
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
