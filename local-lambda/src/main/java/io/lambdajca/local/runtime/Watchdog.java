package io.lambdajca.local.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces function timeouts: running invocations register their deadline, and one thread checks them every 10 ms.
 * Cheaper under load than a scheduled task per invocation, whose queue is one lock for every thread.
 */
final class Watchdog implements AutoCloseable {

    static final long TICK_MILLIS = 10;

    private final Map<Runnable, Long> deadlines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;

    Watchdog() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-lambda-watchdog");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code onTimeout} once the deadline (System.nanoTime) passes, unless {@link #cancel} comes first. */
    void watch(Runnable onTimeout, long deadlineNanos) {
        deadlines.put(onTimeout, deadlineNanos);
    }

    void cancel(Runnable onTimeout) {
        deadlines.remove(onTimeout);
    }

    private void tick() {
        long now = System.nanoTime();
        deadlines.forEach((task, deadline) -> {
            if (now - deadline >= 0 && deadlines.remove(task, deadline)) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    java.util.logging.Logger.getLogger(Watchdog.class.getName()).log(java.util.logging.Level.WARNING,
                            "timeout handling failed", e);
                }
            }
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
