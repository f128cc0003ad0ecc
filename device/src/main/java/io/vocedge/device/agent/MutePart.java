package io.vocedge.device.agent;

import io.vocedge.device.command.CommandHandler;
import io.vocedge.device.command.PrivacyCommands;
import io.vocedge.device.privacy.MuteState;
import java.util.Map;

/**
 * The persisted privacy mute. Loaded before the input is built, so capture sees it from its first block; the button,
 * the {@code mute}/{@code unmute} commands and the status light act on this one state.
 */
final class MutePart implements AgentPart {
    private final MuteState mute;

    MutePart(MuteState mute) {
        this.mute = mute;
    }

    MuteState state() {
        return mute;
    }

    @Override
    public String name() {
        return "MuteState";
    }

    @Override
    public void stop() {}

    @Override
    public void statusFields(Map<String, Object> into) {
        into.put("muted", mute.muted());
        if (mute.persistProblem() != null) {
            into.put("mute_persist_problem", mute.persistProblem());
        }
    }

    @Override
    public void metrics(Map<String, Double> into) {
        into.put("muted", mute.muted() ? 1.0 : 0.0);
    }

    @Override
    public Map<String, CommandHandler> commands() {
        return PrivacyCommands.mute(mute);
    }
}
