package io.vocedge.common.cli;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole process (every thread), for benchmark commands that report what their own process cost a
 * machine they share with the system under test (bench/forward.sh charges each part its CPU per record).
 */
public final class ProcessCpu {
    private ProcessCpu() {}

    /** Nanoseconds of CPU this process has used so far, or -1 where the JVM cannot tell. */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long n = os.getProcessCpuTime();
            return n < 0 ? -1 : n;
        }
        return -1;
    }

    /** Milliseconds of CPU this process has used so far, or -1 where the JVM cannot tell. */
    public static long millis() {
        long n = nanos();
        return n < 0 ? -1 : n / 1_000_000;
    }
}
