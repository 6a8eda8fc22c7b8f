package io.lambdajca.cdi;

import java.io.InputStream;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.InvocationType;

/**
 * What one method of a typed function interface does: which function it calls and how, and what its result is. Built
 * and checked at deployment.
 */
final class FunctionMethod {

    final Method method;
    /** The method as messages name it: {@code Interface.method}. */
    final String label;
    final String functionName;
    final String qualifier;
    final InvocationType type;
    final boolean afterCommit;
    final boolean async;
    /** Optional, OptionalInt, OptionalLong or OptionalDouble when the method returns one (empty for no result). */
    private final Class<?> optionalKind;
    /** The index of the parameter that is the function's input, or -1 for none. */
    final int inputParameter;
    /** The index of the {@link TenantId} parameter, or -1 for none. */
    final int tenantParameter;
    /** What the result maps to: the return type without its CompletionStage (or Future) and Optional (void: none). */
    final Type resultType;
    /** The method returns {@code InputStream} or {@code InvocationStream}: it invokes with response streaming. */
    final boolean streaming;

    /** The primitive optionals a method may return, with the type their result maps to. */
    private static final Map<Class<?>, Class<?>> PRIMITIVE_OPTIONALS = Map.of(OptionalInt.class, Integer.class,
            OptionalLong.class, Long.class, OptionalDouble.class, Double.class);

    private FunctionMethod(Method method, LambdaFunction f, int inputParameter, int tenantParameter, boolean async,
            Class<?> optionalKind, Type resultType) {
        this.method = method;
        this.label = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        this.functionName = f.name();
        this.qualifier = f.qualifier().isEmpty() ? null : f.qualifier();
        this.type = f.type();
        this.afterCommit = f.afterCommit();
        this.async = async;
        this.optionalKind = optionalKind;
        this.inputParameter = inputParameter;
        this.tenantParameter = tenantParameter;
        this.resultType = resultType;
        this.streaming = resultType == InputStream.class || resultType == InvocationStream.class;
    }

    /** The function's input among a call's arguments, or null when the method takes none. */
    Object input(Object[] args) {
        return inputParameter < 0 ? null : args[inputParameter];
    }

    /** The tenant id among a call's arguments, or null when the method has no {@link TenantId} parameter. */
    String tenantId(Object[] args) {
        return tenantParameter < 0 ? null : (String) args[tenantParameter];
    }

