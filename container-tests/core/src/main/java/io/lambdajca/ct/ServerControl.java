package io.lambdajca.ct;

import java.util.List;
import java.util.ServiceLoader;

/**
 * What the portable suite needs of one server on the client side, each done with that server's own tools (asadmin,
 * server.xml, JMX): implemented once per server module and found with {@link ServiceLoader}.
 */
public interface ServerControl {

    /** The server and version, for messages: "Open Liberty 26.0.0.3". */
    String name();

    /**
     * How many connections of the connection factory bound at that JNDI name applications hold now (taken from the
     * pool and not yet closed), as the server's own pool statistics report it.
     */
    int connectionsInUse(String jndiName) throws Exception;

    /** Undeploys the standalone RAR (and the resources that depend on it) as an administrator of the server would. */
    void undeployAdapter() throws Exception;

    /**
     * The lines of the server's log, written since the test world configured the server, that report an error or a
     * warning (each server's own format and levels).
     */
    List<String> problemsInLog() throws Exception;

    /**
     * Everything the server logged since the test world configured it, at every level it writes (the setup layer
     * turns the adapter's loggers to their finest level), as one text.
     */
    String logOfThisRun() throws Exception;

    /**
     * The name applications give in a {@code connection-factory} or {@code administered-object} definition's
     * {@code resource-adapter} element to reach the standalone RAR: by default the system property
     * {@code lambdajca.ra.name}, else {@code lambda-jca-adapter}.
     */
    default String resourceAdapterName() {
        return System.getProperty("lambdajca.ra.name", "lambda-jca-adapter");
    }

    /**
     * The name of an adapter config property as this server wants it in an application's resource definition
     * ({@code EndpointOverride} as the adapter declares it; Open Liberty wants {@code endpointOverride}).
     */
    default String propertyName(String adapterName) {
        return adapterName;
    }

    /** The one implementation on the test class path. */
    static ServerControl get() {
        List<ServerControl> found = ServiceLoader.load(ServerControl.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("exactly one ServerControl must be on the test class path, found "
                    + found);
        }
        return found.get(0);
    }
}
