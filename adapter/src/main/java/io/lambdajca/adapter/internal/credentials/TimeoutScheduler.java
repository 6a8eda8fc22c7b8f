package io.lambdajca.adapter.internal.credentials;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.ImmediateExecutor;

/**
 * The scheduler the adapter gives its SDK clients. The SDK schedules a timeout task for every call that has a call
 * timeout and cancels it when the call returns: tens of thousands of schedule-and-cancel pairs a second under load.
 * On a {@link java.util.concurrent.ScheduledThreadPoolExecutor} each pair takes its queue's one lock twice and can wake
 * its thread; with 16 callers on two cores that cost the adapter about a fifth of its throughput against an SDK client
 * without a call timeout (src/docs/figures-history.md). Here one-shot tasks go on a timing wheel (Netty's
 * {@link HashedWheelTimer}: adding and cancelling are lock-free, one thread advances the wheel every
 * {@value #TICK_MILLIS} ms), and a task that comes due runs on the wheel's thread. Everything else (periodic tasks,
 * plain execution, shutdown) is the scheduler's.
 *
 * <p>A timeout fires at most one tick late. The wheel's thread starts with the first timeout and ends in
 * {@link #stop()}. A one-shot task must be short and never block (the SDK's timeout tasks interrupt a thread and abort
 * a request): it runs on the wheel's thread, and every other timeout waits for it.
 */
final class TimeoutScheduler implements ScheduledExecutorService {

    /** How often the wheel advances: the most a timeout can fire late. */
    static final long TICK_MILLIS = 10;

    private final ScheduledExecutorService scheduler;
    private final HashedWheelTimer wheel;

    TimeoutScheduler(ScheduledExecutorService scheduler, ThreadFactory wheelThread) {
        this.scheduler = scheduler;
        // 512 slots of 10 ms; no leak tracking (the adapter stops it); no cap on pending timeouts; due tasks run on
        // the wheel's own thread: the scheduler's threads also fetch credentials, and a slow STS would hold them (and
        // every call's timeout) for as long as its own timeouts allow. A due task only aborts its call.
        this.wheel = new HashedWheelTimer(wheelThread, TICK_MILLIS, TimeUnit.MILLISECONDS, 512, false, -1,
                ImmediateExecutor.INSTANCE);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return onWheel(new WheelTask<>(command, null, System.nanoTime() + unit.toNanos(delay)), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return onWheel(new WheelTask<>(callable, System.nanoTime() + unit.toNanos(delay)), delay, unit);
    }

    /** Refuses the task once the wheel has stopped, as a stopped ScheduledExecutorService does. */
    private <V> WheelTask<V> onWheel(WheelTask<V> task, long delay, TimeUnit unit) {
        try {
            task.placed(wheel.newTimeout(task, Math.max(0, delay), unit));
        } catch (IllegalStateException stopped) {
            throw new RejectedExecutionException("the adapter's timeouts have stopped", stopped);
        }
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return scheduler.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduler.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        scheduler.execute(command);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return scheduler.submit(task);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return scheduler.submit(task, result);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return scheduler.submit(task);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return scheduler.invokeAll(tasks);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        return scheduler.invokeAll(tasks, timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return scheduler.invokeAny(tasks);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return scheduler.invokeAny(tasks, timeout, unit);
    }

    /** The SDK never shuts down a scheduler it was given; the adapter stops this one with {@link #stop()}. */
    @Override
    public void shutdown() {
        scheduler.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return scheduler.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return scheduler.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return scheduler.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return scheduler.awaitTermination(timeout, unit);
    }

    /** Timeouts on the wheel, cancelled ones included until its next tick takes them off. */
    long pending() {
        return wheel.pendingTimeouts();
    }

    /**
     * Stops the wheel and waits for its thread to end, then runs, on the caller's thread, the timeouts not yet due:
     * the adapter is stopping, and a call still waiting for its answer (the first call of a client being built, which
     * no one else can close yet) must end now, not when its socket's read timeout (minutes) runs out.
     */
    void stop() {
        // stop() cancels the timeouts it finds on the wheel and gives those; a task its caller cancelled is not run
        for (Timeout pending : wheel.stop()) {
            ((WheelTask<?>) pending.task()).run(); // a FutureTask: what its command throws is its future's
        }
    }

    /** A one-shot task on the wheel: its future, cancelled with its place on the wheel. */
    private static final class WheelTask<V> extends FutureTask<V> implements ScheduledFuture<V>, TimerTask {

        private final long deadlineNanos;
        private volatile Timeout timeout;

        WheelTask(Runnable command, V result, long deadlineNanos) {
            super(command, result);
            this.deadlineNanos = deadlineNanos;
        }

        WheelTask(Callable<V> callable, long deadlineNanos) {
            super(callable);
            this.deadlineNanos = deadlineNanos;
        }

        void placed(Timeout placed) {
            timeout = placed;
            if (isCancelled()) {
                placed.cancel(); // cancelled by another thread before it had its place
            }
        }

        @Override
        public void run(Timeout due) {
            run();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            // never interrupts: a task that is running runs on the wheel's own thread
            boolean cancelled = super.cancel(false);
            Timeout t = timeout;
            if (cancelled && t != null) {
                t.cancel(); // off the wheel at its next tick, so cancelled timeouts do not pile up
            }
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
