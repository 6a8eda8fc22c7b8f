package io.lambdajca.local.runtime;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * A function's loaded code: its class loader, its JSON-B instance and its handler, resolved on first use (a bad handler
 * fails the invocation, as on Lambda, not the deployment). Shared by the versions published from one configuration;
 * an update of the function's code or configuration makes a new one (new execution environments). Its code is closed
 * by the function, which may share it between runtimes.
 */
final class FunctionRuntime implements AutoCloseable {

    private final FunctionCode code;
    private final FunctionClassLoader loader;
    private final String handler;
    private final Jsonb jsonb;
    private final Tenancy tenancy;
    private volatile HandlerInvoker invoker;

    FunctionRuntime(String functionName, String handler, FunctionCode code, Map<String, String> environment) {
        this(functionName, handler, code, environment, Tenancy.NONE);
    }

    FunctionRuntime(String functionName, String handler, FunctionCode code, Map<String, String> environment,
            Tenancy tenancy) {
        this.tenancy = tenancy;
        this.code = code;
        this.handler = handler;
        this.loader = new FunctionClassLoader(functionName, code.classPath(), environment);
        this.jsonb = JsonbBuilder.create();
    }

    ClassLoader loader() {
        return loader;
    }

    FunctionCode code() {
        return code;
    }

    Tenancy tenancy() {
        return tenancy;
    }

    byte[] invoke(byte[] payload, Context context) throws Throwable {
        return invoke(payload, context, null);
    }

    /** With a {@code sink}, the response goes to it as the handler writes it (see {@link HandlerInvoker}). */
    byte[] invoke(byte[] payload, Context context, java.io.OutputStream sink) throws Throwable {
        HandlerInvoker current = invoker;
        if (current == null) {
            synchronized (this) {
                if (invoker == null) {
                    invoker = HandlerInvoker.resolve(handler, loader, jsonb);
                }
                current = invoker;
            }
        }
        return current.invoke(payload, context, sink);
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing to release that matters
        }
        try {
            loader.close();
        } catch (java.io.IOException ignored) {
            // the task root is deleted with its code, which may serve other runtimes of the function
        }
    }
}
