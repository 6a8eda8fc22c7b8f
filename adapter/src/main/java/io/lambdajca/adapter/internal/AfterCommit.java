package io.lambdajca.adapter.internal;

import java.util.concurrent.atomic.AtomicLong;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.lambdajca.api.LambdaException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Defers Event invocations to the commit of the caller's JTA transaction, through the container's
 * TransactionSynchronizationRegistry: sent after a commit, dropped on rollback. A failure after commit cannot reach
 * the caller, so it is logged with the function name, counted, and passed to the request's failure handler.
 */
final class AfterCommit {

    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    private static final AtomicLong FAILURES = new AtomicLong();

    private AfterCommit() {
    }

    /** Deferred invocations that failed after their transaction committed, since the adapter was loaded. */
    static long failures() {
        return FAILURES.get();
    }

    /**
     * Registers {@code send} to run after the caller's transaction commits; returns false when there is no active
     * transaction (the caller then sends at once).
     */
    static boolean defer(String functionName, Runnable send, java.util.function.Consumer<LambdaException> onFailure) {
        TransactionSynchronizationRegistry registry = registry();
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
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
                    AdapterLog.deferredDropped(functionName);
                    return;
                }
                try {
                    send.run();
                } catch (LambdaException e) {
                    FAILURES.incrementAndGet();
                    AdapterLog.deferredFailed(functionName, e);
                    if (onFailure != null) {
                        onFailure.accept(e);
                    }
                }
            }
        });
        return true;
    }

    private static TransactionSynchronizationRegistry registry() {
        try {
            return (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }
}
