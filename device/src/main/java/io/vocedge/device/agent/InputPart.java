package io.vocedge.device.agent;

import io.vocedge.device.command.CommandHandler;
import io.vocedge.device.command.PrivacyCommands;
import io.vocedge.device.pipeline.InputPipeline;
import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MarkerConversationControl;
import io.vocedge.device.privacy.MuteState;
import java.util.Map;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Where transcripts come from (replay, or audio through front-end and recognizer), with what acts on it: staff's
 * conversation markers (button, commands) and the mute, which also deletes the audio still waiting for recognition,
 * so nothing heard before a mute stays on disk. Started last of the pipeline, stopped first, so what it heard drains
 * into the outbox.
 */
final class InputPart implements AgentPart {
    private final InputPipeline input;
    private final MuteState mute;
    private final ConversationControl conversations;
    private final Consumer<Boolean> dropOnMute;

    InputPart(InputPipeline input, MuteState mute) {
        this.input = input;
        this.mute = mute;
        this.conversations = new MarkerConversationControl(
                atMs -> {
                    if (!input.markConversationEnd()) {
                        Logger.info(
                                "event=conversation_marker_ignored reason=\"input is {}, not audio\"",
                                input.describe());
                    }
                },
                () -> 0L);
        this.dropOnMute = nowMuted -> {
            if (nowMuted) {
                input.dropPendingAudio(Long.MIN_VALUE);
            }
        };
    }

    InputPipeline input() {
        return input;
    }

    ConversationControl conversations() {
        return conversations;
    }

    @Override
    public String name() {
        return input.getClass().getSimpleName();
    }

    @Override
    public void start() {
        mute.addListener(dropOnMute);
        input.start();
    }

    @Override
    public void stop() {
        mute.removeListener(dropOnMute);
        input.close();
    }

    @Override
    public void statusFields(Map<String, Object> into) {
        into.put("input", input.describe());
        into.putAll(input.statusDetails());
    }

    @Override
    public void metrics(Map<String, Double> into) {
        input.metrics(into);
    }

    @Override
    public Map<String, CommandHandler> commands() {
        return PrivacyCommands.conversations(conversations);
    }
}
