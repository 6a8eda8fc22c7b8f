package io.lambdajca.adapter.internal;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider the adapter reads and writes its own JSON with (function errors, Roles Anywhere sessions), found
 * once ({@code Json}'s static methods look it up again on every call) with the adapter's class loader as the thread's
 * context class loader: whichever thread first needs it, an application's own JSON-P is not picked up, nor its class
 * loader kept after it is undeployed.
 */
public final class JsonP {

    public static final JsonProvider PROVIDER = find();

    private JsonP() {
    }

    private static JsonProvider find() {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(JsonP.class.getClassLoader());
        try {
            return JsonProvider.provider();
        } finally {
            thread.setContextClassLoader(caller);
        }
    }
}
