package io.lambdajca.it.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this process's garbage collector threads and JIT compiler threads, read from Linux's
 * /proc/self/task (they are not Java threads, so the ThreadMXBean does not list them). The process's CPU per invoke
 * includes them; these say whether a path makes work for them. Threads that ended are not counted.
 */
record OtherThreads(long gcNanos, long jitNanos) {

    /** /proc counts in clock ticks of 1/100 s (USER_HZ) on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static OtherThreads now() {
        long gc = 0;
        long jit = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is the 3rd field
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                // HotSpot's names, cut to 15 characters: "GC Thread#0", "G1 Conc#0", "G1 Refine#0", "VM Thread";
                // "C1 CompilerThre", "C2 CompilerThre"
                if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += ticks;
                } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new OtherThreads(0, 0); // not Linux
        }
        return new OtherThreads(gc * NANOS_PER_TICK, jit * NANOS_PER_TICK);
    }

    OtherThreads minus(OtherThreads earlier) {
        return new OtherThreads(gcNanos - earlier.gcNanos, jitNanos - earlier.jitNanos);
    }
}
