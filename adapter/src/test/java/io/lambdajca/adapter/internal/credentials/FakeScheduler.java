package io.lambdajca.adapter.internal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic scheduler on a hand-moved clock: tasks handed to {@code execute} and {@code schedule} are only
 * recorded, and run on the test's thread when the test says so ({@link #runQueued()}, {@link #advance(Duration)}).
 * The clock it returns from {@link #clock()} is the one its delays are measured on.
 */
final class FakeScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final List<Runnable> queued = new ArrayList<>();
    private final List<Task> scheduled = new ArrayList<>();
    private volatile Instant now;
    private boolean shutdown;

    FakeScheduler(Instant start) {
        this.now = start;
    }

    /** A clock that reads this scheduler's time. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    Instant now() {
        return now;
    }

    /** Moves the clock on by {@code by} (tasks that fall due are not run: see {@link #runDue()}). */
    void moveClock(Duration by) {
        now = now.plus(by);
    }

    /** Moves the clock on and runs every scheduled task that is due by then, in order of due time. */
    void advance(Duration by) {
        moveClock(by);
        runDue();
    }

    /** Runs the scheduled tasks that are due now (not cancelled), earliest first; returns how many ran. */
    int runDue() {
        int ran = 0;
        while (true) {
            Task next;
            synchronized (this) {
                next = scheduled.stream().filter(t -> !t.cancelled && !t.done && !t.dueAt.isAfter(now))
                        .min(Comparator.comparing(t -> t.dueAt)).orElse(null);
                if (next == null) {
                    return ran;
                }
                next.done = true;
            }
            next.command.run();
            ran++;
        }
    }

    /** Runs the tasks handed to {@code execute} so far, in order; returns how many ran. */
    int runQueued() {
        List<Runnable> batch;
        synchronized (this) {
            batch = new ArrayList<>(queued);
            queued.clear();
        }
        batch.forEach(Runnable::run);
        return batch.size();
    }

    synchronized int queuedCount() {
        return queued.size();
    }

    /** The scheduled tasks not yet run nor cancelled. */
    synchronized List<Task> pending() {
        return scheduled.stream().filter(t -> !t.cancelled && !t.done).toList();
    }

    @Override
    public synchronized void execute(Runnable command) {
        checkRunning();
        queued.add(command);
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        checkRunning();
        Task t = new Task(command, now.plusNanos(unit.toNanos(delay)));
        scheduled.add(t);
        return t;
    }

    private void checkRunning() {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    /** A scheduled task: its due time on the fake clock, and whether it was cancelled or has run. */
    final class Task implements ScheduledFuture<Void> {
        final Runnable command;
        final Instant dueAt;
        volatile boolean cancelled;
        volatile boolean done;

        Task(Runnable command, Instant dueAt) {
            this.command = command;
            this.dueAt = dueAt;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now, dueAt));
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (FakeScheduler.this) {
                if (done) {
                    return false;
                }
                cancelled = true;
                return true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Void get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Void get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
