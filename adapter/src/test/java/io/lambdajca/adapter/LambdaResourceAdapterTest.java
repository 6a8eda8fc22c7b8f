package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lambdajca.local.testing.Poll;

/**
 * The adapter's start, stop and activations are race-free: stop() running at the same time as connection factories
 * are created (each handing an activation to the adapter, one building an SDK client, one waiting for a profile that
 * is never bound) and as start() never throws, and leaves no adapter thread running.
 */
class LambdaResourceAdapterTest {

    private static final int ITERATIONS = 100;

    @Test
    void stop_concurrentWithStartAndActivations_throwsNothing_andLeavesNoThread() throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < ITERATIONS; i++) {
            LambdaResourceAdapter ra = new LambdaResourceAdapter();
            LambdaManagedConnectionFactory withKeys = definition(ra, null);
            LambdaManagedConnectionFactory waiting = definition(ra, "java:/lambda/profiles/NeverBound");
            CyclicBarrier together = new CyclicBarrier(4);
            List<Thread> threads = List.of(
                    thread(together, failures, () -> ra.start(null)),
                    thread(together, failures, () -> withKeys.createConnectionFactory(null)),
                    thread(together, failures, () -> waiting.createConnectionFactory(null)),
                    thread(together, failures, ra::stop));
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(30_000);
                assertThat(t.isAlive()).as("iteration %d: %s still running", i, t.getName()).isFalse();
            }
            assertThat(failures).as("iteration %d", i).isEmpty();
        }
        awaitNoAdapterThread();
    }

    @Test
    void anActivationWaitingForItsProfile_endsWithStop() throws Exception {
        LambdaResourceAdapter ra = new LambdaResourceAdapter();
        definition(ra, "java:/lambda/profiles/NeverBound").createConnectionFactory(null);
        assertThat(adapterThreads()).isNotEmpty();
        ra.stop();
        awaitNoAdapterThread();
    }

    private static LambdaManagedConnectionFactory definition(LambdaResourceAdapter ra, String profile) {
        LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        mcf.setEndpointOverride("http://127.0.0.1:1"); // refused at once: the warm-up fails fast, with a warning
        if (profile == null) {
            mcf.setAccessKeyId("AKIAEXAMPLEEXAMPLE01");
            mcf.setSecretAccessKey("secret");
        } else {
            mcf.setCredentialProfile(profile);
        }
        return mcf;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static Thread thread(CyclicBarrier together, ConcurrentLinkedQueue<Throwable> failures, Action action) {
        return new Thread(() -> {
            try {
                together.await();
                action.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "test-" + System.identityHashCode(action));
    }

    /** The adapter's threads still alive, polled for up to 5 s (a thread ends just after its pool terminates). */
    /** The adapter's threads end shortly after stop() returns (an activation may be ending its last step). */
    private static void awaitNoAdapterThread() {
        Poll.value(Duration.ofSeconds(5), LambdaResourceAdapterTest::adapterThreads, List::isEmpty,
                "every adapter thread ended");
    }

    private static List<String> adapterThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("lambdajca-")).collect(Collectors.toList());
    }
}
