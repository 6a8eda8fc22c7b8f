package io.lambdajca.adapter;

import java.util.ArrayList;
import java.util.List;

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
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;

/**
 * The AWS Lambda resource adapter: owns the SDK clients of every connection definition, built on first activation
 * and closed when the adapter stops (undeploy, server shutdown or reload). Outbound only.
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

    /**
     * Created with the adapter, not in start(): the container activates connection definitions (and so builds their
     * clients) before it starts the adapter.
     */
    private final LambdaClients clients = new LambdaClients();
    private final JsonMapper json = new JsonMapper();
    private final InvocationMetrics metrics = new InvocationMetrics(Integer.toHexString(System.identityHashCode(this)));
    private final List<Work> afterStart = new ArrayList<>();
    private final List<Work> scheduled = new ArrayList<>();
    private BootstrapContext context;

    @Override
    public void start(BootstrapContext bootstrap) throws ResourceAdapterInternalException {
        List<Work> pending;
        synchronized (this) {
            this.context = bootstrap;
            pending = new ArrayList<>(afterStart);
            afterStart.clear();
        }
        for (Work work : pending) {
            schedule(work);
        }
        AdapterLog.adapterStarted("0.1.0");
    }

    /** Runs the work on the container's work manager once the adapter has started (now, if it has). */
    void afterStart(Work work) {
        synchronized (this) {
            if (context == null) {
                afterStart.add(work);
                return;
            }
        }
        schedule(work);
    }

    private void schedule(Work work) {
        synchronized (this) {
            scheduled.add(work);
        }
        try {
            context.getWorkManager().scheduleWork(work);
        } catch (WorkException e) {
            AdapterLog.workRejected(e);
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            afterStart.clear();
            scheduled.forEach(Work::release);
            scheduled.clear();
            context = null;
        }
        clients.close();
        metrics.close();
        json.close();
        AdapterLog.adapterStopped();
    }

    /** The shared SDK clients; fails once the adapter has stopped. */
    LambdaClients clients() throws ResourceException {
        if (clients.isClosed()) {
            throw new ResourceAdapterInternalException("The Lambda resource adapter is stopped");
        }
        return clients;
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
