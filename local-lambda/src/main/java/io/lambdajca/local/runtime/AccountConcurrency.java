package io.lambdajca.local.runtime;

import java.util.concurrent.Semaphore;

import io.lambdajca.local.ApiException;

/**
 * The account's concurrency quota: the executions functions without a reservation share are what reservations leave
 * of it (the model's AccountLimit.UnreservedConcurrentExecutions: "The maximum number of simultaneous function
 * executions, minus the capacity that's reserved for individual functions with PutFunctionConcurrency"), and
 * PutFunctionConcurrency's check that reservations leave at least the minimum, 100, or the whole quota when it is
 * smaller (AWS's default quota is 1,000).
 */
public final class AccountConcurrency {

    /** AWS's default account quota of concurrent executions. */
    public static final int DEFAULT_LIMIT = 1000;
    /** Unreserved executions AWS keeps for functions without a reservation. */
    public static final int MINIMUM_UNRESERVED = 100;

    private final int limit;
    /** The executions functions without a reservation share; its size follows the reservations. */
    private final Pool unreservedPool;

    public AccountConcurrency(int limit) {
        this.limit = limit;
        this.unreservedPool = new Pool(limit);
    }

    /** The account's quota of concurrent executions. */
    public int limit() {
        return limit;
    }

    /** The executions reserved by the functions of {@code registry}, but for {@code except} (null: none). */
    public static long reserved(FunctionRegistry registry, LambdaFunction except) {
        long reserved = 0;
        for (LambdaFunction f : registry.all()) {
            Integer r = f.reservedConcurrency();
            if (f != except && r != null) {
                reserved += r;
            }
        }
        return reserved;
    }

    /**
     * GetAccountSettings' UnreservedConcurrentExecutions: the quota less every reservation of {@code registry}'s
     * functions, never below 0 (functions deployed with the endpoint may reserve more than the quota).
     */
    public int unreserved(FunctionRegistry registry) {
        return (int) Math.max(0, limit - reserved(registry, null));
    }

    public int minimumUnreserved() {
        return Math.min(MINIMUM_UNRESERVED, limit);
    }

    /**
     * PutFunctionConcurrency and DeleteFunctionConcurrency: sets (or, with null, removes) a function's reservation,
     * refusing one that would leave the account below its unreserved minimum with AWS's message; one reservation at a
     * time, so that two cannot both pass the check.
     */
    public synchronized void reserve(FunctionRegistry registry, LambdaFunction function, Integer reserved) {
        if (reserved != null) {
            long others = reserved(registry, function);
            if (limit - others - reserved < minimumUnreserved()) {
                throw ApiException.invalidParameter("Specified ReservedConcurrentExecutions for function decreases "
                        + "account's UnreservedConcurrentExecution below its minimum value of [" + minimumUnreserved()
                        + "].").withoutType();
            }
        }
        reserveUnchecked(registry, function, reserved);
    }

    /**
     * Sets (or, with null, removes) a function's reservation without the minimum's check: the reservations of
     * functions deployed with the endpoint, an operator's setting.
     */
    public synchronized void reserveUnchecked(FunctionRegistry registry, LambdaFunction function, Integer reserved) {
        function.reserveConcurrency(reserved);
        recount(registry);
    }

    /**
     * Sizes the executions functions without a reservation share to what the reservations of {@code registry}'s
     * functions leave of the quota: after a reservation changes, and after a function is deleted (its reservation
     * comes back). Running invocations keep their executions: they give them back to the pool they took them from.
     */
    public synchronized void recount(FunctionRegistry registry) {
        unreservedPool.resize(unreserved(registry));
    }

    /** The executions functions without a reservation take their environments from. */
    Semaphore unreservedPool() {
        return unreservedPool;
    }

    /**
     * A semaphore whose size can change while permits are taken: shrunk below what is taken, it admits no one until
     * enough are given back; permits given back always return to it, whatever its size meanwhile.
     */
    private static final class Pool extends Semaphore {

        private static final long serialVersionUID = 1L;

        /** The size last given; guarded by the AccountConcurrency, which resizes under its lock. */
        private int size;

        Pool(int size) {
            super(size);
            this.size = size;
        }

        void resize(int to) {
            if (to > size) {
                release(to - size);
            } else if (to < size) {
                reducePermits(size - to);
            }
            size = to;
        }
    }
}
