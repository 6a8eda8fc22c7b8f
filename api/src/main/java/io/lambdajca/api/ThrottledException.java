package io.lambdajca.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Lambda refused the call for lack of concurrency or rate (TooManyRequestsException, HTTP 429), and the adapter's
 * retry budget for throttling is spent.
 */
public class ThrottledException extends LambdaException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final Duration retryAfter;
    private final int attempts;

    public ThrottledException(String functionName, String message, String reason, Duration retryAfter, int attempts,
            Throwable cause) {
        super(functionName, message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** Lambda's reason, such as {@code ReservedFunctionConcurrentInvocationLimitExceeded}, when it gave one. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** How long Lambda asked the caller to wait (the {@code Retry-After} header), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many times the adapter sent the request before giving up. */
    public int attempts() {
        return attempts;
    }
}
