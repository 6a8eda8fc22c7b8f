package io.lambdajca.adapter.internal.metrics;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.lambdajca.adapter.internal.AdapterLog;

/**
 * The per-function metrics of one resource adapter instance, each registered as a JMX MXBean
 * {@code io.lambdajca:type=FunctionMetrics,adapter=ID,function="NAME"} in the platform MBean server (in WildFly the
 * server's own, so JConsole, VisualVM and the jmx subsystem see them), and unregistered when the adapter stops.
 * At most {@value #MAX_FUNCTIONS} functions are tracked by name; further ones are counted together under "(other)".
 */
public final class InvocationMetrics implements AutoCloseable {

    static final int MAX_FUNCTIONS = 1000;
    static final String OTHER = "(other)";

    private final String adapterId;
    private final Map<String, FunctionMetrics> functions = new ConcurrentHashMap<>();
    private final Map<String, ObjectName> registered = new ConcurrentHashMap<>();
    private final MBeanServer server;
    private volatile boolean closed;

    public InvocationMetrics(String adapterId) {
        this(adapterId, ManagementFactory.getPlatformMBeanServer());
    }

    InvocationMetrics(String adapterId, MBeanServer server) {
        this.adapterId = adapterId;
        this.server = server;
    }

    /** The metrics of a function, created and registered on first use. */
    public FunctionMetrics of(String functionName) {
        FunctionMetrics m = functions.get(functionName);
        if (m != null) {
            return m;
        }
        String key = functions.size() >= MAX_FUNCTIONS ? OTHER : functionName;
        return functions.computeIfAbsent(key, this::register);
    }

    private FunctionMetrics register(String functionName) {
        FunctionMetrics m = new FunctionMetrics(functionName);
        if (closed) {
            return m;
        }
        try {
            ObjectName name = new ObjectName("io.lambdajca:type=FunctionMetrics,adapter=" + adapterId + ",function="
                    + ObjectName.quote(functionName));
            server.registerMBean(m, name);
            registered.put(functionName, name);
            if (closed && registered.remove(functionName, name)) {
                // closed meanwhile, and close() went by before this one was added: it would stay registered
                server.unregisterMBean(name);
            }
        } catch (JMException | RuntimeException e) {
            AdapterLog.metricsNotRegistered(functionName, e);
        }
        return m;
    }

    @Override
    public void close() {
        closed = true;
        for (ObjectName name : registered.values()) {
            try {
                server.unregisterMBean(name);
            } catch (JMException | RuntimeException e) {
                AdapterLog.metricsNotUnregistered(name.toString(), e);
            }
        }
        registered.clear();
        functions.clear();
    }
}
