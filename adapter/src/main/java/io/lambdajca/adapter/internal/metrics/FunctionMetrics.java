package io.lambdajca.adapter.internal.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** The counters and latency samples of one function; thread-safe and cheap to update on every call. */
public final class FunctionMetrics implements FunctionMetricsMXBean {

    /** Latency percentiles cover this many of the most recent completed invocations. */
    public static final int SAMPLES = 1024;

    private final String functionName;
    private final LongAdder invocations = new LongAdder();
    private final LongAdder functionErrors = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder deferred = new LongAdder();
    private final LongAdder deferredSent = new LongAdder();
    private final LongAdder deferredDropped = new LongAdder();
    private final LongAdder deferredFailures = new LongAdder();
    private final AtomicLongArray latencies = new AtomicLongArray(SAMPLES);
    private final AtomicLong completed = new AtomicLong();

    FunctionMetrics(String functionName) {
        this.functionName = functionName;
    }

    /** An invocation came back (successfully or with a function error) after that many nanoseconds. */
    public void completed(long nanos, boolean functionError) {
        invocations.increment();
        if (functionError) {
            functionErrors.increment();
        }
        latencies.set((int) (completed.getAndIncrement() % SAMPLES), nanos);
    }

    /** An invocation was throttled after the retry budget. */
    public void throttled() {
        invocations.increment();
        throttles.increment();
    }

    /** An invocation failed without an answer from the function. */
    public void failed() {
        invocations.increment();
        failures.increment();
    }

    /** An Event invocation was registered to be sent when its transaction commits. */
    public void deferred() {
        deferred.increment();
    }

    /** A deferred invocation was sent after its transaction committed, and Lambda accepted it. */
    public void deferredSent() {
        deferredSent.increment();
    }

    /** A deferred invocation was dropped: its transaction rolled back. */
    public void deferredDropped() {
        deferredDropped.increment();
    }

    /** A deferred invocation could not be sent after its transaction committed. */
    public void deferredFailed() {
        deferredFailures.increment();
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public long getInvocations() {
        return invocations.sum();
    }

    @Override
    public long getFunctionErrors() {
        return functionErrors.sum();
    }

    @Override
    public long getThrottles() {
        return throttles.sum();
    }

    @Override
    public long getFailures() {
        return failures.sum();
    }

    @Override
    public long getDeferredInvocations() {
        return deferred.sum();
    }

    @Override
    public long getDeferredSent() {
        return deferredSent.sum();
    }

    @Override
    public long getDeferredDropped() {
        return deferredDropped.sum();
    }

    @Override
    public long getDeferredFailures() {
        return deferredFailures.sum();
    }

    @Override
    public double getLatencyP50Millis() {
        return percentile(0.50);
    }

    @Override
    public double getLatencyP99Millis() {
        return percentile(0.99);
    }

    private double percentile(double p) {
        int n = (int) Math.min(completed.get(), SAMPLES);
        if (n == 0) {
            return 0;
        }
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = latencies.get(i);
        }
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1e6;
    }
}
