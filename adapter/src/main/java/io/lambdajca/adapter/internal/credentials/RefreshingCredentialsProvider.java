package io.lambdajca.adapter.internal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lambdajca.adapter.internal.AdapterLog;
import io.lambdajca.adapter.internal.Redaction;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Temporary credentials kept fresh without making callers wait: fetched on first use, then fetched again in the
 * background when half their lifetime, at most 5 minutes, is left. Callers get the cached credentials until they are
 * about to expire (the last tenth of their lifetime, at most a minute); only then does a caller wait for a fetch. One
 * fetch at a time: concurrent callers wait for the same one. A failed background refresh is retried while the old
 * credentials last; once they have expired, the next caller fetches (and the background refreshes resume with the
 * next credentials).
 * <p>
 * Every fetch runs on the adapter's scheduler threads, never on an application server thread: the SDK's STS client
 * caches an XML parser per thread that keeps a reference to the adapter's classes, which would keep an undeployed
 * adapter in memory on the server's long-lived threads. The scheduler's threads end when the adapter stops.
 */
final class RefreshingCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {

    private static final Duration MAX_PREFETCH = Duration.ofMinutes(5);
    private static final Duration MAX_STALE = Duration.ofMinutes(1);
    private static final Duration MIN_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final String description;
    private final Supplier<AwsSessionCredentials> fetcher;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile Held current;
    /** The fetch under way, if any; guarded by lock. */
    private CompletableFuture<Held> inFlight;
    private ScheduledFuture<?> nextRefresh;
    /** No background refresh starts or is scheduled any more (the adapter is stopping); guarded by lock. */
    private boolean stopped;
    private boolean closed;

    RefreshingCredentialsProvider(String description, Supplier<AwsSessionCredentials> fetcher,
            ScheduledExecutorService scheduler, Clock clock) {
        this.description = description;
        this.fetcher = fetcher;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        Held held = current;
        if (held != null && !held.stale(clock.instant())) {
            return held.credentials;
        }
        return fetch().credentials;
    }

