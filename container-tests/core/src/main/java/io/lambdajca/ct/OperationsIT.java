package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.InvocationRequest;
import jakarta.ejb.EJB;

/**
 * What an operator checks after the suite's work: the per-function metrics MBean counts invocations in the server's
 * MBean server, and the server's own pool statistics show every connection back in its pool.
 */
@ExtendWith(ArquillianExtension.class)
@Order(90)
class OperationsIT {

    @Deployment
    static WebArchive app() {
        return Deployments.app("operations-it.war", LambdaCaller.class);
    }

    @EJB
    private LambdaCaller caller;

    @Test
    void metricsMBean_countsInvocations() throws Exception {
        long before = invocations("echo");
        for (int i = 0; i < 3; i++) {
            caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo").payload("{}").build()));
        }
        assertEquals(before + 3, invocations("echo"));
    }

    @Test
    @RunAsClient
    void everyConnection_wentBackToItsPool() throws Exception {
        for (String jndi : Jndi.CONNECTION_FACTORIES) {
            assertEquals(0, ClientSide.connectionsInUse(jndi), jndi + " connections in use on "
                    + ClientSide.serverName());
        }
    }

    private static long invocations(String function) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("io.lambdajca:type=FunctionMetrics,function="
                + ObjectName.quote(function) + ",*"), null);
        assertFalse(names.isEmpty(), "a FunctionMetrics MBean for " + function);
        long sum = 0;
        for (ObjectName name : names) {
            sum += (Long) server.getAttribute(name, "Invocations");
        }
        return sum;
    }
}
