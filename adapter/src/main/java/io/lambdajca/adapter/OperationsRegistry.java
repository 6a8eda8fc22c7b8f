package io.lambdajca.adapter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lambdajca.adapter.internal.AdapterStoppedException;
import io.lambdajca.adapter.internal.ClientConfig;
import io.lambdajca.adapter.internal.ConnectionConfig;
import io.lambdajca.adapter.internal.LambdaClients;
import io.lambdajca.adapter.internal.LambdaOperations;
import io.lambdajca.adapter.internal.SingleFlight;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapter;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The Lambda operations of one connection definition, one per credential source, each on the adapter's shared SDK
 * client of the definition's settings with those credentials. A new credential source's client is built and warmed up
 * by {@link io.lambdajca.adapter.internal.LambdaClients} with no lock held here: other credential sources are served
 * meanwhile.
 */
final class OperationsRegistry {

    private final ConnectionConfig config;
    private final ResourceAdapter adapter;
    private final Map<CredentialSource, LambdaOperations> operations = new ConcurrentHashMap<>();

    OperationsRegistry(ConnectionConfig config, ResourceAdapter adapter) {
        this.config = config;
        this.adapter = adapter;
    }

    /** The operations with those credentials; the first request of a credential source builds its client. */
    LambdaOperations operations(CredentialSource credentials) throws ResourceException {
        LambdaOperations known = operations.get(credentials);
        if (known != null) {
            return known;
        }
        LambdaResourceAdapter ra = LambdaResourceAdapter.of(adapter);
        LambdaClient client;
        try {
            client = ra.clients().client(config.client().withCredentials(credentials));
        } catch (SingleFlight.TimedOut e) {
            throw new ResourceException(e.getMessage(), e);
        } catch (AdapterStoppedException e) {
            throw LambdaResourceAdapter.stoppedException(e);
        }
        // cheap, no I/O: the client is built
        ClientConfig clientConfig = config.client().withCredentials(credentials);
        LambdaClients clients = ra.clients();
        return operations.computeIfAbsent(credentials, c -> new LambdaOperations(client,
                () -> clients.asyncClient(clientConfig), clients.streams(), clientConfig.readTimeout(),
                config.retry(), ra.json(), ra.metrics()));
    }
}
