package io.lambdajca.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this process and by the whole machine (Linux's /proc/stat: every process, the local endpoint's
 * included), to report the CPU each invoke costs. On a saturated machine that is steadier than invokes per second,
 * and the machine's figure counts the work that each path causes on the other side of the wire.
 */
record CpuTime(long processNanos, long machineNanos) {

    /** /proc/stat counts in clock ticks of 1/100 s (USER_HZ) on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuTime now() {
        return new CpuTime(processTicks() * NANOS_PER_TICK, machineBusyTicks() * NANOS_PER_TICK);
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(processNanos - earlier.processNanos, machineNanos - earlier.machineNanos);
    }

    /** user and system ticks of this process (/proc/self/stat's 14th and 15th fields); 0 where it is absent. */
    private static long processTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is the 3rd field
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** user, nice, system, irq, softirq and steal ticks of all CPUs; 0 where /proc/stat is absent. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
