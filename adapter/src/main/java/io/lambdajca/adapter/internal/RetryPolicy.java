package io.lambdajca.adapter.internal;

import java.time.Duration;

/**
 * When the adapter sends a request again. Throttling (429) and failures to connect (the request never left) are
 * retried with exponential backoff and jitter, honouring Retry-After, while the retries and the total wait stay within
 * budget. Timeouts and broken connections after sending are retried only for operations that are safe to repeat,
 * and for Invoke only when {@code retryInvokeAfterTimeout} is set, because the function may already be running.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxBackoff, Duration budget,
        boolean retryInvokeAfterTimeout) {

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
}
