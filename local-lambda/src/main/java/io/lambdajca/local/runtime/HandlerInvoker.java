package io.lambdajca.local.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

/**
 * Calls a Java handler the way Lambda's Java runtime does: {@code package.Class} implementing {@link RequestHandler} or
 * {@link RequestStreamHandler}, or {@code package.Class::method} taking {@code (InputStream, OutputStream[, Context])}
 * or {@code (Input[, Context])}. Inputs and outputs are mapped with JSON-B. Each execution environment has its own
 * handler instance; idle instances are reused, as Lambda reuses warm environments. An invocation with a tenant id
 * (a function with tenant isolation) only reuses instances that served the same tenant.
 */
final class HandlerInvoker {

    private enum Shape { STREAM_HANDLER, REQUEST_HANDLER, STREAM_METHOD, POJO_METHOD }

    private final Class<?> handlerClass;
    private final Method method;
    private final Shape shape;
    private final Type inputType;
    private final boolean takesContext;
    private final Jsonb jsonb;
    private final ConcurrentLinkedDeque<Object> idleInstances = new ConcurrentLinkedDeque<>();
    private final ConcurrentHashMap<String, ConcurrentLinkedDeque<Object>> idleByTenant = new ConcurrentHashMap<>();

    private HandlerInvoker(Class<?> handlerClass, Method method, Shape shape, Type inputType, boolean takesContext,
            Jsonb jsonb) {
        this.handlerClass = handlerClass;
        this.method = method;
        this.shape = shape;
        this.inputType = inputType;
        this.takesContext = takesContext;
        this.jsonb = jsonb;
    }

    /** Resolves the handler string; throws what Lambda would report as the invocation's error. */
    static HandlerInvoker resolve(String handler, ClassLoader loader, Jsonb jsonb) throws ReflectiveOperationException {
        int sep = handler.indexOf("::");
        String className = sep < 0 ? handler : handler.substring(0, sep);
        String methodName = sep < 0 ? null : handler.substring(sep + 2);
        Class<?> cls = Class.forName(className, true, loader);
        if (methodName == null || "handleRequest".equals(methodName)) {
            if (RequestStreamHandler.class.isAssignableFrom(cls)) {
                return new HandlerInvoker(cls, null, Shape.STREAM_HANDLER, null, true, jsonb);
            }
            if (RequestHandler.class.isAssignableFrom(cls)) {
                return new HandlerInvoker(cls, null, Shape.REQUEST_HANDLER, requestHandlerInput(cls), true, jsonb);
            }
            if (methodName == null) {
                throw new NoSuchMethodException("Class " + className
                        + " does not implement RequestHandler or RequestStreamHandler with the correct type signature");
            }
        }
        Method m = Arrays.stream(cls.getMethods())
                .filter(x -> x.getName().equals(methodName) && !x.isBridge() && x.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new NoSuchMethodException("No public method named " + methodName + " with "
                        + "appropriate method signature found on class " + className));
        Class<?>[] p = m.getParameterTypes();
        if (p.length >= 2 && p[0] == InputStream.class && p[1] == OutputStream.class) {
            return new HandlerInvoker(cls, m, Shape.STREAM_METHOD, null, p.length == 3, jsonb);
        }
        boolean context = p.length > 0 && p[p.length - 1] == Context.class;
        int inputs = p.length - (context ? 1 : 0);
        if (inputs > 1) {
            throw new NoSuchMethodException("Handler method " + methodName + " takes too many parameters");
        }
        Type in = inputs == 0 ? null : m.getGenericParameterTypes()[0];
        return new HandlerInvoker(cls, m, Shape.POJO_METHOD, in, context, jsonb);
    }

    private static Type requestHandlerInput(Class<?> cls) {
        for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType && ((ParameterizedType) t).getRawType() == RequestHandler.class) {
                    Type arg = ((ParameterizedType) t).getActualTypeArguments()[0];
                    return arg instanceof Class || arg instanceof ParameterizedType ? arg : Map.class;
                }
            }
        }
        return Map.class;
    }

    /** Runs the handler on the calling thread and returns the response payload. */
    byte[] invoke(byte[] payload, Context context) throws Throwable {
        return invoke(payload, context, null);
    }

    /**
     * Runs the handler on the calling thread; with a {@code sink}, a stream handler writes its response straight to
     * it (as it writes and flushes) and any other handler's whole result is written to it at once, and null is
     * returned.
     */
    byte[] invoke(byte[] payload, Context context, OutputStream sink) throws Throwable {
        String tenant = context.getTenantId();
        ConcurrentLinkedDeque<Object> idle = tenant == null ? idleInstances
                : idleByTenant.computeIfAbsent(tenant, t -> new ConcurrentLinkedDeque<>());
        Object instance = idle.pollFirst();
        if (instance == null && (shape != Shape.POJO_METHOD && shape != Shape.STREAM_METHOD
                || !Modifier.isStatic(method.getModifiers()))) {
            instance = handlerClass.getDeclaredConstructor().newInstance();
        }
        try {
            byte[] response = call(instance, payload, context, sink);
            if (sink != null && response != null) {
                sink.write(response);
            }
            return sink == null ? response : null;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (instance != null) {
                idle.offerFirst(instance);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] call(Object instance, byte[] payload, Context context, OutputStream sink) throws Throwable {
        switch (shape) {
            case STREAM_HANDLER: {
                ByteArrayOutputStream buffer = sink == null ? new ByteArrayOutputStream() : null;
                ((RequestStreamHandler) instance).handleRequest(new ByteArrayInputStream(payload),
                        sink == null ? buffer : sink, context);
                return sink == null ? buffer.toByteArray() : null;
            }
            case STREAM_METHOD: {
                ByteArrayOutputStream buffer = sink == null ? new ByteArrayOutputStream() : null;
                OutputStream out = sink == null ? buffer : sink;
                if (takesContext) {
                    method.invoke(instance, new ByteArrayInputStream(payload), out, context);
                } else {
                    method.invoke(instance, new ByteArrayInputStream(payload), out);
                }
                return sink == null ? buffer.toByteArray() : null;
            }
            case REQUEST_HANDLER:
                return toJson(((RequestHandler) instance).handleRequest(fromJson(payload), context));
            default:
                Object[] args = inputType == null
                        ? (takesContext ? new Object[] {context} : new Object[0])
                        : (takesContext ? new Object[] {fromJson(payload), context} : new Object[] {fromJson(payload)});
                return toJson(method.invoke(instance, args));
        }
    }

    private Object fromJson(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        try {
            return jsonb.fromJson(new String(payload, StandardCharsets.UTF_8), inputType);
        } catch (JsonbException e) {
            throw new RuntimeException("An error occurred during JSON parsing", e);
        }
    }

    private byte[] toJson(Object result) {
        if (result == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        try {
            return jsonb.toJson(result).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new RuntimeException("An error occurred during JSON serialization of response", e);
        }
    }
}
