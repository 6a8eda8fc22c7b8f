package io.lambdajca.cdi;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.lambdajca.api.InvocationType;

/**
 * What one method of a typed function interface does: which function it calls and how, and what its result is. Built
 * and checked at deployment.
 */
final class FunctionMethod {

    final Method method;
    final String functionName;
    final String qualifier;
    final InvocationType type;
    final boolean afterCommit;
    final boolean async;
    final boolean optional;
    /** What the result maps to: the return type without its CompletionStage and Optional (void for none). */
    final Type resultType;

    private FunctionMethod(Method method, LambdaFunction f, boolean async, boolean optional, Type resultType) {
        this.method = method;
        this.functionName = f.name();
        this.qualifier = f.qualifier().isEmpty() ? null : f.qualifier();
        this.type = f.type();
        this.afterCommit = f.afterCommit();
        this.async = async;
        this.optional = optional;
        this.resultType = resultType;
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
        if (m.getParameterCount() > 1) {
            problems.add("LAMBDAJCA2002: " + where + " takes " + m.getParameterCount() + " parameters, which JSON-B "
                    + "cannot map to one function input: take a single parameter (a record or a class holding them)");
            return null;
        }
        Type returned = m.getGenericReturnType();
        boolean async = false;
        if (raw(returned) == CompletionStage.class) {
            async = true;
            returned = argument(returned, where, problems);
            if (returned == null) {
                return null;
            }
        }
        boolean optional = raw(returned) == Optional.class;
        if (optional) {
            returned = argument(returned, where, problems);
            if (returned == null) {
                return null;
            }
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
        return new FunctionMethod(m, f, async, optional, returned);
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
