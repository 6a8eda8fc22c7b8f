package io.lambdajca.adapter.internal;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import io.lambdajca.api.ResultMappingException;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;

/**
 * Maps application objects to and from JSON payloads with JSON-B (the server's implementation, a Jakarta EE platform
 * API). Thread-safe. One {@link Jsonb} per application (per context class loader of the calling thread), built at its
 * first use on that application's thread: Open Liberty builds resource adapters on threads whose context class loader
 * cannot see the JSON-B provider, on GlassFish an early build makes Yasson ask for CDI before the server's CDI
 * integration has started, and a {@code Jsonb} keeps what it learnt of an application (its classes, its CDI bean
 * manager), so one shared by every application would keep an undeployed one's classes. The cache holds class loaders
 * weakly and each {@code Jsonb} softly, so an undeployed application's can be collected.
 */
public final class JsonMapper implements AutoCloseable {

    /**
     * The last application's, read without a lock (most servers run one application that uses the adapter); held as
     * weakly and softly as in the map.
     */
    private volatile Entry last;
    /**
     * Why a value JSON-B ran out of stack on cannot be mapped: it maps by recursion, one level of the value after
     * another, and this one is nested deeper than the thread's stack allows (the error, not kept, is only that).
     */
    static final String TOO_DEEP = "it is nested too deeply for JSON-B, which maps each level by a call of its own and "
            + "ran out of the thread's stack (StackOverflowError)";
    private final Map<ClassLoader, SoftReference<Jsonb>> byLoader = new WeakHashMap<>();

    private record Entry(WeakReference<ClassLoader> loader, SoftReference<Jsonb> jsonb) {
    }

    public byte[] toJson(String functionName, Object value) {
        try {
            return jsonb().toJson(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new ResultMappingException(functionName, "input of type " + value.getClass().getName()
                    + " for function '" + functionName + "' cannot be mapped to JSON: " + e.getMessage(), e);
        } catch (StackOverflowError deep) {
            throw new ResultMappingException(functionName, "input of type " + value.getClass().getName()
                    + " for function '" + functionName + "' cannot be mapped to JSON: " + TOO_DEEP, null);
        }
    }

    /**
     * The payload mapped to {@code type}; null for an empty payload or the JSON literal {@code null} (whitespace
     * aside), except for a primitive type, which cannot hold null.
     */
    public <T> T fromJson(String functionName, byte[] json, Type type) {
        // a byte order mark before the value is skipped, as the adapter's check skips a request payload's
        String text = JsonCheck.withoutByteOrderMark(new String(json, StandardCharsets.UTF_8));
        String trimmed = text.strip();
        if (trimmed.isEmpty() || "null".equals(trimmed)) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                throw new ResultMappingException(functionName, "result of function '" + functionName + "' is "
                        + (trimmed.isEmpty() ? "empty" : "null") + ", which primitive " + c.getName()
                        + " cannot hold: ask for its wrapper type", null);
            }
            return null;
        }
        try {
            return jsonb().fromJson(text, type);
        } catch (JsonbException e) {
            throw new ResultMappingException(functionName, "result of function '" + functionName
                    + "' does not map to " + type.getTypeName() + ": " + e.getMessage(), e);
        } catch (StackOverflowError deep) {
            throw new ResultMappingException(functionName, "result of function '" + functionName
                    + "' does not map to " + type.getTypeName() + ": " + TOO_DEEP, null);
        }
    }

    private Jsonb jsonb() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : JsonMapper.class.getClassLoader();
        return jsonbFor(loader);
    }

    /** The JSON-B of the application whose class loader this is, built on first use. */
    Jsonb jsonbFor(ClassLoader loader) {
        Entry cached = last;
        if (cached != null && cached.loader().get() == loader) {
            Jsonb jsonb = cached.jsonb().get();
            if (jsonb != null) {
                return jsonb;
            }
        }
        synchronized (this) {
            SoftReference<Jsonb> ref = byLoader.get(loader);
            Jsonb jsonb = ref == null ? null : ref.get();
            if (jsonb == null) {
                jsonb = create(); // CPU only (no I/O): the provider lookup and Yasson's set-up
                ref = new SoftReference<>(jsonb);
                byLoader.put(loader, ref);
            }
            last = new Entry(new WeakReference<>(loader), ref);
            return jsonb;
        }
    }

    /** With the caller's context class loader (the application's), else with the adapter's own. */
    private static Jsonb create() {
        try {
            return create(JsonProvider.provider());
        } catch (JsonbException | JsonException first) {
            Thread thread = Thread.currentThread();
            ClassLoader caller = thread.getContextClassLoader();
            thread.setContextClassLoader(JsonMapper.class.getClassLoader());
            try {
                return create(JsonProvider.provider());
            } catch (JsonbException | JsonException second) {
                second.addSuppressed(first);
                throw second;
            } finally {
                thread.setContextClassLoader(caller);
            }
        }
    }

    /** JSON-B with this JSON-P provider, its parsers' whole numbers exact ({@link ExactNumbers}). */
    private static Jsonb create(JsonProvider json) {
        return JsonbBuilder.newBuilder().withProvider(new ExactNumbers(json)).build();
    }

    @Override
    public void close() {
        List<Jsonb> open = new ArrayList<>();
        synchronized (this) {
            last = null;
            for (SoftReference<Jsonb> ref : byLoader.values()) {
                Jsonb jsonb = ref.get();
                if (jsonb != null) {
                    open.add(jsonb);
                }
            }
            byLoader.clear();
        }
        for (Jsonb jsonb : open) {
            try {
                jsonb.close();
            } catch (Exception ignored) {
                // JSON-B holds no resources that outlive it
            }
        }
    }
}
