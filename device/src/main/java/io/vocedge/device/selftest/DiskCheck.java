package io.vocedge.device.selftest;

import io.vocedge.common.fs.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** data_dir exists, is writable and has at least {@code minFreeBytes} free for the outbox and pending audio. */
public final class DiskCheck implements Check {
    public static final long DEFAULT_MIN_FREE = 512L * 1024 * 1024;
    private final Path dataDir;
    private final long minFreeBytes;

    public DiskCheck(Path dataDir, long minFreeBytes) {
        this.dataDir = dataDir;
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    public List<CheckResult> run() {
        if (!Files.isDirectory(dataDir)) {
            return List.of(CheckResult.fail(
                    "disk",
                    "data_dir " + dataDir + " does not exist: create it and give it to the agent's"
                            + " user (the Debian package does: install -d -o voc -g voc " + dataDir
                            + "), or fix data_dir"));
        }
        Path probe = dataDir.resolve(".selftest-" + ProcessHandle.current().pid());
        try {
            createOwnerOnly(probe);
            Files.writeString(probe, "selftest\n");
        } catch (IOException e) {
            return List.of(CheckResult.fail(
                    "disk",
                    "cannot write in " + dataDir + " (" + e.getMessage() + "): a read-only SD card"
                            + " (dmesg | grep -i 'read-only'), or wrong owner (chown -R voc:voc " + dataDir + ")"));
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // best effort
            }
        }
        long free;
        try {
            free = Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return List.of(
                    CheckResult.fail("disk", "cannot read the free space of " + dataDir + ": " + e.getMessage()));
        }
        Map<String, Object> d = Map.of("free_mb", free / (1024 * 1024), "min_free_mb", minFreeBytes / (1024 * 1024));
        if (free < minFreeBytes) {
            return List.of(CheckResult.fail(
                            "disk",
                            String.format(
                                    Locale.ROOT,
                                    "only %d MB free in %s, %d MB needed: remove old files or logs"
                                            + " (journalctl --vacuum-size=50M), or use a larger SD card",
                                    free >> 20,
                                    dataDir,
                                    minFreeBytes >> 20))
                    .withDetail(d));
        }
        return List.of(
                CheckResult.pass("disk", String.format(Locale.ROOT, "%d MB free in %s, writable", free >> 20, dataDir))
                        .withDetail(d));
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
