package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.ThrottledException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;

/**
 * A throttling storm: 50 concurrent callers against a function with reserved concurrency 2. Every call either succeeds
 * or raises ThrottledException once the retry budget is spent; none is lost or hangs.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class ThrottlingStormIT {

    private static final int CALLERS = 50;

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("storm-it.war");
    }

    @Resource(lookup = LambdaEnvironment.LARGE_POOL_JNDI)
    private LambdaConnectionFactory lambda;

    @Resource
    private ManagedExecutorService executor;

    @Test
    void fiftyCallersOnConcurrencyTwo_eachSucceedsOrIsThrottled_noneLost() throws Exception {
        List<Future<Object>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(executor.submit(() -> {
                long s = System.nanoTime();
                try (LambdaConnection c = lambda.getConnection()) {
                    c.invoke(InvocationRequest.builder("storm").payload("{\"sleepMillis\":200}").build());
                    return System.nanoTime() - s;
                } catch (ThrottledException e) {
                    return e;
                }
            }));
        }
        int ok = 0;
        int throttled = 0;
        long[] okNanos = new long[CALLERS];
        for (Future<Object> f : calls) {
            Object r = f.get(60, TimeUnit.SECONDS);
            if (r instanceof ThrottledException) {
                ThrottledException t = (ThrottledException) r;
                assertEquals(4, t.attempts(), "throttled only after the retry budget");
                throttled++;
            } else {
                okNanos[ok++] = (Long) r;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(CALLERS, ok + throttled, "every call accounted for");
        assertTrue(ok >= 2, "some calls succeed: " + ok);
        long[] sorted = Arrays.copyOf(okNanos, ok);
        Arrays.sort(sorted);
        long p99 = sorted[Math.min(ok - 1, (int) (ok * 0.99))] / 1_000_000;
        System.out.printf("FIGURE storm: %d callers, reserved concurrency 2: %d succeeded, %d throttled after 4 "
                + "attempts, p99 of successes %d ms, all done in %.1f s%n", CALLERS, ok, throttled, p99, seconds);
    }
}
