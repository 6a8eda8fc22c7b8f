package io.lambdajca.it;

import java.util.ArrayList;
import java.util.List;

import io.lambdajca.it.FaultServer.Fault;

/**
 * The faulty endpoints of {@link FaultAnswersIT}: a {@link FaultServer} started in the test JVM, and one connection
 * definition per fault (pool of 2, 3 s read timeout, 5 s call timeout, one retry), configured with the project's CLI
 * script like the others. The server lives until the test JVM exits.
 */
final class FaultEnvironment {

    static final long READ_TIMEOUT_MILLIS = 3_000;
    static final long CALL_TIMEOUT_MILLIS = 5_000;
    static final List<String> POOLS = pools();

    private static FaultServer server;

    private FaultEnvironment() {
    }

    static synchronized FaultServer server() {
        return server;
    }

    /** Starts the fault server and appends the connection definitions to the environment's CLI file. */
    static void configure(String encryptedSecret) throws Exception {
        FaultServer started = FaultServer.start();
        synchronized (FaultEnvironment.class) {
            server = started;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fault-server-stop"));
        for (Fault fault : Fault.values()) {
            LambdaEnvironment.configureWithKeys(fault.pool(), fault.jndi(), started.endpoint(fault), encryptedSecret,
                    "2", "5000", "ReadTimeoutMillis=" + READ_TIMEOUT_MILLIS, "CallTimeoutMillis=" + CALL_TIMEOUT_MILLIS,
                    "MaxRetries=1", "ConnectTimeoutMillis=1000");
        }
    }

    private static List<String> pools() {
        List<String> pools = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            pools.add(fault.pool());
        }
        return List.copyOf(pools);
    }
}
