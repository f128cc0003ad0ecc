package io.vocedge.device.storage;

import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.device.telemetry.MetricsSource;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Watches the SD card under the data directory: free space, and whether it can still be written. An SD card
 * that hits a write error is often remounted read-only by the kernel; nothing else tells the agent, since
 * SQLite and the pending-audio queue only fail at their next write. A small probe file is written (with
 * O_DSYNC) and deleted at every check, so the state is known before records are lost to it.
 *
 * <p>States: {@code ok}, {@code low} (below {@code lowBytes}: warn, keep going), {@code critical} (below
 * {@code criticalBytes}: the outbox's own bound and eviction decide what stays), {@code read_only},
 * {@code unwritable} (permissions, missing directory). Each change is logged once with what to do.
 */
public final class DiskWatch implements MetricsSource, AutoCloseable {
    public enum State {
        OK,
        LOW,
        CRITICAL,
        READ_ONLY,
        UNWRITABLE
    }

    public static final long DEFAULT_LOW_BYTES = 256L * 1024 * 1024;
    public static final long DEFAULT_CRITICAL_BYTES = 64L * 1024 * 1024;

    private final Path dataDir;
    private final long lowBytes;
    private final long criticalBytes;
    private final ScheduledExecutorService timer;
    private volatile State state = State.OK;
    private volatile String problem;
    private volatile long freeBytes = -1;

    public DiskWatch(Path dataDir, long lowBytes, long criticalBytes) {
        if (criticalBytes <= 0 || lowBytes < criticalBytes) {
            throw new IllegalArgumentException(
                    "disk thresholds need 0 < critical <= low, got " + criticalBytes + " / " + lowBytes);
        }
        this.dataDir = dataDir;
        this.lowBytes = lowBytes;
        this.criticalBytes = criticalBytes;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "voc-disk-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks now, then every {@code interval}. */
    public DiskWatch start(Duration interval) {
        check();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        check();
                    } catch (RuntimeException e) {
                        Logger.warn("event=disk_check_failed error=\"{}\"", e.getMessage());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One check; returns the new state. */
    public State check() {
        State next;
        String why = null;
        try {
            freeBytes = Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            freeBytes = -1;
        }
        Path probe = dataDir.resolve(".disk-probe");
        try {
            createOwnerOnly(probe);
            Files.write(
                    probe,
                    new byte[] {1},
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.DSYNC);
            Files.deleteIfExists(probe);
            if (freeBytes >= 0 && freeBytes < criticalBytes) {
                next = State.CRITICAL;
            } else if (freeBytes >= 0 && freeBytes < lowBytes) {
                next = State.LOW;
            } else {
                next = State.OK;
            }
        } catch (IOException e) {
            String reason =
                    e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
            boolean readOnly = reason != null && reason.toLowerCase(Locale.ROOT).contains("read-only");
            next = readOnly ? State.READ_ONLY : State.UNWRITABLE;
            why = reason;
        }
        if (next != state) {
            report(next, why);
        }
        state = next;
        problem = switch (next) {
            case OK -> null;
            case LOW -> "disk space low: " + freeBytes / 1_048_576 + " MB free under " + dataDir;
            case CRITICAL -> "disk space critical: " + freeBytes / 1_048_576 + " MB free under " + dataDir;
            case READ_ONLY -> "SD card is read-only: " + dataDir;
            case UNWRITABLE -> "cannot write " + dataDir + ": " + why;
        };
        return next;
    }

    private void report(State next, String why) {
        long mb = freeBytes / 1_048_576;
        switch (next) {
            case OK -> Logger.info("event=disk_ok free_mb={} data_dir={}", mb, dataDir);
            case LOW ->
                Logger.warn(
                        "event=disk_low free_mb={} data_dir={} action=\"free space on the SD card; the outbox "
                                + "and pending audio are bounded but need room to reach their bounds\"",
                        mb,
                        dataDir);
            case CRITICAL ->
                Logger.error(
                        "event=disk_critical free_mb={} data_dir={} action=\"free space now: new records "
                                + "and audio may be refused\"",
                        mb,
                        dataDir);
            case READ_ONLY ->
                Logger.error(
                        "event=disk_read_only data_dir={} reason=\"{}\" action=\"the kernel remounted the SD "
                                + "card read-only after write errors: check dmesg, replace the card; records already in the outbox are kept "
                                + "on it\"",
                        dataDir,
                        why);
            case UNWRITABLE ->
                Logger.error(
                        "event=disk_unwritable data_dir={} reason=\"{}\" action=\"check that the directory "
                                + "exists and belongs to the agent's user (chown -R voc:voc {})\"",
                        dataDir,
                        why,
                        dataDir);
        }
    }

    public State state() {
        return state;
    }

    /** What is wrong, for status and the status light; null when all is well. */
    public String problem() {
        return problem;
    }

    @Override
    public void collect(Map<String, Double> into) {
        if (freeBytes >= 0) {
            into.put("disk_free_mb", freeBytes / 1_048_576.0);
        }
        into.put("disk_writable", state == State.READ_ONLY || state == State.UNWRITABLE ? 0.0 : 1.0);
        into.put("disk_low", state == State.OK ? 0.0 : 1.0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The probe is created 0600 (whatever the umask) but never its directory: a missing data dir must stay a failure. */
    private static void createOwnerOnly(Path probe) throws java.io.IOException {
        try {
            Files.createFile(probe, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            OwnerOnly.restrict(probe);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the write below creates it
        }
    }
}
