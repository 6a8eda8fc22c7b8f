package io.lambdajca.adapter.internal;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider the adapter reads and writes its own JSON with (function errors, Roles Anywhere sessions), found
 * once ({@code Json}'s static methods look it up again on every call) with the adapter's class loader as the thread's
 * context class loader: whichever thread first needs it, an application's own JSON-P is not picked up, nor its class
 * loader kept after it is undeployed (if the server shows the adapter's class loader no provider, the caller's is
 * asked, as {@code Json} would).
 */
public final class JsonP {

    public static final JsonProvider PROVIDER = find();

    private JsonP() {
    }

    /** With the adapter's class loader as the context, else (a server that shows it none) with the caller's. */
    private static JsonProvider find() {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(JsonP.class.getClassLoader());
        try {
            return JsonProvider.provider();
        } catch (JsonException first) {
            thread.setContextClassLoader(caller);
            try {
                return JsonProvider.provider();
            } catch (JsonException second) {
                second.addSuppressed(first);
                throw second;
            }
        } finally {
            thread.setContextClassLoader(caller);
        }
    }
}
