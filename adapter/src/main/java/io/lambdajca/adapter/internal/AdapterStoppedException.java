package io.lambdajca.adapter.internal;

/**
 * What the adapter's shared parts (its SDK clients, credentials providers and streaming threads) throw when asked for
 * after the adapter stopped; the JCA and connection layers turn it into their own exceptions.
 */
public final class AdapterStoppedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AdapterStoppedException() {
        super("the Lambda resource adapter is stopped");
    }
}