    /** Starts a fetch (or joins the one under way) and waits for it. */
    private Held fetch() {
        CompletableFuture<Held> fetch;
        boolean mine = false;
        synchronized (lock) {
            if (closed) {
                throw closedFailure(null);
            }
            Held held = current;
            if (held != null && !held.stale(clock.instant())) {
                return held;
            }
            if (Thread.currentThread() instanceof CredentialProviders.SchedulerThread && inFlight != null) {
                // a scheduler thread never waits for a fetch queued behind it (chained profiles): it fetches itself
                fetch = new CompletableFuture<>();
                mine = true;
            } else {
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    mine = true;
                }
                fetch = inFlight;
            }
        }
        if (mine) {
            if (Thread.currentThread() instanceof CredentialProviders.SchedulerThread) {
                run(fetch);
            } else {
                try {
                    scheduler.execute(() -> run(fetch));
                } catch (RejectedExecutionException e) {
                    finish(fetch, null, closedFailure(e));
                }
            }
        }
        try {
            return fetch.get(); // interruptible: the SDK's call timeout interrupts a caller waiting here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the credentials' failure, as the application is told of a credential service that does not answer in
            // time; not retried: the call's time is up
            CredentialsUnavailableException unavailable = new CredentialsUnavailableException("Waited for the "
                    + "credentials of " + description + " until the call's time ran out (CallTimeoutMillis; or its "
                    + "thread was interrupted): their fetch was still under way", null, false, e);
            throw AbortedException.create(unavailable.getMessage(), unavailable);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CredentialsUnavailableException unavailable) {
                // to the SDK as the exception its pipeline expects of a provider: its interceptors may only replace
                // a failure by a subclass of its own, and one does replace any failure caused by an
                // UnknownHostException (the STS host's) with an SdkClientException; the cause says what failed
                throw SdkClientException.create(unavailable.getMessage(), unavailable);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /**
     * Fetches on this (scheduler) thread and completes the future; returns the failure, or null. An error (a class
     * that cannot be loaded, say) is a failure too: no caller waits for it forever, and a background refresh is tried
     * again. A failure that the fetcher did not foresee (a bug, an answer no one expected) becomes a
     * {@link CredentialsUnavailableException} naming the profile, so that it reaches the application as the
     * credentials' failure rather than as an unexpected one.
     */
    private Throwable run(CompletableFuture<Held> fetch) {
        try {
            finish(fetch, new Held(fetcher.get(), clock.instant()), null);
            return null;
        } catch (CredentialsUnavailableException | Error e) {
            finish(fetch, null, e);
            return e;
        } catch (RuntimeException e) {
            // not retried: what no one foresaw is not known to pass a moment later
            CredentialsUnavailableException unavailable = new CredentialsUnavailableException("Fetching the "
                    + "credentials of " + description + " failed: " + Redaction.describe(e), null, false, e);
            finish(fetch, null, unavailable);
            return unavailable;
        }
    }

    private void finish(CompletableFuture<Held> fetch, Held held, Throwable failure) {
        boolean kept = false;
        synchronized (lock) {
            if (inFlight == fetch) {
                inFlight = null;
            }
            if (held != null && !closed) {
                // one that ends after close() is not kept: close() has failed it for the callers that waited
                current = held;
                schedule(Duration.between(clock.instant(), held.prefetchAt()).toMillis());
                kept = true;
            }
        }
        if (held != null) {
            if (kept) {
                AdapterLog.credentialsRefreshed(description, held.expiration);
            }
            fetch.complete(held);
        } else {
            fetch.completeExceptionally(failure);
        }
    }

    /** Called holding the lock. */
    private void schedule(long delayMillis) {
        if (nextRefresh != null) {
            nextRefresh.cancel(false);
        }
        if (!stopped) {
            try {
                nextRefresh = scheduler.schedule(this::refreshInBackground, Math.max(0, delayMillis),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                nextRefresh = null; // the adapter is stopping
            }
        }
    }

    private void refreshInBackground() {
        CompletableFuture<Held> fetch = new CompletableFuture<>();
        synchronized (lock) {
            if (stopped || inFlight != null) {
                return;
            }
            inFlight = fetch;
        }
        Throwable failure = run(fetch);
        if (failure != null) {
            Held held = current;
            Duration left = held == null ? Duration.ZERO : Duration.between(clock.instant(), held.expiration);
            // once the credentials have expired, retrying in the background would call STS every second for as long
            // as it fails (a deleted role, an expired certificate), used or not: the next call fetches them instead
            boolean expired = left.isNegative() || left.isZero();
            Duration retry = clamp(left.dividedBy(4), MIN_RETRY, MAX_RETRY);
            synchronized (lock) {
                if (stopped) {
                    return; // the adapter stopped under the refresh: nothing to report or retry
                }
                if (!expired) {
                    schedule(retry.toMillis());
                }
            }
            if (expired) {
                AdapterLog.credentialsExpired(description, failure);
            } else {
                AdapterLog.credentialsRefreshFailed(description, retry, failure);
            }
        }
    }

    /**
     * Starts and schedules no more background refreshes; one under way goes on. Callers are still served, so that a
     * profile that assumes a role with these credentials can still finish its own refresh while the adapter stops.
     */
    void stopRefreshing() {
        synchronized (lock) {
            stopped = true;
            if (nextRefresh != null) {
                nextRefresh.cancel(false);
            }
        }
    }

    /** Refreshes no more, serves no caller, and fails a fetch that has not ended for the callers waiting for it. */
    @Override
    public void close() {
        CompletableFuture<Held> unfinished;
        synchronized (lock) {
            stopRefreshing();
            closed = true;
            current = null;
            unfinished = inFlight;
            inFlight = null;
        }
        if (unfinished != null) {
            unfinished.completeExceptionally(closedFailure(null));
        }
    }

    private IllegalStateException closedFailure(Throwable cause) {
        return new IllegalStateException("the credentials of " + description + " are closed (adapter stopped)", cause);
    }

    @Override
    public String toString() {
        return "RefreshingCredentialsProvider[" + description + "]";
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    /** Credentials with the time they were fetched and when they expire. */
    private static final class Held {
        final AwsSessionCredentials credentials;
        final Instant expiration;
        final Duration lifetime;

        Held(AwsSessionCredentials credentials, Instant fetchedAt) {
            this.credentials = credentials;
            this.expiration = credentials.expirationTime().orElseThrow(() -> new IllegalStateException(
                    "temporary credentials without an expiry"));
            Duration l = Duration.between(fetchedAt, expiration);
            this.lifetime = l.isNegative() ? Duration.ZERO : l;
        }

        Instant prefetchAt() {
            Duration margin = lifetime.dividedBy(2);
            return expiration.minus(margin.compareTo(MAX_PREFETCH) > 0 ? MAX_PREFETCH : margin);
        }

        boolean stale(Instant now) {
            Duration margin = lifetime.dividedBy(10);
            return !now.isBefore(expiration.minus(margin.compareTo(MAX_STALE) > 0 ? MAX_STALE : margin));
        }
    }
}
