package io.vocedge.device.agent;

import io.vocedge.device.command.CommandHandler;
import io.vocedge.device.command.ForgetCommand;
import io.vocedge.device.privacy.Forgetter;
import io.vocedge.protocol.CommandResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tinylog.Logger;

/**
 * "Forget the last minutes": the {@code forget} command, and the button's forget gesture, whose result goes to the
 * gateway as a command result of its own (so the gateway deletes what it already stored of the window).
 */
final class ForgetPart implements AgentPart {
    /** What holding the privacy button forgets. */
    static final long FORGET_GESTURE_MINUTES = 5;

    private final Forgetter forgetter;
    private final SyncPart sync;
    private final String deviceId;

    ForgetPart(Forgetter forgetter, SyncPart sync, String deviceId) {
        this.forgetter = forgetter;
        this.sync = sync;
        this.deviceId = deviceId;
    }

    @Override
    public String name() {
        return "Forgetter";
    }

    @Override
    public void stop() {}

    @Override
    public Map<String, CommandHandler> commands() {
        return Map.of("forget", ForgetCommand.handler(() -> forgetter));
    }

    /** The button's forget gesture: runs off the button's thread (it deletes rows and files). */
    Runnable gesture() {
        return () -> Thread.ofVirtual().name("forget-gesture").start(() -> {
            try {
                Forgetter.Result r = forgetter.forget(Duration.ofMinutes(FORGET_GESTURE_MINUTES), "button");
                sync.publish(new CommandResult(
                        "forget-button-" + UUID.randomUUID(), deviceId, true, r.message(), Instant.now(), r.detail()));
            } catch (Exception e) {
                Logger.error("event=forget_gesture_failed error=\"{}\"", e.getMessage());
            }
        });
    }
}
