package io.lambdajca.adapter;

import io.lambdajca.adapter.internal.AdapterLog;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.work.Work;

/**
 * Finishes activating a connection definition whose credential profile was not yet bound when the container created
 * its connection factory (containers bind administered objects after connection factories): waits for the profile,
 * then resolves it, builds the shared client and warms it up, so that the first call does not pay for it. Runs on the
 * container's work manager.
 */
final class DeferredActivation implements Work {

    static final long WAIT_MILLIS = 30_000;
    private static final long POLL_MILLIS = 100;

    private final LambdaManagedConnectionFactory factory;
    private final String profile;
    private volatile boolean released;

    DeferredActivation(LambdaManagedConnectionFactory factory, String profile) {
        this.factory = factory;
        this.profile = profile;
    }

    @Override
    public void run() {
        long start = System.currentTimeMillis();
        while (!released && !ProfileLookup.isBound(profile)) {
            if (System.currentTimeMillis() - start > WAIT_MILLIS) {
                AdapterLog.profileNotBound(profile, WAIT_MILLIS);
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (released) {
            return;
        }
        try {
            factory.activate();
        } catch (ResourceException | RuntimeException e) {
            if (!released) {
                AdapterLog.deferredActivationFailed(profile, e);
            }
        }
    }

    @Override
    public void release() {
        released = true;
    }
}
