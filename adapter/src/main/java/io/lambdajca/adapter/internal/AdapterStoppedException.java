package io.lambdajca.adapter.internal;

/**
 * What the adapter's shared parts (its SDK clients, credentials providers and streaming threads) throw when asked for
 * after the adapter stopped; where a connection is made or a stream opened, it becomes the JCA's or the api's
 * exception for a stopped adapter.
 */
public final class AdapterStoppedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AdapterStoppedException() {
        super("the Lambda resource adapter is stopped");
    }
}
