package io.lambdajca.adapter.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.local.testing.Poll;

/**
 * The SDK clients' scheduler: one-shot tasks on the timing wheel run when due, on the wheel's thread; cancelled
 * ones never run and leave the wheel; the wheel's thread ends when it stops.
 */
class TimeoutSchedulerTest {

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
            r -> new Thread(r, "test-scheduler"));
    private final TimeoutScheduler scheduler = new TimeoutScheduler(executor, r -> new Thread(r, "test-wheel"));

    @AfterEach
    void stop() {
        scheduler.stop();
        executor.shutdownNow();
    }

    @Test
    void aTaskRunsWhenDue_onTheWheelsThread_evenWhileTheSchedulersThreadsAreBusy() throws Exception {
        // the scheduler's threads also fetch credentials: a slow STS must not hold the calls' timeouts
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        ScheduledFuture<?> f = scheduler.schedule(() -> {
            ranOn.set(Thread.currentThread().getName());
            ran.countDown();
        }, 50, TimeUnit.MILLISECONDS);
        assertThat(f.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(50L);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(ranOn.get()).isEqualTo("test-wheel");
        release.countDown();
        Poll.until(Duration.ofSeconds(5), f::isDone, "the future done");
        assertThat(f.isCancelled()).isFalse();
        assertThat(f.getDelay(TimeUnit.MILLISECONDS)).isNotPositive();
    }

    @Test
    void aCallableGivesItsResult() throws Exception {
        ScheduledFuture<String> f = scheduler.schedule(() -> "done", 10, TimeUnit.MILLISECONDS);
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void aCancelledTaskNeverRuns_andLeavesTheWheel() throws Exception {
        CountDownLatch cancelledRan = new CountDownLatch(1);
        ScheduledFuture<?> cancelled = scheduler.schedule(cancelledRan::countDown, 500, TimeUnit.MILLISECONDS);
        CountDownLatch later = new CountDownLatch(1);
        scheduler.schedule(later::countDown, 700, TimeUnit.MILLISECONDS);

        assertThat(cancelled.cancel(false)).isTrue();
        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(cancelled.isDone()).isTrue();
        // the task due after it has run, so the cancelled one would have run by now
        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelledRan.getCount()).isEqualTo(1);
        Poll.until(Duration.ofSeconds(5), () -> scheduler.pending() == 0, "the wheel empty");
    }

    @Test
    void thousandsOfScheduledAndCancelledTimeouts_leaveNothingPending() {
        for (int i = 0; i < 10_000; i++) {
            scheduler.schedule(() -> { }, 15, TimeUnit.MINUTES).cancel(false);
        }
        Poll.until(Duration.ofSeconds(5), () -> scheduler.pending() == 0, "the cancelled timeouts off the wheel");
    }

    @Test
    void periodicTasksGoToTheScheduler() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        AtomicReference<String> ranOn = new AtomicReference<>();
        ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(() -> {
            ranOn.set(Thread.currentThread().getName());
            twice.countDown();
        }, 0, 10, TimeUnit.MILLISECONDS);
        assertThat(twice.await(5, TimeUnit.SECONDS)).isTrue();
        f.cancel(false);
        assertThat(ranOn.get()).isEqualTo("test-scheduler");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void stop_endsTheWheelsThread_andRunsTheTimeoutsNotYetDue_butNotCancelledOnes() {
        // a call waiting for its answer while the adapter stops ends then, not at its socket's read timeout
        AtomicReference<String> ranOn = new AtomicReference<>();
        ScheduledFuture<?> due = scheduler.schedule(() -> ranOn.set(Thread.currentThread().getName()), 1,
                TimeUnit.MINUTES);
        AtomicReference<String> cancelledRan = new AtomicReference<>();
        scheduler.schedule(() -> cancelledRan.set("ran"), 1, TimeUnit.MINUTES).cancel(false);
        assertThat(wheelThreadAlive()).isTrue();
        scheduler.stop();
        assertThat(wheelThreadAlive()).isFalse();
        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(due.isDone()).isTrue();
        assertThat(cancelledRan.get()).isNull();
    }

    @Test
    void aStoppedScheduler_refusesNewTimeouts_asAStoppedExecutorDoes() {
        scheduler.stop();
        assertThatThrownBy(() -> scheduler.schedule(() -> { }, 1, TimeUnit.SECONDS))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("the adapter's timeouts have stopped");
    }

    private static boolean wheelThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && t.getName().equals("test-wheel"));
    }
}
