package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptAtDeadlineTest {

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    {
        scheduler.setRemoveOnCancelPolicy(true); // a cancelled timer leaves the queue at once
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        Thread.interrupted();
    }

    @Test
    void aWaitStillUnderWayAtTheDeadline_isInterrupted_andTheInterruptEndsWithTheBlock() {
        InterruptAtDeadline bounded = new InterruptAtDeadline(scheduler, Duration.ofMillis(50));
        try {
            assertThatThrownBy(() -> new CountDownLatch(1).await(30, TimeUnit.SECONDS))
                    .isInstanceOf(InterruptedException.class);
            Thread.currentThread().interrupt(); // as a wait that caught it and set the flag again does
        } finally {
            bounded.close();
        }
        assertThat(Thread.currentThread().isInterrupted()).as("interrupted after the block").isFalse();
    }

    @Test
    void aBlockClosedBeforeItsDeadline_cancelsItsTimer_andInterruptsNothingLater() throws Exception {
        InterruptAtDeadline bounded = new InterruptAtDeadline(scheduler, Duration.ofMillis(20));
        assertThat(scheduler.getQueue()).as("timers waiting").hasSize(1);
        bounded.close();
        assertThat(scheduler.getQueue()).as("timers waiting after the block").isEmpty();
        // the one scheduler thread runs what is due first first: the timer, had it not been cancelled
        scheduler.schedule(() -> { }, 200, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupted after its deadline").isFalse();
    }

    @Test
    void noTimeGiven_orAStoppedScheduler_isNoTimer_andNoFailure() {
        new InterruptAtDeadline(scheduler, null).close();
        scheduler.shutdown();
        // the adapter stopping: the block goes on unbounded, and its streams are aborted by the stop
        new InterruptAtDeadline(scheduler, Duration.ofMillis(1)).close();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
