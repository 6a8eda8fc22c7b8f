package io.lambdajca.adapter.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The SDK clients of one resource adapter instance: one per distinct {@link ClientConfig}, shared by every connection
 * definition and managed connection that uses it, all closed when the adapter stops.
 */
public final class LambdaClients implements AutoCloseable {

    private final Map<ClientConfig, LambdaClient> clients = new ConcurrentHashMap<>();
    private final Function<ClientConfig, LambdaClient> factory;
    private volatile boolean closed;

    public LambdaClients() {
        this(LambdaClientFactory::build);
    }

    LambdaClients(Function<ClientConfig, LambdaClient> factory) {
        this.factory = factory;
    }

    /** The shared client of this configuration, built now if it is the first use. */
    public LambdaClient client(ClientConfig config) {
        if (closed) {
            throw new IllegalStateException("the Lambda resource adapter is stopped");
        }
        return clients.computeIfAbsent(config, c -> {
            LambdaClient client = factory.apply(c);
            AdapterLog.clientCreated(c.region().id(), c.endpointOverride());
            WarmUp.run(client, c);
            return client;
        });
    }

    public boolean isClosed() {
        return closed;
    }

    /** How many SDK clients are open. */
    public int size() {
        return clients.size();
    }

    @Override
    public void close() {
        closed = true;
        for (Map.Entry<ClientConfig, LambdaClient> e : clients.entrySet()) {
            try {
                e.getValue().close();
            } catch (RuntimeException ex) {
                AdapterLog.clientCloseFailed(e.getKey().region().id(), ex);
            }
        }
        int count = clients.size();
        clients.clear();
        AdapterLog.clientsClosed(count);
    }
}
