package io.vocedge.device.agent;

import io.vocedge.device.hardware.StatusLight;
import io.vocedge.device.privacy.MuteState;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Once every part runs: every second the light follows sync (offline = buffering) and faults (capture, outbox, disk),
 * and the retained status is re-published when a state in it changes; a mute change re-publishes it at once.
 */
final class StatusWatch implements AgentPart {
    private final StatusLight light;
    private final MuteState mute;
    private final SyncPart sync;
    private final Supplier<Map<String, Object>> status;
    private final ScheduledExecutorService watcher;
    private final Consumer<Boolean> onMute;
    private String lastStateKey = "";

    StatusWatch(StatusLight light, MuteState mute, SyncPart sync, Supplier<Map<String, Object>> status) {
        this.light = light;
        this.mute = mute;
        this.sync = sync;
        this.status = status;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "voc-light-state");
            t.setDaemon(true);
            return t;
        });
        this.onMute = muted -> {
            Logger.info("event=mute_changed muted={} source={}", muted, mute.lastSource());
            sync.publishStatus();
        };
    }

    @Override
    public String name() {
        return "StatusWatch";
    }

    @Override
    public void start() {
        mute.addListener(onMute);
        watcher.scheduleAtFixedRate(this::check, 0, 1, TimeUnit.SECONDS);
        light.started();
    }

    private void check() {
        try {
            light.setOffline(!sync.connected());
            Map<String, Object> details = status.get();
            light.setError(problem(details));
            String now = stateKey(details);
            if (!now.equals(lastStateKey)) {
                lastStateKey = now; // the retained status follows state changes, not only (re)connects
                sync.publishStatus();
            }
        } catch (RuntimeException e) {
            Logger.warn("event=light_state_failed error=\"{}\"", e.getMessage());
        }
    }

    private static String stateKey(Map<String, Object> d) {
        StringBuilder k = new StringBuilder();
        for (String field : new String[] {
            "audio_state",
            "asr_state",
            "muted",
            "light",
            "mic_dead_channels",
            "mic_clipping",
            "outbox_error",
            "hardware",
            "disk_state"
        }) {
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

    @Override
    public void stop() {
        watcher.shutdownNow();
        mute.removeListener(onMute);
    }
}
