package io.lambdajca.it.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this process, by its garbage collector's and JIT compiler's threads, and by the whole machine
 * (Linux's /proc: every process, the local endpoint's included), to report the CPU each invoke costs. On a saturated
 * machine that is steadier than invokes per second, and the machine's figure counts the work that each path causes on
 * the other side of the wire. The collector's and compiler's threads are not Java threads (the ThreadMXBean does not
 * list them): they are read from /proc/self/task, and those that ended are not counted.
 */
record CpuTime(long processNanos, long machineNanos, long gcNanos, long jitNanos) {

    /** /proc counts in clock ticks of 1/100 s (USER_HZ) on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuTime now() {
        long[] gcAndJit = gcAndJitTicks();
        return new CpuTime(ticks(Path.of("/proc/self/stat")) * NANOS_PER_TICK, machineBusyTicks() * NANOS_PER_TICK,
                gcAndJit[0] * NANOS_PER_TICK, gcAndJit[1] * NANOS_PER_TICK);
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(processNanos - earlier.processNanos, machineNanos - earlier.machineNanos,
                gcNanos - earlier.gcNanos, jitNanos - earlier.jitNanos);
    }

    /** user and system ticks of a process or thread (its stat file's 14th and 15th fields); 0 where it is absent. */
    private static long ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" "); // f[0] is the 3rd field
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The ticks of this process's threads named as HotSpot names its garbage collector's ("GC Thread#0", "G1 Conc#0",
     * "G1 Refine#0", "VM Thread") and its JIT compiler's ("C1 CompilerThre", "C2 CompilerThre": cut to 15 characters).
     */
    private static long[] gcAndJitTicks() {
        long[] ticks = new long[2];
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException ended) {
                    continue;
                }
                if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    ticks[0] += ticks(task.resolve("stat"));
                } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    ticks[1] += ticks(task.resolve("stat"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[2]; // not Linux
        }
        return ticks;
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
