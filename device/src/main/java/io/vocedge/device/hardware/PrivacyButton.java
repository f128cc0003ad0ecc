package io.vocedge.device.hardware;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The privacy button's press logic, in software on top of the GPIO driver's own debounce: an edge counts only
 * once the line has stayed in its new level for {@code debounceMs} (contacts bounce for a few ms; a glitch shorter
 * than that is ignored). A press released before {@code longPressMs} is {@link Press#SHORT}; holding it for
 * {@code longPressMs} gives {@link Press#LONG} at once (staff see the light react while still holding) and the
 * release after it gives nothing more. Still holding for {@link #FORGET_FACTOR} times {@code longPressMs} gives
 * {@link Press#FORGET} as well.
 *
 * <p>{@link #onLevel} is called from the GPIO event thread with the raw level; {@link #poll()} from the
 * hardware ticker every few ms. Both are synchronized; the handler runs outside the lock.
 */
public final class PrivacyButton {
    /** What a press means. */
    public enum Press {
        /** Toggle privacy mute. */
        SHORT,
        /** Start or end a conversation. */
        LONG,
        /** Held {@link #FORGET_FACTOR} times the long-press time (6 s by default): forget the last minutes. */
        FORGET
    }

    /** A forget gesture is a hold this many times longer than a long press. */
    public static final int FORGET_FACTOR = 4;

    private final long debounceMs;
    private final long longPressMs;
    private final LongSupplier clockMs;
    private final Consumer<Press> handler;

    private boolean raw;
    private long rawSinceMs;
    private boolean stable;
    private long pressedAtMs;
    private boolean longFired;
    private boolean forgetFired;

    /**
     * @param clockMs monotonic milliseconds
     * @param handler what a press does (in the agent: toggle mute / toggle the conversation)
     */
    public PrivacyButton(long debounceMs, long longPressMs, LongSupplier clockMs, Consumer<Press> handler) {
        if (debounceMs <= 0 || longPressMs <= debounceMs) {
            throw new IllegalArgumentException(
                    "need 0 < debounceMs < longPressMs, got " + debounceMs + " / " + longPressMs);
        }
        this.debounceMs = debounceMs;
        this.longPressMs = longPressMs;
        this.clockMs = clockMs;
        this.handler = handler;
    }

    /** The line changed: {@code pressed} is the level already mapped for active-low wiring. */
    public void onLevel(boolean pressed) {
        Press p;
        synchronized (this) {
            long now = clockMs.getAsLong();
            p = evaluate(now);
            if (pressed != raw) {
                raw = pressed;
                rawSinceMs = now;
            }
        }
        fire(p);
    }

    /** Advances time: settles a debounced edge, fires a long press that reached its threshold. */
    public void poll() {
        Press p;
        synchronized (this) {
            p = evaluate(clockMs.getAsLong());
        }
        fire(p);
    }

    /** Whether the (debounced) button is down now. */
    public synchronized boolean pressed() {
        return stable;
    }

    private Press evaluate(long now) {
        Press result = null;
        if (raw != stable && now - rawSinceMs >= debounceMs) {
            stable = raw;
            if (stable) {
                pressedAtMs = rawSinceMs;
                longFired = false;
                forgetFired = false;
            } else if (!longFired) {
                result = Press.SHORT;
            }
        }
        if (stable && !longFired && now - pressedAtMs >= longPressMs) {
            longFired = true;
            result = Press.LONG;
        } else if (stable && longFired && !forgetFired && now - pressedAtMs >= longPressMs * FORGET_FACTOR) {
            forgetFired = true;
            result = Press.FORGET;
        }
        return result;
    }

    private void fire(Press p) {
        if (p != null) {
            handler.accept(p);
        }
    }
}
