package io.lambdajca.adapter.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

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
    private final Factory factory;
    private final CredentialProviders credentials = new CredentialProviders();
    private volatile boolean closed;

    public LambdaClients() {
        this(LambdaClientFactory::build);
    }

    LambdaClients(Factory factory) {
        this.factory = factory;
    }

    /** Builds the SDK client of a configuration. */
    @FunctionalInterface
    interface Factory {
        LambdaClient build(ClientConfig config, AwsCredentialsProvider credentials, ScheduledExecutorService scheduler);
    }

    /** The shared client of this configuration, built now if it is the first use. */
    public LambdaClient client(ClientConfig config) {
        if (closed) {
            throw new IllegalStateException("the Lambda resource adapter is stopped");
        }
        LambdaClient client = clients.computeIfAbsent(config, c -> {
            LambdaClient created = factory.build(c, credentials.provider(c.credentials()), credentials.scheduler());
            AdapterLog.clientCreated(c.region().id(), c.endpointOverride(), c.credentials().describe());
            WarmUp.run(created, c);
            return created;
        });
        if (closed) {
            // the adapter stopped while this client was being built: close it too, so that nothing outlives stop()
            close();
            throw new IllegalStateException("the Lambda resource adapter is stopped");
        }
        return client;
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

    /** Closes every client and credentials provider; idempotent, and safe while a client is being built. */
    @Override
    public void close() {
        closed = true;
        int count = 0;
        for (ClientConfig config : clients.keySet()) {
            LambdaClient client = clients.remove(config);
            if (client == null) {
                continue;
            }
            count++;
            try {
                client.close();
            } catch (RuntimeException ex) {
                AdapterLog.clientCloseFailed(config.region().id(), ex);
            }
        }
        credentials.close();
        AdapterLog.clientsClosed(count);
    }
}
