package io.lambdajca.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.lambdajca.adapter.internal.AdapterLog;
import io.lambdajca.adapter.internal.AdapterThreads;
import jakarta.resource.ResourceException;

/**
 * Finishes activating the connection definitions whose credential profile (or a SourceProfile it names) was not bound
 * yet when the container created their connection factory, as when it binds administered objects after connection
 * factories: a task on the adapter's own threads tries again, rescheduled at growing intervals (no sleeping thread),
 * until the profile is bound, then resolves it and builds and warms up the shared SDK client, so that the first call
 * does not pay for it; after {@link #PROFILE_WAIT} it gives up with a warning. Definitions whose profile is bound are
 * activated on the container's thread ({@link ActiveDefinition#activate()}).
 * <p>
 * Adapter-owned threads rather than the container's work manager: they exist from the adapter's construction, so a
 * connection definition can hand its task over whatever the order in which the container creates connection factories
 * and starts the adapter, with no queue to hand over at start(); and {@link #stop()} ends them, so that no activation
 * outlives the adapter. They end after a few seconds without work.
 */
final class Activations {

    static final Duration PROFILE_WAIT = Duration.ofSeconds(30);
    static final String THREAD_PREFIX = "lambdajca-activation-";
    private static final long FIRST_RETRY_MILLIS = 50;
    private static final long MAX_RETRY_MILLIS = 1000;
    private static final int THREADS = 2;

    /** One connection definition's activation; throws with a {@link ProfileLookup.NotBound} cause to be retried. */
    @FunctionalInterface
    interface Step {
        void run() throws ResourceException;
    }

    private final Clock clock;
    private final AtomicInteger threadCount = new AtomicInteger();
    /** Guarded by this; created on first use, null again once stopped. */
    private ScheduledThreadPoolExecutor executor;
    private boolean stopped;

    Activations() {
        this(Clock.systemUTC());
    }

    Activations(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs the step on an activation thread as soon as the profile (if any) is bound. Does nothing once the adapter
     * has stopped.
     */
    void activate(String profile, Step step) {
        schedule(new Attempt(profile, step, clock.instant().plus(PROFILE_WAIT)), 0);
    }

    private synchronized boolean schedule(Attempt attempt, long delayMillis) {
        if (stopped) {
            return false;
        }
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(THREADS, new Threads());
            executor.setKeepAliveTime(5, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            executor.setRemoveOnCancelPolicy(true);
        }
        executor.schedule(attempt, delayMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    private synchronized boolean stopped() {
        return stopped;
    }

    /** Drops pending activations and interrupts running ones; {@link #awaitStopped} waits for them to end. */
    void stop() {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            stopped = true;
            running = executor;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** Waits, at most that long, for the activation threads to end after {@link #stop()}; whether they ended. */
    boolean awaitStopped(Duration wait) {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) {
            return true;
        }
        try {
            return running.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One try at activating a connection definition, rescheduled while its profile is not bound. */
    private final class Attempt implements Runnable {
        private final String profile;
        private final Step step;
        private final Instant deadline;
        private long retryMillis = FIRST_RETRY_MILLIS;

        Attempt(String profile, Step step, Instant deadline) {
            this.profile = profile;
            this.step = step;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            if (stopped()) {
                return;
            }
            if (profile != null && !ProfileLookup.isBound(profile)) {
                retryLater();
                return;
            }
            try {
                step.run();
            } catch (ResourceException e) {
                if (e.getCause() instanceof ProfileLookup.NotBound) {
                    retryLater();
                } else if (!stopped()) {
                    AdapterLog.deferredActivationFailed(profile, e);
                }
            } catch (RuntimeException e) {
                if (!stopped()) {
                    AdapterLog.deferredActivationFailed(profile, e);
                }
            }
        }

        private void retryLater() {
            if (!clock.instant().isBefore(deadline)) {
                AdapterLog.profileNotBound(profile, PROFILE_WAIT.toMillis());
                return;
            }
            long delay = retryMillis;
            retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
            schedule(this, delay);
        }
    }

    /** Daemon threads named for the adapter, with the adapter's class loader, so that no application's is pinned. */
    private final class Threads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            String name = THREAD_PREFIX + threadCount.incrementAndGet();
            return AdapterThreads.daemon(() -> new Thread(r, name));
        }
    }
}