    /**
     * Describes every method of the interface that calls a function (not its default or static methods, nor Object's
     * methods declared again); what is wrong with one goes to {@code problems}, and that method is left out.
     */
    static Map<Method, FunctionMethod> describeAll(Class<?> iface, List<String> problems) {
        Map<Method, FunctionMethod> methods = new LinkedHashMap<>();
        for (Method m : iface.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || isObjectMethod(m)) {
                continue; // the interface's own code, or equals, hashCode or toString declared again
            }
            FunctionMethod fm = describe(iface, m, problems);
            if (fm != null) {
                methods.put(m, fm);
            }
        }
        return methods;
    }

    /** Whether the method is one of Object's public methods declared again (toString, equals, hashCode). */
    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException notObjects) {
            return false;
        }
    }

    /** Describes the method, or adds to {@code problems} what is wrong with it and returns null. */
    static FunctionMethod describe(Class<?> iface, Method m, List<String> problems) {
        String where = iface.getName() + "." + m.getName();
        LambdaFunction f = m.getAnnotation(LambdaFunction.class);
        if (f == null || f.name().isBlank()) {
            problems.add("LAMBDAJCA2001: " + where + " has no function name: annotate it with "
                    + "@LambdaFunction(name = \"...\")");
            return null;
        }
        int input = -1;
        int tenant = -1;
        Parameter[] parameters = m.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAnnotationPresent(TenantId.class)) {
                input = i;
            } else if (tenant >= 0 || parameters[i].getType() != String.class) {
                problems.add("LAMBDAJCA2008: " + where + " has " + (tenant >= 0 ? "more than one @TenantId parameter"
                        : "a @TenantId parameter of type " + parameters[i].getType().getName()) + ": the tenant id is "
                        + "one String parameter annotated @TenantId");
                return null;
            } else {
                tenant = i;
            }
        }
        int inputs = parameters.length - (tenant < 0 ? 0 : 1);
        if (inputs > 1) {
            problems.add("LAMBDAJCA2002: " + where + " takes " + inputs + " parameters" + (tenant < 0 ? "" : " besides "
                    + "its @TenantId") + ", which JSON-B cannot map to one function input: take a single parameter (a "
                    + "record or a class holding them)");
            return null;
        }
        Type returned = m.getGenericReturnType();
        boolean async = false;
        if (isAsync(raw(returned))) {
            async = true;
            returned = argument(returned, where, problems);
            if (returned == null) {
                return null;
            }
        }
        Class<?> rawReturned = raw(returned);
        Class<?> optionalKind = rawReturned != null && (rawReturned == Optional.class
                || PRIMITIVE_OPTIONALS.containsKey(rawReturned)) ? rawReturned : null;
        boolean optional = optionalKind != null;
        if (optionalKind == Optional.class) {
            returned = argument(returned, where, problems);
            if (returned == null) {
                return null;
            }
        } else if (optional) {
            returned = PRIMITIVE_OPTIONALS.get(optionalKind);
        }
        if (returned == InputStream.class || returned == InvocationStream.class) {
            String problem = streamProblem(f, async || optional);
            if (problem != null) {
                problems.add("LAMBDAJCA2009: " + where + " returns a response stream (" + m.getGenericReturnType()
                        .getTypeName() + "), " + problem);
                return null;
            }
        }
        String unresolved = returned instanceof WildcardType ? "wildcard " + returned.getTypeName()
                : unresolved(returned);
        if (unresolved != null) {
            problems.add("LAMBDAJCA2006: " + where + " returns " + m.getGenericReturnType().getTypeName() + ", whose "
                    + unresolved + " is not a type JSON-B can map a result to: declare the method with its concrete "
                    + "result type");
            return null;
        }
        boolean noResult = returned == void.class || returned == Void.class;
        if (f.type() != InvocationType.REQUEST_RESPONSE && !noResult) {
            String article = f.type() == InvocationType.EVENT ? "an " : "a ";
            problems.add("LAMBDAJCA2004: " + where + " is " + article + f.type().wireName() + " invocation, which "
                    + "returns no result: declare it void (or CompletionStage<Void>)");
            return null;
        }
        if (f.afterCommit() && (f.type() != InvocationType.EVENT || async)) {
            problems.add("LAMBDAJCA2005: " + where + " sets afterCommit, which needs type = InvocationType.EVENT and a "
                    + "void method");
            return null;
        }
        return new FunctionMethod(m, f, input, tenant, async, optionalKind, returned);
    }

    /** Whether the method returns an Optional, OptionalInt, OptionalLong or OptionalDouble. */
    boolean optional() {
        return optionalKind != null;
    }

    /** What the method returns for a mapped result (null for an empty or {@code null} payload). */
    Object returned(Object result) {
        if (optionalKind == null) {
            return result;
        }
        if (optionalKind == OptionalInt.class) {
            return result == null ? OptionalInt.empty() : OptionalInt.of((Integer) result);
        }
        if (optionalKind == OptionalLong.class) {
            return result == null ? OptionalLong.empty() : OptionalLong.of((Long) result);
        }
        if (optionalKind == OptionalDouble.class) {
            return result == null ? OptionalDouble.empty() : OptionalDouble.of((Double) result);
        }
        return Optional.ofNullable(result);
    }

    /** Why a method returning a stream cannot stream, or null when it can. */
    private static String streamProblem(LambdaFunction f, boolean wrapped) {
        if (wrapped) {
            return "which must be returned as it is, not in a CompletionStage or Optional: the stream is returned as "
                    + "soon as Lambda answers, and its bytes are read as they come: return InputStream or "
                    + "InvocationStream";
        }
        if (f.type() != InvocationType.REQUEST_RESPONSE) {
            return "but " + (f.type() == InvocationType.EVENT ? "an " : "a ") + f.type().wireName() + " invocation has "
                    + "no response to stream: only RequestResponse methods may return InputStream or InvocationStream";
        }
        if (f.afterCommit()) {
            return "but sets afterCommit, and an invocation sent after the commit has no response to stream: only "
                    + "RequestResponse methods without afterCommit may return InputStream or InvocationStream";
        }
        return null;
    }

    /**
     * Whether the method runs on the managed executor: it returns what the executor's {@code CompletableFuture} is
     * (CompletionStage, CompletableFuture or Future).
     */
    private static boolean isAsync(Class<?> raw) {
        return raw == CompletionStage.class || raw == CompletableFuture.class || raw == Future.class;
    }

    /**
     * The first type variable in the type, or a wildcard that is the type itself, or null when it has neither: JSON-B
     * cannot resolve them to a class when it maps a result ("Error resolving runtime type"); a wildcard inside a
     * type ({@code List<? extends Quote>}) it resolves to its bound.
     */
    private static String unresolved(Type t) {
        if (t instanceof TypeVariable) {
            return "type " + t.getTypeName() + " (a method inherited from a generic interface keeps its type variable)";
        }

        if (t instanceof GenericArrayType g) {
            return unresolved(g.getGenericComponentType());
        }
        if (t instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                String inner = unresolved(argument);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class) {
            return (Class<?>) t;
        }
        return t instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) t).getRawType() : null;
    }

    private static Type argument(Type t, String where, List<String> problems) {
        if (t instanceof ParameterizedType) {
            return ((ParameterizedType) t).getActualTypeArguments()[0];
        }
        problems.add("LAMBDAJCA2006: " + where + " returns a raw " + t.getTypeName() + ": give its type argument");
        return null;
    }
}
