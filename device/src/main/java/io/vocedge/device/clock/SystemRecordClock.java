package io.vocedge.device.clock;

import io.vocedge.device.pipeline.RecordClock;
import io.vocedge.protocol.RecordTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Stamps records with the wall clock, whether it is NTP-synchronised, the kernel boot id and milliseconds
 * since boot. A Pi has no real-time clock: until NTP syncs after boot its wall clock may read 1970 or the
 * last shutdown time. Such times are never emitted as they are: a wall clock earlier than {@code floor} (the
 * build date) is raised to the floor and marked unsynchronised, so the gateway corrects it from boot id and
 * monotonic offset.
 */
public final class SystemRecordClock implements RecordClock {
    private static final long SYNC_RECHECK_NANOS = 30_000_000_000L;

    private final Clock wall;
    private final Instant floor;
    private final String bootId;
    private final long bootNanosOffset;
    private final LongSupplier nanoTime;
    private final BooleanSupplier syncProbe;
    private volatile boolean synced;
    private volatile long lastSyncCheck;

    public SystemRecordClock(
            Clock wall,
            Instant floor,
            String bootId,
            long uptimeMsAtStart,
            LongSupplier nanoTime,
            BooleanSupplier syncProbe) {
        this.wall = wall;
        this.floor = floor;
        this.bootId = bootId;
        this.nanoTime = nanoTime;
        this.bootNanosOffset = nanoTime.getAsLong() - uptimeMsAtStart * 1_000_000L;
        this.syncProbe = syncProbe;
        this.synced = syncProbe.getAsBoolean();
        this.lastSyncCheck = nanoTime.getAsLong();
    }

    /** The real machine: /proc boot id and uptime, systemd-timesyncd's sync flag. */
    public static SystemRecordClock system(Instant floor) {
        return new SystemRecordClock(
                Clock.systemUTC(), floor, readBootId(), readUptimeMs(), System::nanoTime, NtpSync::isSynchronised);
    }

    static String readBootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        } catch (IOException | RuntimeException e) {
            String generated = "gen-" + UUID.randomUUID();
            Logger.warn("event=boot_id_unavailable using={} error=\"{}\"", generated, e.getMessage());
            return generated;
        }
    }

    static long readUptimeMs() {
        try {
            String first = Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0];
            return (long) (Double.parseDouble(first) * 1000);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public RecordTime now() {
        long nanos = nanoTime.getAsLong();
        if (nanos - lastSyncCheck > SYNC_RECHECK_NANOS) {
            lastSyncCheck = nanos;
            boolean now = syncProbe.getAsBoolean();
            if (now != synced) {
                Logger.info("event=clock_sync_changed synced={}", now);
            }
            synced = now;
        }
        Instant t = wall.instant();
        boolean ok = synced;
        if (t.isBefore(floor)) {
            t = floor;
            ok = false;
        }
        long monoMs = Math.max(0, (nanos - bootNanosOffset) / 1_000_000L);
        return new RecordTime(t, ok, bootId, monoMs);
    }

    public boolean isSynchronised() {
        return synced;
    }

    public String bootId() {
        return bootId;
    }

    /** Milliseconds since boot now (same scale as {@link RecordTime#monoMs()}). */
    public long monoMs() {
        return Math.max(0, (nanoTime.getAsLong() - bootNanosOffset) / 1_000_000L);
    }
}
