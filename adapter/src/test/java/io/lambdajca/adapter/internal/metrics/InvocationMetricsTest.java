package io.lambdajca.adapter.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class InvocationMetricsTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void countsAndPercentiles_areVisibleInJmx_untilClosed() throws Exception {
        InvocationMetrics metrics = new InvocationMetrics("a1", server);
        FunctionMetrics m = metrics.of("arn:aws:lambda:us-east-1:123456789012:function:echo");
        for (int i = 1; i <= 100; i++) {
            m.completed(i * 1_000_000L, i % 10 == 0);
        }
        m.throttled();
        m.failed();
        assertThat(metrics.of("arn:aws:lambda:us-east-1:123456789012:function:echo")).isSameAs(m);
        ObjectName name = new ObjectName("io.lambdajca:type=FunctionMetrics,adapter=a1,function="
                + ObjectName.quote("arn:aws:lambda:us-east-1:123456789012:function:echo"));
        assertThat(server.getAttribute(name, "Invocations")).isEqualTo(102L);
        assertThat(server.getAttribute(name, "FunctionErrors")).isEqualTo(10L);
        assertThat(server.getAttribute(name, "Throttles")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "Failures")).isEqualTo(1L);
        m.deferred();
        m.deferred();
        m.deferred();
        m.deferredSent();
        m.deferredDropped();
        m.deferredFailed();
        assertThat(server.getAttribute(name, "DeferredInvocations")).isEqualTo(3L);
        assertThat(server.getAttribute(name, "DeferredSent")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "DeferredDropped")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "DeferredFailures")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "LatencyP50Millis")).isEqualTo(50.0);
        assertThat(server.getAttribute(name, "LatencyP99Millis")).isEqualTo(99.0);
        metrics.close();
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void latencies_coverTheMostRecentSamplesOnly() {
        FunctionMetrics m = new FunctionMetrics("f");
        for (int i = 0; i < FunctionMetrics.SAMPLES; i++) {
            m.completed(1_000_000_000L, false);
        }
        for (int i = 0; i < FunctionMetrics.SAMPLES; i++) {
            m.completed(2_000_000L, false);
        }
        assertThat(m.getLatencyP99Millis()).isEqualTo(2.0);
        assertThat(m.getInvocations()).isEqualTo(2L * FunctionMetrics.SAMPLES);
    }

    @Test
    void beyondTheLimit_functionsAreCountedTogether() {
        InvocationMetrics metrics = new InvocationMetrics("a2", server);
        for (int i = 0; i < InvocationMetrics.MAX_FUNCTIONS; i++) {
            metrics.of("f" + i).failed();
        }
        FunctionMetrics other = metrics.of("one-more");
        assertThat(other.getFunctionName()).isEqualTo(InvocationMetrics.OTHER);
        assertThat(metrics.of("and-another")).isSameAs(other);
        metrics.close();
    }
}
