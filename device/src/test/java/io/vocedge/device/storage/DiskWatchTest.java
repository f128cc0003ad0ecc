package io.vocedge.device.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real file systems: a tmpfs of 8 MiB filled up for low space, and one remounted read-only the way the kernel
 * does to a failing SD card. Mounting needs root (the build machine and CI run as root).
 */
class DiskWatchTest {
    @TempDir
    Path dir;

    @Test
    void aHealthyDirectoryIsOk() {
        DiskWatch w = new DiskWatch(dir, 1024, 512);
        assertThat(w.check()).isEqualTo(DiskWatch.State.OK);
        assertThat(w.problem()).isNull();
        Map<String, Double> m = new HashMap<>();
        w.collect(m);
        assertThat(m).containsEntry("disk_writable", 1.0).containsKey("disk_free_mb");
        assertThat(dir.resolve(".disk-probe")).doesNotExist();
    }

    @Test
    void aMissingDirectoryIsUnwritable() {
        DiskWatch w = new DiskWatch(dir.resolve("gone"), 1024, 512);
        assertThat(w.check()).isEqualTo(DiskWatch.State.UNWRITABLE);
        assertThat(w.problem()).contains("cannot write");
    }

    @Test
    void lowAndCriticalSpaceAndAReadOnlyRemountAreSeen() throws Exception {
        assumeThat(run("id", "-u").strip()).as("mounting a tmpfs needs root").isEqualTo("0");
        Path mnt = Files.createDirectories(dir.resolve("sd"));
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt.toString()))
                .isNotNull();
        try {
            DiskWatch w = new DiskWatch(mnt, 6L * 1024 * 1024, 2L * 1024 * 1024);
            assertThat(w.check()).isEqualTo(DiskWatch.State.OK);
            Files.write(mnt.resolve("fill1"), new byte[3 * 1024 * 1024]);
            assertThat(w.check()).isEqualTo(DiskWatch.State.LOW);
            Files.write(mnt.resolve("fill2"), new byte[4 * 1024 * 1024]);
            assertThat(w.check()).isEqualTo(DiskWatch.State.CRITICAL);
            Files.delete(mnt.resolve("fill2"));
            run("mount", "-o", "remount,ro", mnt.toString());
            assertThat(w.check()).isEqualTo(DiskWatch.State.READ_ONLY);
            assertThat(w.problem()).contains("read-only");
            run("mount", "-o", "remount,rw", mnt.toString());
            assertThat(w.check()).isEqualTo(DiskWatch.State.LOW);
        } finally {
            run("umount", mnt.toString());
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
