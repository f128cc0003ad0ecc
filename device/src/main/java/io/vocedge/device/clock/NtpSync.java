package io.vocedge.device.clock;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the system clock is NTP-synchronised. systemd-timesyncd creates /run/systemd/timesync/synchronized
 * once it has synced; chrony and ntpd set the kernel's "unsynchronised" flag off, which we read with
 * {@code timedatectl} only when the file check is inconclusive (the call costs a process, so it is cached by
 * the caller).
 */
public final class NtpSync {
    private NtpSync() {}

    public static boolean isSynchronised() {
        if (Files.exists(Path.of("/run/systemd/timesync/synchronized"))) {
            return true;
        }
        try {
            Process p = new ProcessBuilder("timedatectl", "show", "-p", "NTPSynchronized", "--value")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && "yes".equals(out);
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
