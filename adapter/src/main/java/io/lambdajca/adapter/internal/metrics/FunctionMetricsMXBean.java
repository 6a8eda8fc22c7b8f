package io.lambdajca.adapter.internal.metrics;

/**
 * What the adapter counts for one function, as JMX shows it ({@code io.lambdajca:type=FunctionMetrics,adapter=...,
 * function=...}): invocations sent by applications, and of those the ones that came back with a function error, the
 * ones throttled after the retry budget, and the ones that failed otherwise (no answer, access denied, bad request);
 * latency percentiles over the most recent completed invocations.
 */
public interface FunctionMetricsMXBean {

    String getFunctionName();

    long getInvocations();

    long getFunctionErrors();

    long getThrottles();

    long getFailures();

    /** Median latency of the most recent completed invocations (at most {@value FunctionMetrics#SAMPLES}). */
    double getLatencyP50Millis();

    /** 99th percentile latency of the most recent completed invocations. */
    double getLatencyP99Millis();
}
