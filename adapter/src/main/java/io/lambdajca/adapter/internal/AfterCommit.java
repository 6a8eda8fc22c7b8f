package io.lambdajca.adapter.internal;

import java.util.Map;
import java.util.function.Consumer;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.lambdajca.adapter.internal.metrics.FunctionMetrics;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaException;
import io.lambdajca.api.UnexpectedFailureException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Defers Event invocations to the commit of the caller's JTA transaction, through the container's
 * TransactionSynchronizationRegistry: sent after a commit, dropped on rollback, each outcome counted in the function's
 * metrics. A failure after commit cannot reach the caller, so it is logged with the function name, counted, and
 * passed to the request's failure handler.
 */
final class AfterCommit {

    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    private static final Map<Integer, String> STATUS_NAMES = Map.of(Status.STATUS_PREPARING, "preparing",
            Status.STATUS_PREPARED, "prepared", Status.STATUS_COMMITTING, "committing", Status.STATUS_UNKNOWN,
            "in an unknown state", Status.STATUS_ACTIVE, "active but refused the registration");

    private AfterCommit() {
    }

    /**
     * Registers {@code send} to run after the caller's transaction commits; returns false when there is no transaction
     * (the caller then sends at once), or when it has already committed. A transaction that can only roll back (marked
     * for rollback, rolling back, rolled back: a timeout's reaper may have ended it under the caller) drops it at once.
     * While the outcome is being decided (preparing, committing, unknown) it is refused: it can neither be sent nor
     * wait for an outcome it can no longer register for.
     */
    static boolean defer(String functionName, Runnable send, Consumer<LambdaException> onFailure,
            FunctionMetrics counted) {
        return defer(registry(), functionName, send, onFailure, counted);
    }

    /** As {@link #defer(String, Runnable, Consumer, FunctionMetrics)} with the registry given (null: none). */
    static boolean defer(TransactionSynchronizationRegistry registry, String functionName, Runnable send,
            Consumer<LambdaException> onFailure, FunctionMetrics counted) {
        if (registry == null) {
            return false;
        }
        try {
            return deferTo(registry, functionName, send, onFailure, counted);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            // the transaction manager's own failure (Narayana wraps a SystemException in a RuntimeException)
            throw new InvalidRequestException(functionName, "an afterCommit invocation was neither sent nor "
                    + "deferred: the transaction manager failed to tell or register with the caller's transaction: "
                    + Redaction.redact(e.toString()), Redaction.safe(e));
        }
    }

    private static boolean deferTo(TransactionSynchronizationRegistry registry, String functionName, Runnable send,
            Consumer<LambdaException> onFailure, FunctionMetrics counted) {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION || status == Status.STATUS_COMMITTED) {
            return false;
        }
        if (rollsBack(status)) {
            return dropped(functionName, counted);
        }
        if (status != Status.STATUS_ACTIVE) {
            throw notDeferrable(functionName, status, null);
        }
        try {
            registry.registerInterposedSynchronization(synchronization(functionName, send, onFailure, counted));
        } catch (IllegalStateException ended) {
            // the transaction left ACTIVE between the two calls (its timeout's reaper rolled it back)
            int now = registry.getTransactionStatus();
            if (rollsBack(now)) {
                return dropped(functionName, counted);
            }
            throw notDeferrable(functionName, now, ended);
        }
        counted.deferred();
        return true;
    }

    private static boolean rollsBack(int status) {
        return status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLING_BACK
                || status == Status.STATUS_ROLLEDBACK;
    }

    /** The transaction can only roll back: the invocation is dropped now, as it would be at the rollback. */
    private static boolean dropped(String functionName, FunctionMetrics counted) {
        counted.deferred();
        counted.deferredDropped();
        AdapterLog.deferredDropped(functionName);
        return true;
    }

    private static InvalidRequestException notDeferrable(String functionName, int status, Exception cause) {
        return new InvalidRequestException(functionName, "an afterCommit invocation was neither sent nor deferred: the "
                + "caller's transaction is " + STATUS_NAMES.getOrDefault(status, "in status " + status) + ", and only "
                + "an active transaction (or none) can take one", cause);
    }

    private static Synchronization synchronization(String functionName, Runnable send,
            Consumer<LambdaException> onFailure, FunctionMetrics counted) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing is sent before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    counted.deferredDropped();
                    AdapterLog.deferredDropped(functionName);
                    return;
                }
                try {
                    send.run();
                    counted.deferredSent();
                } catch (RuntimeException e) {
                    // nothing may reach the transaction manager: it has committed and cannot tell anyone
                    LambdaException failure = e instanceof LambdaException known ? known
                            : new UnexpectedFailureException(functionName, "unexpected failure: "
                                    + Redaction.redact(e.toString()), Redaction.safe(e));
                    counted.deferredFailed();
                    AdapterLog.deferredFailed(functionName, failure);
                    tell(onFailure, functionName, failure);
                }
            }
        };
    }

    /** Passes the failure to the application's handler; what the handler throws is logged, not propagated. */
    private static void tell(Consumer<LambdaException> onFailure, String functionName, LambdaException failure) {
        if (onFailure == null) {
            return;
        }
        try {
            onFailure.accept(failure);
        } catch (RuntimeException e) {
            AdapterLog.deferredFailureHandlerFailed(functionName, e);
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        try {
            return (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }
}
