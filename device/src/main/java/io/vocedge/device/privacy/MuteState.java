package io.vocedge.device.privacy;

import io.vocedge.common.fs.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The single source of truth for privacy mute, persisted in {@code <data_dir>/mute} so it survives restarts and
 * power cuts (written to a temporary file, fsynced, renamed over the old one, directory fsynced).
 *
 * <p>Fail safe: a mute file that exists but cannot be read or understood starts the device <b>muted</b> (and
 * {@link #loadProblem()} says why); only a missing file means "never muted" and takes the configured default.
 * A mute that cannot be persisted still takes effect at once in memory (privacy first) and is logged loudly.
 *
 * <p>{@link #muted()} is a single volatile read: the capture loop calls it per frame.
 */
public final class MuteState {
    /** Who changed the state (for logs and the command result). */
    public static final String BUTTON = "button";

    public static final String COMMAND = "command";
    public static final String CONFIG = "config";

    private final Path file;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    private final String loadProblem;
    private volatile boolean muted;
    private volatile String lastSource;
    private volatile String persistProblem;

    private MuteState(Path file, boolean muted, String source, String loadProblem) {
        this.file = file;
        this.muted = muted;
        this.lastSource = source;
        this.loadProblem = loadProblem;
    }

    /**
     * Loads the persisted state from {@code dataDir/mute}.
     *
     * @param defaultMuted the state when the device has never been muted or unmuted (no file yet), e.g. from the
     *     config's {@code hardware.start_muted}
     */
    public static MuteState load(Path dataDir, boolean defaultMuted) {
        Path file = dataDir.resolve("mute");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new MuteState(file, defaultMuted, CONFIG, null);
        } catch (IOException | RuntimeException e) {
            return failSafe(
                    file,
                    "cannot read " + file + " (" + e.getMessage() + "): check its owner and permissions"
                            + " (the agent's user must read and write " + dataDir + ")");
        }
        String first = text.isBlank() ? "" : text.strip().split("\\s+")[0];
        return switch (first) {
            case "muted" -> new MuteState(file, true, sourceOf(text), null);
            case "unmuted" -> new MuteState(file, false, sourceOf(text), null);
            default ->
                failSafe(
                        file,
                        file + " holds '" + abbreviate(text) + "', expected 'muted' or 'unmuted': unmute with"
                                + " the button or the 'unmute' command to rewrite it");
        };
    }

    private static MuteState failSafe(Path file, String why) {
        Logger.error("event=mute_state_unreadable action=\"starting muted\" reason=\"{}\"", why);
        return new MuteState(file, true, "fail_safe", why);
    }

    private static String sourceOf(String text) {
        for (String token : text.strip().split("\\s+")) {
            if (token.startsWith("source=")) {
                return token.substring("source=".length());
            }
        }
        return CONFIG;
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }

    /** Whether capture must drop frames now. One volatile read, no allocation. */
    public boolean muted() {
        return muted;
    }

    /** Who set the current state: button, command, config or fail_safe. */
    public String lastSource() {
        return lastSource;
    }

    /** Why the persisted state could not be read at start (the device then started muted), or null. */
    public String loadProblem() {
        return loadProblem;
    }

    /** Why the last change could not be persisted (it still took effect), or null. */
    public String persistProblem() {
        return persistProblem;
    }

    /**
     * Sets the state, persists it and tells the listeners (on the caller's thread, in order). Setting the current
     * state again only rewrites the file (so a fail-safe start can be confirmed).
     */
    public void set(boolean muted, String source) {
        synchronized (writeLock) {
            boolean changed = this.muted != muted;
            this.muted = muted;
            this.lastSource = source;
            persist(muted, source);
            Logger.info("event=mute_changed muted={} source={} changed={}", muted, source, changed);
            if (changed) {
                for (Consumer<Boolean> l : listeners) {
                    try {
                        l.accept(muted);
                    } catch (RuntimeException e) {
                        Logger.error(e, "event=mute_listener_failed");
                    }
                }
            }
        }
    }

    /** Flips the state atomically; returns the new state. */
    public boolean toggle(String source) {
        synchronized (writeLock) {
            boolean next = !muted;
            set(next, source);
            return next;
        }
    }

    /** Called with the new state after every change (not with the current one: read {@link #muted()} for that). */
    public void addListener(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Boolean> listener) {
        listeners.remove(listener);
    }

    private void persist(boolean muted, String source) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("mute.tmp");
        byte[] bytes = ((muted ? "muted" : "unmuted") + " source=" + source + " at=" + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(dir);
            OwnerOnly.file(tmp);
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(dir);
            persistProblem = null;
        } catch (IOException | RuntimeException e) {
            persistProblem =
                    "cannot write " + file + " (" + e.getMessage() + "): the state holds until restart; check free"
                            + " space and that " + dir + " is writable by the agent's user";
            Logger.error("event=mute_not_persisted muted={} reason=\"{}\"", muted, persistProblem);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open a directory; the rename is still atomic.
        }
    }
}
