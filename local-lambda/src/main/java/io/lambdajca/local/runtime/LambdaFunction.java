package io.lambdajca.local.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.lambdajca.local.ApiException;

/** A function: its {@code $LATEST}, its published versions, its reserved concurrency and its counters. */
public final class LambdaFunction {

    /** $LATEST as the API reports it. */
    private volatile FunctionVersion latest;
    /** The $LATEST invocations run: the newest prepared one (during an update, the one before); null while Pending. */
    private volatile FunctionVersion serving;
    private final TreeMap<Integer, FunctionVersion> published = new TreeMap<>();
    private int lastVersion;
    /** Every code package and runtime the function's versions used, closed with the function. */
    private final List<FunctionCode> ownedCodes = new ArrayList<>();
    private final List<FunctionRuntime> ownedRuntimes = new ArrayList<>();
    private boolean closed;
    private volatile Concurrency concurrency = Concurrency.UNRESERVED;
    private final Aliases aliases = new Aliases(this);
    private final FunctionTags tags = new FunctionTags();

    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong functionErrors = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();

    LambdaFunction(FunctionVersion latest) {
        this.latest = latest;
        this.serving = latest.runtime() == null ? null : latest;
        ownedCodes.add(latest.code());
        if (latest.runtime() != null) {
            ownedRuntimes.add(latest.runtime());
        }
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
        return latest.tenancy();
    }

    /**
     * The version an invocation of {@code v} runs: $LATEST runs its newest prepared configuration (the previous one
     * while an update is in progress); a version whose code is not ready cannot run.
     *
     * @throws ApiException 409 ResourceConflictException while the version is Pending (or Failed)
     */
    FunctionVersion invocable(FunctionVersion v) {
        FunctionVersion runnable = FunctionVersion.LATEST.equals(v.version()) ? serving : v;
        if (runnable == null || runnable.runtime() == null) {
            throw ApiException.lowerCaseMessage(409, "ResourceConflictException", "The operation cannot be performed "
                    + "at this time. The function is currently in the following state: " + v.state());
        }
        return runnable;
    }

    public synchronized List<FunctionVersion> allVersions() {
        List<FunctionVersion> all = new ArrayList<>();
        all.add(latest);
        all.addAll(published.values());
        return all;
    }

