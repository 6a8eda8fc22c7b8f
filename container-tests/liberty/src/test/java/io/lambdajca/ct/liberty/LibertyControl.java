package io.lambdajca.ct.liberty;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

import io.lambdajca.ct.ServerControl;

/**
 * The portable suite's handle on Open Liberty, with Liberty's own means: the ConnectionPoolStats MBeans of
 * monitor-1.0 over the local JMX connector, the server.xml include file that the setup layer wrote, and
 * messages.log.
 */
public final class LibertyControl implements ServerControl {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Override
    public String name() {
        return LibertyServer.name();
    }

    /** A standalone adapter's name, for application-defined resources, is the id of its resourceAdapter element. */
    @Override
    public String resourceAdapterName() {
        return LibertyServer.ADAPTER_ID;
    }

    /** Liberty matches config property names with a lower-case first letter: {@code endpointOverride}. */
    @Override
    public String propertyName(String adapterName) {
        return ResourcesConfig.libertyName(adapterName);
    }

    /**
     * Managed connections of that factory's pool that are not free, from its ConnectionPoolStats MBean
     * ({@code WebSphere:type=ConnectionPoolStats,name=<jndiName>}). monitor-1.0 registers it when the pool is
     * created, at the factory's first use.
     */
    @Override
    public int connectionsInUse(String jndiName) throws Exception {
        try (JMXConnector connector = LibertyServer.jmx()) {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            ObjectName pool = new ObjectName("WebSphere:type=ConnectionPoolStats,name=" + jndiName);
            if (!mbeans.isRegistered(pool)) {
                // every pool of the suite is used, so a missing MBean is a failure (monitor-1.0 off, a wrong name)
                throw new IllegalStateException("no ConnectionPoolStats MBean " + pool);
            }
            long managed = ((Number) mbeans.getAttribute(pool, "ManagedConnectionCount")).longValue();
            long free = ((Number) mbeans.getAttribute(pool, "FreeConnectionCount")).longValue();
            return Math.toIntExact(managed - free);
        }
    }

    /**
     * As an administrator does: removes the resourceAdapter and every resource that uses it from the configuration
     * (here, the include file), after it has removed the applications' classProviderRef to it from server.xml and
     * they have restarted; then waits until Liberty logs that the adapter is uninstalled.
     */
    @Override
    public void undeployAdapter() throws Exception {
        MessagesLog log = new MessagesLog(LibertyServer.messagesLog());
        int before = log.lines().size();
        // first the applications no longer see the adapter's classes (each restarts), then the adapter goes
        List<String> applications = ApplicationClassloaders.removeProvider(LibertyServer.serverXml(),
                LibertyServer.ADAPTER_ID);
        for (String application : applications) {
            String updated = "CWWKZ0003I: The application " + application + " updated";
            log.awaitAfter(before, line -> line.contains(updated), TIMEOUT);
        }
        ResourcesConfig.write(LibertyServer.resourcesFile(), ResourcesConfig.empty());
        String uninstalled = "J2CA7009I: The resource adapter " + LibertyServer.ADAPTER_ID + " ";
        log.awaitAfter(before, line -> line.contains(uninstalled), TIMEOUT);
    }

    @Override
    public List<String> problemsInLog() throws IOException {
        return new MessagesLog(LibertyServer.messagesLog()).problems();
    }

    /**
     * messages.log and trace.log (where the adapter's fine messages go), both of this run only (no rollover). trace.log
     * repeats messages.log's entries; both are read so that the search does not depend on that.
     */
    @Override
    public String logOfThisRun() throws IOException {
        return String.join("\n", new MessagesLog(LibertyServer.messagesLog()).lines()) + "\n"
                + String.join("\n", new MessagesLog(LibertyServer.traceLog()).lines());
    }
}
