package io.vocedge.device.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Host figures from /proc and /sys: CPU temperature, load, the agent's resident memory, free disk on the data
 * directory. A figure the machine does not offer (no thermal zone on a laptop VM) is left out, not faked.
 */
public final class SystemMetrics implements MetricsSource {
    private final Path dataDir;
    private final Path thermal;
    private final long startNanos = System.nanoTime();

    public SystemMetrics(Path dataDir) {
        this(dataDir, Path.of("/sys/class/thermal/thermal_zone0/temp"));
    }

    SystemMetrics(Path dataDir, Path thermal) {
        this.dataDir = dataDir;
        this.thermal = thermal;
    }

    @Override
    public void collect(Map<String, Double> into) {
        readFirstNumber(thermal).ifPresent(milli -> into.put("cpu_temp_c", milli / 1000.0));
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            into.put("load_1m", Double.parseDouble(load[0]));
        } catch (IOException | RuntimeException e) {
            // not Linux: no load figure
        }
        rssMb().ifPresent(mb -> into.put("mem_rss_mb", mb));
        memAvailableMb().ifPresent(mb -> into.put("mem_available_mb", mb));
        try {
            into.put("disk_free_mb", Files.getFileStore(dataDir).getUsableSpace() / 1048576.0);
        } catch (IOException e) {
            // data dir not there yet
        }
        into.put("uptime_s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Resident set size of this process in MB, from /proc/self/status (VmRSS). */
    public static java.util.Optional<Double> rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return java.util.Optional.of(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return java.util.Optional.empty();
    }

    /** Memory the kernel could give to programs without swapping, in MB (MemAvailable in /proc/meminfo). */
    static java.util.Optional<Double> memAvailableMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return java.util.Optional.of(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return java.util.Optional.empty();
    }

    /** Free bytes on the file system holding the data directory, or -1 if unknown. */
    public long diskFreeBytes() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static java.util.Optional<Double> readFirstNumber(Path p) {
        try {
            return java.util.Optional.of(Double.parseDouble(Files.readString(p).trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
