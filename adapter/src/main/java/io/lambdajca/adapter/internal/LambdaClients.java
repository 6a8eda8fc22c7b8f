package io.lambdajca.adapter.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.lambdajca.adapter.internal.credentials.CredentialProviders;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The SDK clients of one resource adapter instance: one per distinct {@link ClientConfig} (credentials, region,
 * endpoint and HTTP settings), shared by every connection definition and managed connection that uses it, all closed
 * when the adapter stops, together with their credentials providers.
 */
public final class LambdaClients implements AutoCloseable {

    private final Map<ClientConfig, LambdaClient> clients = new ConcurrentHashMap<>();
    private final BiFunction<ClientConfig, AwsCredentialsProvider, LambdaClient> factory;
    private final CredentialProviders credentials = new CredentialProviders();
    private volatile boolean closed;

    public LambdaClients() {
        this(LambdaClientFactory::build);
    }

    LambdaClients(BiFunction<ClientConfig, AwsCredentialsProvider, LambdaClient> factory) {
        this.factory = factory;
    }

    /** The shared client of this configuration, built now if it is the first use. */
    public LambdaClient client(ClientConfig config) {
        if (closed) {
            throw new IllegalStateException("the Lambda resource adapter is stopped");
        }
        return clients.computeIfAbsent(config, c -> {
            LambdaClient client = factory.apply(c, credentials.provider(c.credentials()));
            AdapterLog.clientCreated(c.region().id(), c.endpointOverride(), c.credentials().describe());
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

    /** The credentials providers behind the clients. */
    public CredentialProviders credentials() {
        return credentials;
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
        credentials.close();
        AdapterLog.clientsClosed(count);
    }
}
