package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.metrics.FunctionMetrics;
import io.lambdajca.adapter.internal.metrics.InvocationMetrics;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaException;
import io.lambdajca.api.UnexpectedFailureException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Deferred Event invocations: sent after a commit, dropped on rollback, each outcome counted in the metrics. */
class AfterCommitTest {

    private final InvocationMetrics metrics = new InvocationMetrics("after-commit-test-" + System.nanoTime());
    private final FunctionMetrics audit = metrics.of("audit");
    private final Transaction tx = new Transaction();
    private final AtomicInteger sends = new AtomicInteger();
    private final List<LambdaException> told = new ArrayList<>();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void commit_sendsOnce_andCountsItSent() {
        assertThat(AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit)).isTrue();
        assertThat(sends).hasValue(0);
        assertThat(audit.getDeferredInvocations()).isEqualTo(1);
        tx.complete(Status.STATUS_COMMITTED);
        assertThat(sends).hasValue(1);
        assertCounts(1, 1, 0, 0);
        assertThat(told).isEmpty();
    }

    @Test
    void rollback_sendsNothing_andCountsItDropped() {
        AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit);
        tx.complete(Status.STATUS_ROLLEDBACK);
        assertThat(sends).hasValue(0);
        assertCounts(1, 0, 1, 0);
    }

    @Test
    void failureAfterCommit_isCounted_andPassedToTheHandler() {
        FunctionNotFoundException failure = new FunctionNotFoundException("audit", "not found", null);
        AfterCommit.defer(tx, "audit", () -> {
            throw failure;
        }, told::add, audit);
        tx.complete(Status.STATUS_COMMITTED);
        assertCounts(1, 0, 0, 1);
        assertThat(told).containsExactly(failure);
    }

    @Test
    void aTransactionMarkedForRollback_dropsTheInvocationAtOnce() {
        tx.status = Status.STATUS_MARKED_ROLLBACK;
        assertThat(AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit)).isTrue();
        assertThat(tx.synchronizations).isEmpty();
        assertThat(sends).hasValue(0);
        assertCounts(1, 0, 1, 0);
    }

    @Test
    void aTransactionRollingBackOrRolledBack_dropsTheInvocationAtOnce_neverSendsIt() {
        // a transaction timeout's reaper rolls the transaction back under the caller, who goes on
        for (int status : new int[] {Status.STATUS_ROLLING_BACK, Status.STATUS_ROLLEDBACK}) {
            tx.status = status;
            assertThat(AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit)).as("status " + status)
                    .isTrue();
        }
        assertThat(tx.synchronizations).isEmpty();
        assertThat(sends).hasValue(0);
        assertCounts(2, 0, 2, 0);
    }

    @Test
    void aTransactionEndedBetweenTheStatusAndTheRegistration_dropsTheInvocation() {
        tx.rollBackOnRegistration = true;
        assertThat(AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit)).isTrue();
        assertThat(sends).hasValue(0);
        assertCounts(1, 0, 1, 0);
    }

    @Test
    void aTransactionDecidingItsOutcome_refusesTheInvocation_withTheConnectorsException() {
        tx.status = Status.STATUS_PREPARING;
        assertThatThrownBy(() -> AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit))
                .isInstanceOf(InvalidRequestException.class).hasMessage("an afterCommit invocation was neither sent "
                        + "nor deferred: the caller's transaction is preparing, and only an active transaction (or "
                        + "none) can take one");
        assertThat(sends).hasValue(0);
        assertCounts(0, 0, 0, 0);
    }

    @Test
    void aFailingTransactionManager_refusesTheInvocation_withTheConnectorsException() {
        tx.managerFailure = new RuntimeException("javax.transaction.SystemException: the log is unavailable");
        assertThatThrownBy(() -> AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the transaction manager failed", "the log is unavailable");
        assertThat(sends).hasValue(0);
        assertCounts(0, 0, 0, 0);
    }

    @Test
    void aCommittedTransaction_letsTheCallerSendAtOnce() {
        tx.status = Status.STATUS_COMMITTED;
        assertThat(AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit)).isFalse();
        assertThat(tx.synchronizations).isEmpty();
    }

    @Test
    void anUnexpectedFailureAfterCommit_andAThrowingHandler_doNotReachTheTransactionManager() {
        IllegalStateException bug = new IllegalStateException("a bug");
        AfterCommit.defer(tx, "audit", () -> {
            throw bug;
        }, e -> {
            told.add(e);
            throw new IllegalArgumentException("handler broke");
        }, audit);
        tx.complete(Status.STATUS_COMMITTED);
        assertCounts(1, 0, 0, 1);
        assertThat(told).singleElement().satisfies(e -> {
            assertThat(e.functionName()).isEqualTo("audit");
            assertThat(e).isInstanceOf(UnexpectedFailureException.class).hasCause(bug)
                    .hasMessage("unexpected failure: java.lang.IllegalStateException: a bug");
        });
    }

    @Test
    void anUnexpectedFailureAfterCommit_quotingASecret_reachesTheHandlerMasked_inItsCauseToo() {
        AfterCommit.defer(tx, "audit", () -> {
            throw new IllegalStateException("a bug quoting password=hunter2EXAMPLE");
        }, told::add, audit);
        tx.complete(Status.STATUS_COMMITTED);
        assertThat(told).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(UnexpectedFailureException.class).hasMessageContaining("password=****")
                    .hasMessageNotContaining("hunter2EXAMPLE");
            assertThat(e.getCause()).hasMessageContaining("a bug quoting").hasMessageNotContaining("hunter2EXAMPLE");
        });
    }

    @Test
    void withoutAnActiveTransaction_nothingIsDeferredOrCounted() {
        tx.status = Status.STATUS_NO_TRANSACTION;
        assertThat(AfterCommit.defer(tx, "audit", sends::incrementAndGet, told::add, audit)).isFalse();
        assertThat(AfterCommit.defer(null, "audit", sends::incrementAndGet, told::add, audit)).isFalse();
        assertThat(tx.synchronizations).isEmpty();
        assertCounts(0, 0, 0, 0);
    }

    private void assertCounts(long registered, long sent, long dropped, long failed) {
        assertThat(audit.getDeferredInvocations()).as("deferred").isEqualTo(registered);
        assertThat(audit.getDeferredSent()).as("sent").isEqualTo(sent);
        assertThat(audit.getDeferredDropped()).as("dropped").isEqualTo(dropped);
        assertThat(audit.getDeferredFailures()).as("failed").isEqualTo(failed);
    }

    /** One JTA transaction as the container's registry shows it to the adapter. */
    private static final class Transaction implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        /** The registration finds the transaction rolled back, as when its reaper got there first. */
        boolean rollBackOnRegistration;
        /** The transaction manager fails, as Narayana reports a SystemException (a plain RuntimeException). */
        RuntimeException managerFailure;
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int outcome) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public int getTransactionStatus() {
            if (managerFailure != null) {
                throw managerFailure;
            }
            return status;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            if (rollBackOnRegistration) {
                status = Status.STATUS_ROLLEDBACK;
                throw new IllegalStateException("the transaction is not active");
            }
            synchronizations.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
