package io.vocedge.device.hardware;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * The agent's state as staff see it, computed from a few inputs the agent feeds in, and driven to any number of
 * {@link LightOutput}s on {@link #tick(long)} (the {@link Hardware} ticker calls it every 50 ms). Thread-safe:
 * inputs may be set from any thread.
 *
 * <p>Inputs: {@link #started()} once the agent runs; {@link #setMuted} (follow {@code MuteState}); {@link #setOffline}
 * when the outbox cannot sync (broker unreachable); {@link #setError} with a reason, or null when cleared.
 */
public final class StatusLight implements AutoCloseable {
    private final List<LightOutput> outputs = new CopyOnWriteArrayList<>();
    /** The last failure per output, so a broken output is logged when its failure changes, not 20 times a second. */
    private final java.util.Map<LightOutput, String> failing = new java.util.concurrent.ConcurrentHashMap<>();

    private final LongSupplier clockMs;
    private volatile boolean started;
    private volatile boolean muted;
    private volatile boolean offline;
    private volatile String error;
    private volatile AgentState override;
    private AgentState shown;
    private long shownSinceMs;

    public StatusLight(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    /** A light on the monotonic clock. */
    public static StatusLight system() {
        return new StatusLight(() -> System.nanoTime() / 1_000_000);
    }

    public void addOutput(LightOutput output) {
        outputs.add(output);
    }

    /** The agent has started all its parts. */
    public void started() {
        started = true;
    }

    /** Shows the mute state now and follows every change. */
    public void follow(io.vocedge.device.privacy.MuteState mute) {
        mute.addListener(this::setMuted);
        setMuted(mute.muted());
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    /** True while the outbox is not syncing (broker unreachable, records buffering on the device). */
    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** A reason for ERROR (capture failed, disk full, outbox corrupt ...), or null when it is resolved. */
    public void setError(String reason) {
        this.error = reason;
    }

    /** Shows {@code state} regardless of the inputs (self-test, demonstrations); null returns to the inputs. */
    public void override(AgentState state) {
        this.override = state;
    }

    /** What the light shows for the current inputs. */
    public AgentState state() {
        AgentState o = override;
        if (o != null) {
            return o;
        }
        if (muted) {
            return AgentState.MUTED;
        }
        if (error != null) {
            return AgentState.ERROR;
        }
        if (!started) {
            return AgentState.STARTING;
        }
        return offline ? AgentState.BUFFERING_OFFLINE : AgentState.LISTENING;
    }

    public String error() {
        return error;
    }

    /** Drives the outputs for the current state and phase; one failing output does not stop the others. */
    public synchronized void tick() {
        tick(clockMs.getAsLong());
    }

    synchronized void tick(long nowMs) {
        AgentState s = state();
        if (s != shown) {
            Logger.info(
                    "event=status_light state={} colour={}{}",
                    s,
                    s.colourName(),
                    s == AgentState.ERROR ? " reason=\"" + error + "\"" : "");
            shown = s;
            shownSinceMs = nowMs;
        }
        for (LightOutput o : outputs) {
            try {
                o.show(s, nowMs - shownSinceMs);
                if (failing.remove(o) != null) {
                    Logger.info(
                            "event=status_light_output_recovered output={}",
                            o.getClass().getSimpleName());
                }
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage());
                if (!why.equals(failing.put(o, why))) {
                    Logger.warn(
                            "event=status_light_output_failed output={} reason=\"{}\"",
                            o.getClass().getSimpleName(),
                            why);
                }
            }
        }
    }

    /** Turns every output off. */
    @Override
    public void close() {
        for (LightOutput o : outputs) {
            try {
                o.close();
            } catch (RuntimeException e) {
                Logger.warn(
                        "event=status_light_output_failed output={} reason=\"{}\"",
                        o.getClass().getSimpleName(),
                        e.getMessage());
            }
        }
    }
}
