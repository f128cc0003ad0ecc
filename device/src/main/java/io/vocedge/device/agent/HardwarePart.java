package io.vocedge.device.agent;

import io.vocedge.device.hardware.Hardware;
import io.vocedge.device.hardware.HardwareConfig;
import io.vocedge.device.hardware.StatusLight;
import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MuteState;
import java.util.Locale;
import java.util.Map;

/**
 * The Pi's privacy button and status light. Built after the input and the forgetter because the button acts on them
 * (long press: conversation marker; hold: forget). Without GPIO the light still exists, with no outputs.
 */
final class HardwarePart implements AgentPart {
    private final HardwareConfig config;
    private final StatusLight light;
    private final MuteState mute;
    private final ConversationControl conversations;
    private final Runnable forgetGesture;
    private volatile Hardware hardware;

    HardwarePart(
            HardwareConfig config,
            StatusLight light,
            MuteState mute,
            ConversationControl conversations,
            Runnable forgetGesture) {
        this.config = config;
        this.light = light;
        this.mute = mute;
        this.conversations = conversations;
        this.forgetGesture = forgetGesture;
    }

    StatusLight light() {
        return light;
    }

    @Override
    public String name() {
        return "Hardware";
    }

    /** Never fails: without GPIO (or when Pi4J cannot load) it logs why and runs without. */
    @Override
    public void start() {
        light.follow(mute);
        hardware = Hardware.start(config, light, Hardware.agentActions(mute, conversations, forgetGesture));
    }

    @Override
    public void stop() {
        Hardware h = hardware;
        if (h != null) {
            h.close();
        }
        light.close();
    }

    @Override
    public void statusFields(Map<String, Object> into) {
        Hardware h = hardware;
        into.put("light", light.state().name().toLowerCase(Locale.ROOT));
        into.put("hardware", h.available() ? "gpio" : "none");
        if (h.problem() != null) {
            into.put("hardware_problem", h.problem());
        }
    }

    @Override
    public void metrics(Map<String, Double> into) {
        into.put("hardware_available", hardware.available() ? 1.0 : 0.0);
    }
}
