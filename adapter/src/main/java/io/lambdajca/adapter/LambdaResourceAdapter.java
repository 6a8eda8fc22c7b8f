package io.lambdajca.adapter;

import java.time.Duration;

import javax.transaction.xa.XAResource;

import io.lambdajca.adapter.internal.AdapterLog;
import io.lambdajca.adapter.internal.JsonMapper;
import io.lambdajca.adapter.internal.LambdaClients;
import io.lambdajca.adapter.internal.metrics.InvocationMetrics;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * The AWS Lambda resource adapter: owns the SDK clients of every connection definition, built on first activation
 * and closed when the adapter stops (undeploy, server shutdown or reload), and the threads that activate connection
 * definitions ({@link Activations}), which end when it stops. Outbound only.
 */
@Connector(
        displayName = "AWS Lambda Resource Adapter",
        description = "Calls AWS Lambda functions through container-managed, pooled connections.",
        vendorName = "lambdajca.io",
        eisType = "AWS Lambda",
        version = "0.1.0",
        licenseDescription = "Apache License 2.0",
        licenseRequired = false,
        reauthenticationSupport = false,
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class LambdaResourceAdapter implements ResourceAdapter {

    /** How long stop() waits for an activation under way (its warm-up call has a shorter timeout of its own). */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /**
     * Created with the adapter, not in start(): the container may activate connection definitions (and so build their
     * clients) before it starts the adapter.
     */
    private final LambdaClients clients = new LambdaClients();
    private final JsonMapper json = new JsonMapper();
    private final InvocationMetrics metrics = new InvocationMetrics(Integer.toHexString(System.identityHashCode(this)));
    private final Activations activations = new Activations();

    @Override
    public void start(BootstrapContext bootstrap) throws ResourceAdapterInternalException {
        AdapterLog.adapterStarted("0.1.0");
    }

    /**
     * Ends every activation and closes every client: activations under way are interrupted, the clients closed
     * (which also ends a warm-up call in flight), then the activation threads are waited for.
     */
    @Override
    public void stop() {
        activations.stop();
        clients.close();
        if (!activations.awaitStopped(STOP_WAIT)) {
            AdapterLog.activationsNotStopped(STOP_WAIT.toMillis());
        }
        metrics.close();
        json.close();
        AdapterLog.adapterStopped();
    }

    /** The Lambda resource adapter an adapter object associated with it names; throws if it is another. */
    static LambdaResourceAdapter of(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof LambdaResourceAdapter)) {
            throw new ResourceException("This connection definition is not associated with the Lambda resource "
                    + "adapter");
        }
        return (LambdaResourceAdapter) ra;
    }

    /** Whether the adapter has stopped. */
    boolean stopped() {
        return clients.isClosed();
    }

    /** Activates connection definitions whose credential profile is not bound yet, on the adapter's own threads. */
    Activations activations() {
        return activations;
    }

    /** The shared SDK clients; fails once the adapter has stopped. */
    LambdaClients clients() throws ResourceException {
        if (clients.isClosed()) {
            throw stoppedException(null);
        }
        return clients;
    }

    /** What a connection request gets once the adapter has stopped. */
    static ResourceAdapterInternalException stoppedException(Throwable cause) {
        return new ResourceAdapterInternalException("The Lambda resource adapter is stopped", cause);
    }

    JsonMapper json() {
        return json;
    }

    InvocationMetrics metrics() {
        return metrics;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("The Lambda resource adapter is outbound only: it has no message endpoints");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // outbound only: nothing was activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
