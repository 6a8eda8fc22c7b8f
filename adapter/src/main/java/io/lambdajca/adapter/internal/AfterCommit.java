package io.lambdajca.adapter.internal;

import java.util.function.Consumer;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.lambdajca.adapter.internal.metrics.FunctionMetrics;
import io.lambdajca.api.LambdaException;
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

    private AfterCommit() {
    }

    /**
     * Registers {@code send} to run after the caller's transaction commits; returns false when there is no active
     * transaction (the caller then sends at once). A transaction already marked for rollback drops it at once.
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
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            // the transaction can only roll back: the invocation is dropped now, as it would be at the rollback
            counted.deferred();
            counted.deferredDropped();
            AdapterLog.deferredDropped(functionName);
            return true;
        }
        if (status != Status.STATUS_ACTIVE) {
            return false;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
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
                            : new LambdaException(functionName, "unexpected failure: " + e, e);
                    counted.deferredFailed();
                    AdapterLog.deferredFailed(functionName, failure);
                    tell(onFailure, functionName, failure);
                }
            }
        });
        counted.deferred();
        return true;
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
