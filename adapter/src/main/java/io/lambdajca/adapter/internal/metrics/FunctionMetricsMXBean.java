package io.lambdajca.adapter.internal.metrics;

/**
 * What the adapter counts for one function, as JMX shows it ({@code io.lambdajca:type=FunctionMetrics,adapter=...,
 * function=...}): invocations sent by applications, and of those the ones that came back with a function error, the
 * ones throttled after the retry budget, and the ones that failed otherwise (no answer, access denied, bad request);
 * latency percentiles over the most recent completed invocations.
 * <p>
 * Event invocations deferred until their JTA transaction commits ({@code afterCommit}) are counted when registered
 * ({@code DeferredInvocations}) and then by their outcome: {@code DeferredSent}, {@code DeferredDropped} or
 * {@code DeferredFailures}, so that registered = sent + dropped + failed + those whose transaction is still open. One
 * sent after the commit is also an invocation like any other: counted in {@code Invocations} and latency, and a
 * failed one in {@code Throttles} or {@code Failures}. A dropped one was never sent and is counted nowhere else.
 */
public interface FunctionMetricsMXBean {

    String getFunctionName();

    /** Invocations sent (at once, or after their transaction committed), whatever their outcome. */
    long getInvocations();

    long getFunctionErrors();

    long getThrottles();

    long getFailures();

    /** Event invocations registered to be sent after their transaction commits. */
    long getDeferredInvocations();

    /** Deferred invocations sent after their transaction committed and accepted by Lambda. */
    long getDeferredSent();

    /** Deferred invocations dropped, never sent, because their transaction rolled back. */
    long getDeferredDropped();

    /** Deferred invocations that could not be sent after their transaction committed (also logged, LAMBDAJCA1009). */
    long getDeferredFailures();

    /** Median latency of the most recent completed invocations (at most {@value FunctionMetrics#SAMPLES}). */
    double getLatencyP50Millis();

    /** 99th percentile latency of the most recent completed invocations. */
    double getLatencyP99Millis();
}
