package io.vocedge.device.audio;

import io.vocedge.device.sync.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;

/**
 * The capture thread ({@code voc-capture}): reads 10 ms blocks from the source into the {@link FrameRing}.
 *
 * <ul>
 *   <li>Privacy mute: while muted, blocks are read (so the device buffer does not overrun) into a scratch
 *       buffer that is zeroed at once; nothing reaches the ring, only the length of the gap.</li>
 *   <li>Faults: a read that throws (USB unplugged, Bluetooth link lost), an open that fails (device absent),
 *       or a read that makes no progress for {@code stall_timeout_ms} (the watchdog closes the source under
 *       it) are logged, counted, shown in status, and the device is reopened with backoff, forever. Time lost
 *       while down is passed on as a gap so the capture clock keeps running.</li>
 *   <li>Overruns reported by the source and blocks dropped because the ring was full are counted as dropped
 *       frames and passed on as gaps. A file source is never dropped from: it waits for the front-end.</li>
 * </ul>
 */
final class CaptureLoop implements AutoCloseable {
    enum State {
        STARTING,
        RUNNING,
        REOPENING,
        MUTED,
        ENDED,
        STOPPED
    }

    private final SourceOpener opener;
    private final FrameRing ring;
    private final BooleanSupplier muted;
    private final int configuredRate;
    private final Duration stallTimeout;
    private final Backoff backoff;
    private final Thread thread;
    private final Thread watchdog;
    private final AtomicLong framesCaptured = new AtomicLong();
    private final AtomicLong framesMuted = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong reopens = new AtomicLong();
    private volatile State state = State.STARTING;
    private volatile String lastFault;
    private volatile String sourceDescription;
    private volatile FrameSource current;
    private volatile long lastProgressNanos;
    private volatile boolean running;
    private volatile boolean stalledByWatchdog;
    private boolean backoffResetPending;
    private final float[] scratch;
    private long pendingGap;

    CaptureLoop(
            SourceOpener opener,
            FrameRing ring,
            BooleanSupplier muted,
            int configuredRate,
            Duration stallTimeout,
            Duration reopenInitial,
            Duration reopenMax) {
        this.opener = opener;
        this.ring = ring;
        this.muted = muted;
        this.configuredRate = configuredRate;
        this.stallTimeout = stallTimeout;
        this.backoff = new Backoff(reopenInitial, reopenMax, ThreadLocalRandom.current());
        this.scratch = new float[ring.floatsPerSlot()];
        this.sourceDescription = opener.describe();
        this.thread = Thread.ofPlatform().name("voc-capture").daemon(true).unstarted(this::run);
        this.thread.setPriority(Thread.MAX_PRIORITY);
        this.thread.setUncaughtExceptionHandler((t, e) -> Logger.error(e, "event=capture_thread_died"));
        this.watchdog =
                Thread.ofPlatform().name("voc-capture-watchdog").daemon(true).unstarted(this::watch);
    }

    void start() {
        running = true;
        thread.start();
        watchdog.start();
    }

    private void run() {
        long downSinceNanos = 0;
        int rate = configuredRate;
        while (running) {
            FrameSource source;
            try {
                source = opener.open();
            } catch (IOException | RuntimeException e) {
                if (downSinceNanos == 0) {
                    downSinceNanos = System.nanoTime();
                }
                if (!fault("open_failed", e.getMessage())) {
                    return;
                }
                continue;
            }
            current = source;
            sourceDescription = source.describe();
            rate = source.format().sampleRate();
            if (downSinceNanos != 0) {
                pendingGap += (System.nanoTime() - downSinceNanos) * rate / 1_000_000_000L;
                downSinceNanos = 0;
                reopens.incrementAndGet();
                Logger.info(
                        "event=capture_reopened source=\"{}\" after_attempts={}",
                        source.describe(),
                        backoff.attempts());
            }
            String endReason = pump(source);
            current = null;
            source.close();
            if (endReason == null) { // end of a finite source
                state = State.ENDED;
                publishEnd(rate);
                Logger.info("event=capture_ended source=\"{}\" frames={}", sourceDescription, framesCaptured.get());
                return;
            }
            if (!running) {
                break;
            }
            downSinceNanos = System.nanoTime();
            if (!fault(endReason, lastFault)) {
                return;
            }
        }
        state = State.STOPPED;
    }

