package io.lambdajca.adapter.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts the thread that opened it if that thread is still inside it when the time given is up, as the SDK's own
 * call timeout does for a synchronous call; closing it ends the wait and clears the interrupt it made, so that the
 * interrupt never outlives the block. For what the SDK's async client does on the caller's thread before it returns
 * a future: resolving the credentials, which waits for a fetch from STS or Roles Anywhere that nothing else bounds.
 */
final class InterruptAtDeadline implements AutoCloseable {

    private final Thread caller = Thread.currentThread();
    private final ScheduledFuture<?> timer;
    /** Guarded by this. */
    private boolean inside = true;
    /** Guarded by this. */
    private boolean interrupted;

    /** Starts the timer; with no time given, or no scheduler to run it (the adapter stopping), it never fires. */
    InterruptAtDeadline(ScheduledExecutorService scheduler, Duration left) {
        ScheduledFuture<?> scheduled = null;
        if (left != null) {
            try {
                scheduled = scheduler.schedule(this::fire, left.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // the adapter is stopping: its streams are aborted, and the credentials' waits with them
            }
        }
        this.timer = scheduled;
    }

    private synchronized void fire() {
        if (inside) {
            interrupted = true;
            caller.interrupt();
        }
    }

    @Override
    public void close() {
        boolean clear;
        synchronized (this) {
            inside = false;
            clear = interrupted;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        if (clear) {
            Thread.interrupted(); // this block's interrupt, whether the wait it ended saw it or not
        }
    }
}
