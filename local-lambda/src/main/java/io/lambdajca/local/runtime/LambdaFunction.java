package io.lambdajca.local.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.lambdajca.local.ApiException;

/** A function: its {@code $LATEST}, its published versions, its reserved concurrency and its counters. */
public final class LambdaFunction {

    private final FunctionVersion latest;
    private final TreeMap<Integer, FunctionVersion> published = new TreeMap<>();
    private int lastVersion;
    private volatile Concurrency concurrency = Concurrency.UNRESERVED;
    private final Aliases aliases = new Aliases(this);
    private final FunctionTags tags = new FunctionTags();

    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong functionErrors = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();

    LambdaFunction(FunctionVersion latest) {
        this.latest = latest;
    }

    public String name() {
        return latest.name();
    }

    public FunctionVersion latest() {
        return latest;
    }

    /** The version a qualifier names: null or $LATEST for the latest, a published number, or an alias's version. */
    public synchronized Optional<FunctionVersion> version(String qualifier) {
        if (qualifier == null || qualifier.isEmpty() || FunctionVersion.LATEST.equals(qualifier)) {
            return Optional.of(latest);
        }
        try {
            return Optional.ofNullable(published.get(Integer.parseInt(qualifier)));
        } catch (NumberFormatException e) {
            return aliases.primary(qualifier);
        }
    }

    public Aliases aliases() {
        return aliases;
    }

    public FunctionTags tags() {
        return tags;
    }

    /** The function's tenant isolation, set when it was created. */
    public Tenancy tenancy() {
        return latest.runtime().tenancy();
    }

    public synchronized List<FunctionVersion> allVersions() {
        List<FunctionVersion> all = new ArrayList<>();
        all.add(latest);
        all.addAll(published.values());
        return all;
    }

    public synchronized FunctionVersion publish() {
        lastVersion++;
        FunctionVersion v = latest.publish(Integer.toString(lastVersion));
        published.put(lastVersion, v);
        return v;
    }

    /**
     * Removes a published version; true when it existed.
     *
     * @throws ApiException 409 when an alias routes to it
     */
    public synchronized boolean removeVersion(String qualifier) {
        List<String> referencing = aliases.referencing(qualifier);
        if (!referencing.isEmpty()) {
            // AWS's text, as users report it (e.g. cloud-custodian/cloud-custodian#6739)
            throw ApiException.conflict("Unable to delete version because the following aliases reference it: "
                    + referencing);
        }
        try {
            return published.remove(Integer.parseInt(qualifier)) != null;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public Integer reservedConcurrency() {
        return concurrency.reserved;
    }

    public void reserveConcurrency(Integer reserved) {
        this.concurrency = reserved == null ? Concurrency.UNRESERVED : new Concurrency(reserved);
    }

    /** Takes one execution environment, or throws the 429 Lambda sends when none is free. */
    Permit acquire(Semaphore account, int retryAfterSeconds) {
        Concurrency c = concurrency;
        Semaphore gate = c.reserved == null ? account : c.semaphore;
        if (!gate.tryAcquire()) {
            throttles.incrementAndGet();
            throw ApiException.throttled(c.reserved == null ? "ConcurrentInvocationLimitExceeded"
                    : "ReservedFunctionConcurrentInvocationLimitExceeded", retryAfterSeconds);
        }
        return new Permit(gate);
    }

    /** Waits for an execution environment, for asynchronous invocations which Lambda queues rather than rejects. */
    Permit acquireWaiting(Semaphore account) throws InterruptedException {
        while (true) {
            Concurrency c = concurrency;
            Semaphore gate = c.reserved == null ? account : c.semaphore;
            if (gate.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return new Permit(gate);
            }
        }
    }

    void counted(InvocationOutcome outcome) {
        invocations.incrementAndGet();
        if (outcome.functionError() != null) {
            functionErrors.incrementAndGet();
        }
        if (outcome.timedOut()) {
            timeouts.incrementAndGet();
        }
    }

    /** Counters since the function was created. */
    public Map<String, Long> stats() {
        return Map.of("invocations", invocations.get(), "functionErrors", functionErrors.get(), "throttles",
                throttles.get(), "timeouts", timeouts.get());
    }

    private static final class Concurrency {
        static final Concurrency UNRESERVED = new Concurrency(null);
        final Integer reserved;
        final Semaphore semaphore;

        Concurrency(Integer reserved) {
            this.reserved = reserved;
            this.semaphore = reserved == null ? null : new Semaphore(reserved);
        }
    }

    /** An execution environment held by one invocation; released exactly once. */
    static final class Permit {
        private final Semaphore gate;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        Permit(Semaphore gate) {
            this.gate = gate;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                gate.release();
            }
        }
    }
}
