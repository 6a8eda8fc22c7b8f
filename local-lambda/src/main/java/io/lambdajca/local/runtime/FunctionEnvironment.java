package io.lambdajca.local.runtime;

import java.util.Map;

/**
 * What {@code System.getenv} returns inside a function. Function classes are rewritten at load time so that their
 * calls to {@code System.getenv} land here; the answer is the environment of the function whose class loader defined
 * the caller, as Lambda gives each function its own process environment.
 */
public final class FunctionEnvironment {

    static final String INTERNAL_NAME = "io/lambdajca/local/runtime/FunctionEnvironment";

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private FunctionEnvironment() {
    }

    /** Replaces {@code System.getenv(String)} in function code. */
    public static String getenv(String name) {
        Map<String, String> env = environmentOf(WALKER.getCallerClass());
        return env == null ? System.getenv(name) : env.get(name);
    }

    /** Replaces {@code System.getenv()} in function code. */
    public static Map<String, String> getenv() {
        Map<String, String> env = environmentOf(WALKER.getCallerClass());
        return env == null ? System.getenv() : env;
    }

    private static Map<String, String> environmentOf(Class<?> caller) {
        ClassLoader loader = caller.getClassLoader();
        return loader instanceof FunctionClassLoader ? ((FunctionClassLoader) loader).environment() : null;
    }
}
