package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private static final Function<String, String> WHAT = key -> "the client of " + key;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void end() throws InterruptedException {
        release.countDown();
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBuildThatHangs_holdsUpNoOtherKey() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofSeconds(30));
        CountDownLatch building = new CountDownLatch(1);
        Future<String> hanging = threads.submit(() -> flight.get("sts-hangs", k -> {
            building.countDown();
            await(release);
            return "late";
        }, WHAT));
        assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThat(flight.get("static-keys", k -> "built " + k, WHAT)).isEqualTo("built static-keys");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(hanging).isNotDone();

        release.countDown();
        assertThat(hanging.get(5, TimeUnit.SECONDS)).isEqualTo("late");
    }

    @Test
    void concurrentCallersOfOneKey_buildItOnce_andAllGetIt() throws Exception {
        SingleFlight<String, Object> flight = new SingleFlight<>(Duration.ofSeconds(10));
        AtomicInteger builds = new AtomicInteger();
        int callers = 16;
        CyclicBarrier start = new CyclicBarrier(callers);
        List<Future<Object>> got = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            got.add(threads.submit(() -> {
                start.await();
                return flight.get("k", k -> {
                    builds.incrementAndGet();
                    await(release);
                    return new Object();
                }, WHAT);
            }));
        }
        release.countDown();
        Object first = got.get(0).get(10, TimeUnit.SECONDS);
        for (Future<Object> f : got) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(builds).hasValue(1);
        assertThat(flight.size()).isEqualTo(1);
    }

    @Test
    void aCallerWaitingForAnotherCallersBuild_givesUpAfterTheMaximumWait_namingIt() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofMillis(200));
        CountDownLatch building = new CountDownLatch(1);
        threads.submit(() -> flight.get("sts-hangs", k -> {
            building.countDown();
            await(release);
            return "late";
        }, WHAT));
        assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> flight.get("sts-hangs", k -> "second build", WHAT))
                .isInstanceOf(SingleFlight.TimedOut.class)
                .hasMessage("Waited 200 ms for the client of sts-hangs, which another caller is still setting up (its "
                        + "first call has not answered); try again later");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150),
                Duration.ofSeconds(5));
    }

    @Test
    void aFailedBuild_isForgotten_andTheNextCallerBuildsAgain() {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofSeconds(1));
        assertThatThrownBy(() -> flight.get("k", k -> {
            throw new IllegalStateException("endpoint refused");
        }, WHAT)).hasMessage("endpoint refused");
        assertThat(flight.size()).isZero();
        assertThat(flight.get("k", k -> "second", WHAT)).isEqualTo("second");
    }

    @Test
    void drain_closesBuiltValuesNow_andOneStillBeingBuiltOnceItIsBuilt() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>(Duration.ofSeconds(10));
        flight.get("built", k -> "a", WHAT);
        CountDownLatch building = new CountDownLatch(1);
        Future<String> late = threads.submit(() -> flight.get("building", k -> {
            building.countDown();
            await(release);
            return "b";
        }, WHAT));
        assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();
        List<String> closed = new java.util.concurrent.CopyOnWriteArrayList<>();

        assertThat(flight.drain((key, value) -> closed.add(value))).isEqualTo(1);
        assertThat(closed).containsExactly("a");
        release.countDown();
        late.get(5, TimeUnit.SECONDS);
        assertThat(closed).containsExactly("a", "b");
        assertThat(flight.size()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
