package io.lambdajca.adapter.internal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lambdajca.adapter.internal.AdapterLog;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Temporary credentials kept fresh without making callers wait: fetched on first use, then fetched again in the
 * background (on the adapter's shared scheduler) when half their lifetime, at most 5 minutes, is left. Callers get the
 * cached credentials until they are about to expire (the last tenth of their lifetime, at most a minute); only then
 * does a caller fetch and wait. A failed background refresh is retried while the old credentials last.
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
    private ScheduledFuture<?> nextRefresh;
    private volatile boolean closed;

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
        synchronized (lock) {
            held = current;
            if (held == null || held.stale(clock.instant())) {
                held = fetch();
            }
            return held.credentials;
        }
    }

    /** Fetches now and schedules the next refresh; called holding the lock. */
    private Held fetch() {
        if (closed) {
            throw new IllegalStateException("the credentials of " + description + " are closed (adapter stopped)");
        }
        Held held = new Held(fetcher.get(), clock.instant());
        current = held;
        schedule(Duration.between(clock.instant(), held.prefetchAt()).toMillis());
        AdapterLog.credentialsRefreshed(description, held.expiration);
        return held;
    }

    private void schedule(long delayMillis) {
        if (nextRefresh != null) {
            nextRefresh.cancel(false);
        }
        if (!closed) {
            nextRefresh = scheduler.schedule(this::refreshInBackground, Math.max(0, delayMillis),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void refreshInBackground() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                fetch();
            } catch (RuntimeException e) {
                Held held = current;
                Duration left = held == null ? Duration.ZERO : Duration.between(clock.instant(), held.expiration);
                Duration retry = clamp(left.dividedBy(4), MIN_RETRY, MAX_RETRY);
                AdapterLog.credentialsRefreshFailed(description, retry, e);
                schedule(retry.toMillis());
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (nextRefresh != null) {
                nextRefresh.cancel(false);
            }
            current = null;
        }
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
