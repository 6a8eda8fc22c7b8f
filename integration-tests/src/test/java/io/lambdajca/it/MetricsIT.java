package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.ThrottledException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;

/**
 * Per-function metrics where WildFly users look: after a known workload, the adapter's JMX MXBeans
 * ({@code io.lambdajca:type=FunctionMetrics,...}) in the server's MBean server count the invocations, function errors,
 * throttles and failures, and give latency percentiles; Event invocations deferred until commit are counted by
 * outcome (sent after commit, dropped on rollback, failed after commit).
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class MetricsIT {

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("metrics-it.war");
    }

    @EJB
    private LambdaCaller caller;

    @Test
    void aKnownWorkload_isCountedPerFunction_inJmx() throws Exception {
        long[] echo0 = read("echo");
        long[] failing0 = read("failing");
        long[] throttled0 = read("throttled");
        long[] ghost0 = read("metrics-ghost");
        for (int i = 0; i < 20; i++) {
            caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo").payload("{}").build()));
        }
        for (int i = 0; i < 5; i++) {
            caller.withLambda(c -> c.invoke(InvocationRequest.builder("failing").payload("{}").build()));
        }
        assertThrows(ThrottledException.class, () -> caller.withLambda(c -> c.invoke(
                InvocationRequest.builder("throttled").payload("{}").build())));
        for (int i = 0; i < 3; i++) {
            assertThrows(FunctionNotFoundException.class, () -> caller.withLambda(c -> c.invoke(
                    InvocationRequest.builder("metrics-ghost").payload("{}").build())));
        }
        assertDelta("echo", echo0, 20, 0, 0, 0);
        assertDelta("failing", failing0, 5, 5, 0, 0);
        assertDelta("throttled", throttled0, 1, 0, 1, 0);
        assertDelta("metrics-ghost", ghost0, 3, 0, 0, 3);
        ObjectName echo = names("echo").iterator().next();
        double p50 = (Double) server().getAttribute(echo, "LatencyP50Millis");
        double p99 = (Double) server().getAttribute(echo, "LatencyP99Millis");
        assertTrue(p50 > 0 && p99 >= p50, "p50 " + p50 + ", p99 " + p99);
        System.out.printf("FIGURE metrics: %s: echo p50 %.2f ms, p99 %.2f ms%n", echo, p50, p99);
    }

    @Test
    void deferredInvocations_areCountedByOutcome_inJmx() throws Exception {
        long[] echo0 = readDeferred("echo");
        long[] ghost0 = readDeferred("metrics-deferred-ghost");
        // the EJB's transaction commits when withLambda returns: the invocation is sent then
        boolean deferred = caller.withLambda(c -> c.invoke(deferred("echo")).isDeferred());
        assertTrue(deferred, "deferred in the EJB's transaction");
        // a system exception rolls the EJB's transaction back: the invocation is dropped
        assertThrows(EJBException.class, () -> caller.withLambda(c -> {
            c.invoke(deferred("echo"));
            throw new IllegalStateException("roll back on purpose");
        }));
        // sent after the commit to a function that does not exist: the failure cannot reach the caller
        deferred = caller.withLambda(c -> c.invoke(deferred("metrics-deferred-ghost")).isDeferred());
        assertTrue(deferred, "deferred in the EJB's transaction");
        assertDeferredDelta("echo", echo0, 2, 1, 1, 0, 1, 0);
        assertDeferredDelta("metrics-deferred-ghost", ghost0, 1, 0, 0, 1, 1, 1);
    }

    private static InvocationRequest deferred(String function) {
        return InvocationRequest.builder(function).invocationType(InvocationType.EVENT).payload("{}").afterCommit(true)
                .build();
    }

    /** Waits (the sending happens at the commit, on the EJB's thread, but need not be done when the call returns). */
    private static void assertDeferredDelta(String function, long[] before, long registered, long sent, long dropped,
            long failed, long invocations, long failures) throws Exception {
        long[] expected = {registered, sent, dropped, failed, invocations, failures};
        long[] delta = new long[expected.length];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            long[] after = readDeferred(function);
            for (int i = 0; i < delta.length; i++) {
                delta[i] = after[i] - before[i];
            }
            if (Arrays.equals(delta, expected)) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertEquals(Arrays.toString(expected), Arrays.toString(delta), function
                + ": DeferredInvocations, DeferredSent, DeferredDropped, DeferredFailures, Invocations, Failures");
    }

    /** The deferred counts, Invocations and Failures of a function, summed over the adapters deployed. */
    private static long[] readDeferred(String function) throws Exception {
        String[] attributes = {"DeferredInvocations", "DeferredSent", "DeferredDropped", "DeferredFailures",
            "Invocations", "Failures"};
        long[] sum = new long[attributes.length];
        for (ObjectName name : names(function)) {
            for (int i = 0; i < attributes.length; i++) {
                sum[i] += (Long) server().getAttribute(name, attributes[i]);
            }
        }
        return sum;
    }

    private static void assertDelta(String function, long[] before, long invocations, long functionErrors,
            long throttles, long failures) throws Exception {
        long[] after = read(function);
        assertEquals(invocations, after[0] - before[0], function + " invocations");
        assertEquals(functionErrors, after[1] - before[1], function + " function errors");
        assertEquals(throttles, after[2] - before[2], function + " throttles");
        assertEquals(failures, after[3] - before[3], function + " failures");
    }

    /** Invocations, function errors, throttles and failures of a function, summed over the adapters deployed. */
    private static long[] read(String function) throws Exception {
        long[] sum = new long[4];
        for (ObjectName name : names(function)) {
            sum[0] += (Long) server().getAttribute(name, "Invocations");
            sum[1] += (Long) server().getAttribute(name, "FunctionErrors");
            sum[2] += (Long) server().getAttribute(name, "Throttles");
            sum[3] += (Long) server().getAttribute(name, "Failures");
        }
        return sum;
    }

    private static Set<ObjectName> names(String function) throws Exception {
        return server().queryNames(new ObjectName("io.lambdajca:type=FunctionMetrics,function="
                + ObjectName.quote(function) + ",*"), null);
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }
}
