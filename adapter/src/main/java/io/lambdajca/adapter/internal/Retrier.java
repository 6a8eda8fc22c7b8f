package io.lambdajca.adapter.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException;
import io.lambdajca.api.ConnectionUnavailableException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Runs a Lambda call under a {@link RetryPolicy}: throttling and failures to connect are retried with capped
 * exponential backoff and full jitter, never sooner than Retry-After, while within the retry count and the total wait
 * budget. A failure after the request may have reached Lambda is retried only for operations safe to repeat, and for
 * Invoke only when the policy says so. The call timeout bounds the whole call, retries and waits included: each
 * attempt is given the time that is left as its own timeout, and no retry starts unless, after its wait, at least
 * {@link #minimumAttempt(Duration) a minimum attempt time} is left. The last failure is rethrown as the SDK raised it,
 * with the attempt count.
 */
final class Retrier {

    /** The least time a retry is started with: 1 s, or a tenth of the call timeout when that is shorter. */
    static Duration minimumAttempt(Duration callTimeout) {
        return Duration.ofMillis(Math.min(1_000, callTimeout.toMillis() / 10));
    }

    private final RetryPolicy policy;
    private final Duration callTimeout;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final BooleanSupplier stopped;

    /**
     * @param callTimeout the bound of a whole call, retries included; null for none
     * @param adapter the adapter's stop signal: a call waiting to retry stops waiting, and makes no more attempts, when
     *     it stops
     */
    Retrier(RetryPolicy policy, Duration callTimeout, OpenStreams adapter) {
        this(policy, callTimeout, adapter::awaitStop, System::nanoTime, adapter::adapterStopped);
    }

    Retrier(RetryPolicy policy, Duration callTimeout, Sleeper sleeper, LongSupplier nanoClock) {
        this(policy, callTimeout, sleeper, nanoClock, () -> false);
    }

    Retrier(RetryPolicy policy, Duration callTimeout, Sleeper sleeper, LongSupplier nanoClock,
            BooleanSupplier stopped) {
        this.policy = policy;
        this.callTimeout = callTimeout;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.stopped = stopped;
    }

    /** Pauses the calling thread (no longer than until the adapter stops); replaceable in tests. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** The outcome of the last attempt when no retry is left. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int attempts;

        Exhausted(RuntimeException last, int attempts) {
            super(last.getMessage(), last, false, false);
            this.attempts = attempts;
        }

        RuntimeException last() {
            return (RuntimeException) getCause();
        }
    }

    /**
     * Runs the attempts. Each is given the time left of the call timeout, to be used as that attempt's own SDK call
     * timeout (null when the call has no bound).
     */
    <T> T call(Operation operation, String functionName, Function<Duration, T> attempt) {
        long started = nanoClock.getAsLong();
        long waited = 0;
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(callTimeout == null ? null : left(started));
            } catch (RuntimeException e) {
                long delay = retryDelay(operation, e, n, waited);
                if (delay >= 0 && callTimeout != null
                        && left(started).minusMillis(delay).compareTo(minimumAttempt(callTimeout)) < 0) {
                    delay = -1; // the call timeout would end the retry before it could do any good
                }
                if (delay < 0) {
                    throw new Exhausted(e, n);
                }
                checkRunning(operation, functionName, n, e);
                AdapterLog.retrying(operation.apiName(), functionName, n, delay, e.getClass().getSimpleName());
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new Exhausted(e, n);
                }
                waited += delay;
                checkRunning(operation, functionName, n, e);
            }
        }
    }

    /** No further attempt once the adapter has stopped: nothing more is sent. */
    private void checkRunning(Operation operation, String functionName, int attempts, RuntimeException last) {
        if (stopped.getAsBoolean()) {
            throw new ConnectionUnavailableException(functionName, operation.apiName() + " of '" + functionName
                    + "' was not sent again: the Lambda resource adapter stopped (undeployed, or the server is "
                    + "stopping) while it waited to retry, after " + attempts + " attempt(s)", last);
        }
    }

    /**
     * One SDK call under the policy, as the connection's operations make them: an attempt with less than the whole
     * call timeout left carries what is left as its own API call timeout (a first attempt carries none: the client's
     * own is the same, and a per-request override costs the SDK a merge of its configuration), and the last failure is
     * mapped to the connector's exceptions.
     */
    <T> T sdkCall(Operation operation, String functionName, Function<AwsRequestOverrideConfiguration, T> call) {
        try {
            return call(operation, functionName, left -> call.apply(left == null || left.equals(callTimeout)
                    ? null : AwsRequestOverrideConfiguration.builder().apiCallTimeout(left).build()));
        } catch (Exhausted e) {
            throw ExceptionMapper.map(operation, functionName, e.last(), e.attempts);
        }
    }

    /** What is left of the call timeout; at least 1 ms, since the SDK takes no zero timeout. */
    private Duration left(long started) {
        long elapsedMillis = (nanoClock.getAsLong() - started) / 1_000_000;
        return Duration.ofMillis(Math.max(1, callTimeout.toMillis() - elapsedMillis));
    }

    /** How long to wait before the next attempt, or -1 to give up. */
    long retryDelay(Operation operation, RuntimeException e, int attempt, long waitedMillis) {
        if (attempt > policy.maxRetries() || !retryable(operation, e)) {
            return -1;
        }
        int doublings = Math.min(attempt - 1, 20);
        long base = policy.baseDelay().toMillis();
        long grown = base > Long.MAX_VALUE >> doublings ? Long.MAX_VALUE : base << doublings; // no overflow to 0
        long cap = Math.min(policy.maxBackoff().toMillis(), grown);
        long delay = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap == Long.MAX_VALUE ? cap : cap + 1);
        Duration retryAfter = retryAfter(e);
        if (retryAfter != null) {
            delay = Math.max(delay, retryAfter.toMillis());
        }
        // compared as what is left of the budget: waited + a Retry-After's milliseconds could overflow
        return delay > policy.budget().toMillis() - waitedMillis ? -1 : delay;
    }
    private boolean retryable(Operation operation, RuntimeException e) {
        if (e instanceof TooManyRequestsException
                || e instanceof AwsServiceException && ((AwsServiceException) e).statusCode() == 429) {
            return true; // refused before the function ran, whatever the body says
        }
        if (e instanceof SdkClientException) {
            CredentialsUnavailableException credentials = Failures.credentials(e);
            if (credentials != null) {
                // nothing was sent; retried when the credential service could not be reached, not when it refused
                // or when no credentials are to be found, also when that was a chained profile's source
                return !Failures.anyCause(e, t -> t instanceof CredentialsUnavailableException c && !c.retryable());
            }
            if (Failures.beforeSending(e)) {
                return true;
            }
            return operation.idempotent() || policy.retryInvokeAfterTimeout();
        }
        if (e instanceof AwsServiceException && ((AwsServiceException) e).statusCode() >= 500) {
            return operation.idempotent();
        }
        return false;
    }

    static Duration retryAfter(RuntimeException e) {
        if (e instanceof TooManyRequestsException) {
            String value = ((TooManyRequestsException) e).retryAfterSeconds();
            if (value != null) {
                try {
                    long seconds = Long.parseLong(value.trim());
                    // a negative one, or one too long for milliseconds (never Lambda's), is no hint: the application
                    // reads it from ThrottledException.retryAfter() and may take its toMillis()
                    return seconds < 0 || seconds > Long.MAX_VALUE / 1000 ? null : Duration.ofSeconds(seconds);
                } catch (NumberFormatException ignored) {
                    return null;
                }
            }
        }
        return null;
    }
}