    /**
     * PublishVersion: a new version from $LATEST, or the newest published one when $LATEST has not changed since.
     *
     * @param codeSha256 when not null, must be $LATEST's CodeSha256
     * @param revisionId when not null, must be $LATEST's RevisionId
     */
    public synchronized FunctionVersion publish(String codeSha256, String revisionId, String description) {
        refuseWhileChanging();
        if (revisionId != null && !revisionId.equals(latest.revisionId())) {
            throw revisionMismatch();
        }
        if (codeSha256 != null && !codeSha256.equals(latest.codeSha256())) {
            throw ApiException.lowerCaseMessage(400, "InvalidParameterValueException", "CodeSHA256 (" + codeSha256
                    + ") is different from current CodeSHA256 in $LATEST (" + latest.codeSha256()
                    + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        FunctionVersion newest = published.isEmpty() ? null : published.lastEntry().getValue();
        if (newest != null && newest.generation() == latest.generation()) {
            return newest;
        }
        FunctionVersion published = publishLatest(description);
        // recorded: TestLambdaRevisions::test_function_revisions_version_and_alias, "get_function_latest_rev3": a new
        // version gives $LATEST a new RevisionId (returning the existing one, above, does not)
        latest = latest.revised();
        return published;
    }

    /** Publishes $LATEST as it is, even while its code is being prepared (CreateFunction or UpdateFunctionCode). */
    public synchronized FunctionVersion publishLatest(String description) {
        lastVersion++;
        FunctionVersion v = latest.publish(Integer.toString(lastVersion), description);
        published.put(lastVersion, v);
        return v;
    }

    /**
     * Starts an update of $LATEST: {@code change} turns its settings into the new ones (and may refuse them by
     * throwing), {@code newCode} replaces its code when not null; InProgress until {@link #prepared}. The caller still
     * owns {@code newCode} when this throws.
     *
     * @throws ApiException 409 while the function is Pending or another update is in progress, 412 when
     *         {@code revisionId} is given and is not $LATEST's
     */
    public synchronized FunctionVersion update(String revisionId, Consumer<FunctionRegistry.Spec> change,
            FunctionCode newCode) {
        refuseWhileChanging();
        if (revisionId != null && !revisionId.equals(latest.revisionId())) {
            throw revisionMismatch();
        }
        FunctionRegistry.Spec spec = latest.spec();
        change.accept(spec);
        if (newCode != null) {
            ownedCodes.add(newCode);
        }
        latest = latest.updated(spec, newCode == null ? latest.code() : newCode);
        return latest;
    }

    /** Checks, without changing anything, that an update could start now (before its code is unpacked). */
    public synchronized void checkUpdatable(String revisionId) {
        refuseWhileChanging();
        if (revisionId != null && !revisionId.equals(latest.revisionId())) {
            throw revisionMismatch();
        }
    }

    private void refuseWhileChanging() {
        if (closed) {
            throw ApiException.notFound("Function not found: " + latest.functionArn());
        }
        if (FunctionVersion.PENDING.equals(latest.state())) {
            throw ApiException.lowerCaseMessage(409, "ResourceConflictException", "The operation cannot be performed "
                    + "at this time. The function is currently in the following state: Pending");
        }
        if (latest.updating()) {
            throw ApiException.lowerCaseMessage(409, "ResourceConflictException", "The operation cannot be performed "
                    + "at this time. An update is in progress for resource: " + latest.functionArn());
        }
    }

    private static ApiException revisionMismatch() {
        return ApiException.lowerCaseMessage(412, "PreconditionFailedException", "The Revision Id provided does not "
                + "match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    /**
     * Completes the creation or update that produced {@code pending}: it becomes Active and Successful with its
     * runtime, as do the versions published from it meanwhile. False when the function is gone (the caller closes the
     * runtime).
     */
    synchronized boolean prepared(FunctionVersion pending, FunctionRuntime runtime) {
        if (closed || latest != pending) {
            return false;
        }
        ownedRuntimes.add(runtime);
        latest = pending.prepared(runtime);
        serving = latest;
        published.replaceAll((number, v) -> v.runtime() == null && v.generation() == pending.generation()
                ? v.prepared(runtime) : v);
        return true;
    }

    /** Records that the code of {@code pending} could not be prepared. */
    synchronized void failed(FunctionVersion pending, String reason) {
        if (!closed && latest == pending) {
            latest = pending.failed(reason);
        }
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

    /**
     * The code stored for this function, as GetAccountSettings counts it: the size of $LATEST's package plus that of
     * each published version's, even where versions share one package.
     */
    public synchronized long totalCodeSize() {
        // recorded: test_lambda_api.snapshot.json, TestLambdaAccountSettings::test_account_settings_total_code_size,
        // "total_code_size_diff_create_function" 276 then "total_code_size_diff_update_function" 276 (the same
        // 276-byte zip again, Publish=True); test_account_settings_total_code_size_config_update,
        // "total_code_size_diff_update_function_configuration" 0, then PublishVersion without a code change
        // "is_total_code_size_diff_publish_version_after_config_update_more_than_200" true
        long size = 0;
        for (FunctionVersion v : allVersions()) {
            size += v.code().size();
        }
        return size;
    }

    /** Releases the runtimes and code packages of every version; the function answers nothing afterwards. */
    synchronized void close() {
        closed = true;
        ownedRuntimes.forEach(FunctionRuntime::close);
        ownedCodes.forEach(FunctionCode::close);
        ownedRuntimes.clear();
        ownedCodes.clear();
    }

    public Integer reservedConcurrency() {
        return concurrency.reserved;
    }

    /**
     * Sets the reservation; only through {@link AccountConcurrency}, which takes it out of the executions functions
     * without one share. Invocations running meanwhile give their executions back where they took them from.
     */
    void reserveConcurrency(Integer reserved) {
        this.concurrency = reserved == null ? Concurrency.UNRESERVED : new Concurrency(reserved);
    }

    /**
     * Takes one execution environment, from the function's reservation or else from {@code account}, the executions
     * functions without a reservation share; or throws the 429 Lambda sends when none is free.
     */
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

    /**
     * An execution environment for an asynchronous (Event) invocation if one is free now, else null: Lambda queues
     * events rather than rejecting them, so the event waits its turn again, counted as no throttle.
     */
    Permit tryAcquire(Semaphore account) {
        Concurrency c = concurrency;
        Semaphore gate = c.reserved == null ? account : c.semaphore;
        return gate.tryAcquire() ? new Permit(gate) : null;
    }

    /**
     * Whether the function's reserved concurrency is 0, whose events Lambda discards without running them (recorded:
     * lambda_/test_lambda.snapshot.json, test_reserved_concurrency, condition "ZeroReservedConcurrency").
     */
    boolean discardsEvents() {
        Integer reserved = concurrency.reserved;
        return reserved != null && reserved == 0;
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
