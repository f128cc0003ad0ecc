package io.vocedge.device.agent;

import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.hardware.Hardware;
import io.vocedge.device.hardware.HardwareConfig;
import io.vocedge.device.hardware.StatusLight;
import io.vocedge.device.privacy.ConversationControl;
import io.vocedge.device.privacy.MuteState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * What sits around the agent on a Pi: the persisted privacy mute, the button and the status light. Started
 * before the agent (so capture sees the mute state from its first block), attached once the agent runs: the
 * light then follows sync (offline = buffering) and faults (capture, outbox), and mute changes re-publish the
 * retained status at once.
 */
public final class Peripherals implements AutoCloseable {
    private final MuteState mute;
    private final StatusLight light;
    private final Hardware hardware;
    private final ScheduledExecutorService watcher;

    private Peripherals(MuteState mute, StatusLight light, Hardware hardware) {
        this.mute = mute;
        this.light = light;
        this.hardware = hardware;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "voc-light-state");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the hardware config (errors name the field) and the mute file; starts GPIO if there is any. */
    public static Peripherals start(DeviceConfig cfg, ConversationControl conversations) {
        HardwareConfig hw = cfg.hardware();
        MuteState mute = MuteState.load(cfg.dataDir(), hw.startMuted());
        StatusLight light = StatusLight.system();
        light.follow(mute);
        java.util.concurrent.atomic.AtomicReference<Runnable> forget = new java.util.concurrent.atomic.AtomicReference<>(
                () -> Logger.warn("event=forget_gesture_ignored reason=\"agent not started yet\""));
        Hardware hardware = Hardware.start(hw, light, Hardware.agentActions(mute, conversations, () -> forget.get().run()));
        Peripherals p = new Peripherals(mute, light, hardware);
        p.forgetGesture = forget;
        return p;
    }

    private java.util.concurrent.atomic.AtomicReference<Runnable> forgetGesture;

    /** What the forget gesture (holding the button) does once the agent runs. */
    public void onForgetGesture(Runnable action) {
        forgetGesture.set(action);
    }

    public MuteState mute() {
        return mute;
    }

    /** Hooks status, telemetry and the light to the running agent. */
    public void attach(DeviceAgent agent) {
        agent.addStatus(this::status);
        agent.addMetrics(m -> {
            m.put("muted", mute.muted() ? 1.0 : 0.0);
            m.put("hardware_available", hardware.available() ? 1.0 : 0.0);
        });
        mute.addListener(muted -> {
            Logger.info("event=mute_changed muted={} source={}", muted, mute.lastSource());
            agent.publishStatus();
        });
        watcher.scheduleAtFixedRate(() -> {
            try {
                light.setOffline(agent.spine() != null && !agent.spine().sync().stats().connected());
                Map<String, Object> details = agent.status().details();
                light.setError(problem(details));
                String now = stateKey(details);
                if (!now.equals(lastStateKey)) {
                    lastStateKey = now; // the retained status follows state changes, not only (re)connects
                    agent.publishStatus();
                }
            } catch (RuntimeException e) {
                Logger.warn("event=light_state_failed error=\"{}\"", e.getMessage());
            }
        }, 0, 1, TimeUnit.SECONDS);
        light.started();
    }

    private String lastStateKey = "";

    private static String stateKey(Map<String, Object> d) {
        StringBuilder k = new StringBuilder();
        for (String field : new String[] {"audio_state", "asr_state", "muted", "light", "mic_dead_channels", "mic_clipping",
                "outbox_error", "hardware", "disk_state"}) {
            k.append(field).append('=').append(d.get(field)).append(';');
        }
        return k.toString();
    }

    private static String problem(Map<String, Object> d) {
        if ("reopening".equals(d.get("audio_state"))) {
            return "microphone: " + d.getOrDefault("audio_last_fault", "reopening");
        }
        if (d.get("outbox_error") != null) {
            return "outbox: " + d.get("outbox_error");
        }
        Object disk = d.get("disk_state");
        if ("read_only".equals(disk) || "unwritable".equals(disk) || "critical".equals(disk)) {
            return "disk: " + d.get("disk_problem");
        }
        return null;
    }

    private Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("muted", mute.muted());
        s.put("light", light.state().name().toLowerCase(java.util.Locale.ROOT));
        s.put("hardware", hardware.available() ? "gpio" : "none");
        if (hardware.problem() != null) {
            s.put("hardware_problem", hardware.problem());
        }
        if (mute.persistProblem() != null) {
            s.put("mute_persist_problem", mute.persistProblem());
        }
        return s;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        hardware.close();
        light.close();
    }
}