    /** Reads until the source ends (returns null) or fails (returns the fault kind). */
    private String pump(FrameSource source) {
        PcmFormat f = source.format();
        int ch = f.channels();
        int blockFrames = Math.max(1, Math.min(f.sampleRate() / 100, ring.floatsPerSlot() / ch));
        long overrunSeen = source.overrunFrames();
        boolean wasMuted = false;
        state = State.RUNNING;
        lastProgressNanos = System.nanoTime();
        backoffResetPending = true;
        while (running) {
            boolean mute = muted.getAsBoolean();
            if (mute != wasMuted) {
                wasMuted = mute;
                state = mute ? State.MUTED : State.RUNNING;
                Logger.info("event={} source=\"{}\"", mute ? "capture_muted" : "capture_unmuted", sourceDescription);
            }
            float[] target = mute ? scratch : ring.claim();
            // A file waits for the front-end (back-pressure); a live device cannot wait, so its block is dropped.
            while (target == null && !opener.live() && running) {
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                target = ring.claim();
            }
            boolean overflow = target == null;
            if (overflow) {
                target = scratch;
            }
            int n;
            try {
                n = source.read(target, blockFrames);
            } catch (IOException | RuntimeException e) {
                lastFault = e.getMessage();
                return stalledByWatchdog ? "stalled" : "read_failed";
            }
            if (n < 0) {
                return null;
            }
            if (n == 0) {
                continue; // the watchdog decides when no progress is a stall
            }
            lastProgressNanos = System.nanoTime();
            if (backoffResetPending) {
                backoff.reset();
                backoffResetPending = false;
            }
            framesCaptured.addAndGet(n);
            long overrun = source.overrunFrames();
            if (overrun > overrunSeen) {
                framesDropped.addAndGet(overrun - overrunSeen);
                pendingGap += overrun - overrunSeen;
                Logger.warn(
                        "event=capture_overrun frames={} action=\"the CPU fell behind the device; see pending audio and load\"",
                        overrun - overrunSeen);
                overrunSeen = overrun;
            }
            if (mute) {
                // Privacy: the muted audio is overwritten before anything else can see it.
                Arrays.fill(scratch, 0, n * ch, 0f);
                framesMuted.addAndGet(n);
                pendingGap += n;
                continue;
            }
            if (overflow) {
                Arrays.fill(scratch, 0, n * ch, 0f);
                framesDropped.addAndGet(n);
                pendingGap += n;
                if (framesDropped.get() == n || framesDropped.get() % (f.sampleRate() * 10L) < n) {
                    Logger.warn(
                            "event=capture_ring_full dropped_frames_total={} action=\"front-end fell behind\"",
                            framesDropped.get());
                }
                continue;
            }
            ring.publish(n, ch, f.sampleRate(), pendingGap, false);
            pendingGap = 0;
        }
        return "stopped";
    }

    private void publishEnd(int rate) {
        float[] slot;
        while ((slot = ring.claim()) == null && running) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        if (slot != null) {
            ring.publish(0, 1, rate, pendingGap, true);
        }
    }

    /** Logs and counts a fault, waits the backoff; false when the loop must end instead (file source, stop). */
    private boolean fault(String kind, String detail) {
        stalledByWatchdog = false;
        faults.incrementAndGet();
        lastFault = kind + ": " + detail;
        if (!opener.live()) {
            state = State.ENDED;
            Logger.error("event=capture_failed source=\"{}\" fault={} detail=\"{}\"", sourceDescription, kind, detail);
            publishEnd(configuredRate);
            return false;
        }
        state = State.REOPENING;
        Duration wait = backoff.next();
        Logger.warn(
                "event=capture_fault source=\"{}\" fault={} detail=\"{}\" retry_in_ms={} action=\"check the cable, "
                        + "USB port or Bluetooth link; capture resumes by itself\"",
                sourceDescription,
                kind,
                detail,
                wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running;
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(Math.max(50, stallTimeout.toMillis() / 4));
            } catch (InterruptedException e) {
                return;
            }
            FrameSource s = current;
            if (s != null
                    && (state == State.RUNNING || state == State.MUTED)
                    && System.nanoTime() - lastProgressNanos > stallTimeout.toNanos()) {
                stalls.incrementAndGet();
                stalledByWatchdog = true;
                lastFault = "no audio for " + stallTimeout.toMillis() + " ms";
                Logger.warn(
                        "event=capture_stalled source=\"{}\" timeout_ms={}",
                        sourceDescription,
                        stallTimeout.toMillis());
                s.close(); // unblocks the reader, which then takes the reopen path
            }
        }
    }

    State state() {
        return state;
    }

    String lastFault() {
        return lastFault;
    }

    String source() {
        return sourceDescription;
    }

    long framesCaptured() {
        return framesCaptured.get();
    }

    long framesMuted() {
        return framesMuted.get();
    }

    long framesDropped() {
        return framesDropped.get();
    }

    long faults() {
        return faults.get();
    }

    long stalls() {
        return stalls.get();
    }

    long reopens() {
        return reopens.get();
    }

    @Override
    public void close() {
        running = false;
        watchdog.interrupt();
        FrameSource s = current;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
        try {
            thread.join(5000);
            watchdog.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.STOPPED;
    }
}
