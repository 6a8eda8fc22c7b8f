package io.lambdajca.adapter.internal;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import io.lambdajca.api.ResultMappingException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * Maps application objects to and from JSON payloads with JSON-B (the server's implementation, a Jakarta EE platform
 * API). Thread-safe. The {@link Jsonb} is built at first use, on an application's thread, not with the adapter:
 * Open Liberty builds resource adapters on threads whose context class loader cannot see the JSON-B provider, and on
 * GlassFish an early build makes Yasson ask for CDI before the server's CDI integration has started.
 */
public final class JsonMapper implements AutoCloseable {

    private volatile Jsonb jsonb;

    public byte[] toJson(String functionName, Object value) {
        try {
            return jsonb().toJson(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new ResultMappingException(functionName, "input of type " + value.getClass().getName()
                    + " for function '" + functionName + "' cannot be mapped to JSON: " + e.getMessage(), e);
        }
    }

    public <T> T fromJson(String functionName, byte[] json, Type type) {
        try {
            return jsonb().fromJson(new String(json, StandardCharsets.UTF_8), type);
        } catch (JsonbException e) {
            throw new ResultMappingException(functionName, "result of function '" + functionName
                    + "' does not map to " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    private Jsonb jsonb() {
        Jsonb current = jsonb;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (jsonb == null) {
                jsonb = create();
            }
            return jsonb;
        }
    }

    /** With the caller's context class loader (the application's), else with the adapter's own. */
    private static Jsonb create() {
        try {
            return JsonbBuilder.create();
        } catch (JsonbException first) {
            Thread thread = Thread.currentThread();
            ClassLoader caller = thread.getContextClassLoader();
            thread.setContextClassLoader(JsonMapper.class.getClassLoader());
            try {
                return JsonbBuilder.create();
            } catch (JsonbException second) {
                second.addSuppressed(first);
                throw second;
            } finally {
                thread.setContextClassLoader(caller);
            }
        }
    }

    @Override
    public void close() {
        Jsonb current;
        synchronized (this) {
            current = jsonb;
            jsonb = null;
        }
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (Exception ignored) {
            // JSON-B holds no resources that outlive it
        }
    }
}
