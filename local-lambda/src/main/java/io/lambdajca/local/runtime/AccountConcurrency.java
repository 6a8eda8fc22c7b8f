package io.lambdajca.local.runtime;

import io.lambdajca.local.ApiException;

/**
 * The account's concurrency quota as PutFunctionConcurrency checks it: reservations may not leave fewer unreserved
 * executions than the minimum, 100, or the whole quota when it is smaller (AWS's default quota is 1,000).
 */
public final class AccountConcurrency {

    /** AWS's default account quota of concurrent executions. */
    public static final int DEFAULT_LIMIT = 1000;
    /** Unreserved executions AWS keeps for functions without a reservation. */
    public static final int MINIMUM_UNRESERVED = 100;

    private final int limit;

    public AccountConcurrency(int limit) {
        this.limit = limit;
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

    public int minimumUnreserved() {
        return Math.min(MINIMUM_UNRESERVED, limit);
    }

    /**
     * Sets (or, with null, removes) a function's reservation, refusing one that would leave the account below its
     * unreserved minimum with AWS's message; one reservation at a time, so that two cannot both pass the check.
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
        function.reserveConcurrency(reserved);
    }
}
