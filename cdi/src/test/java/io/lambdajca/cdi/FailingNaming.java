package io.lambdajca.cdi;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * JNDI for a test in which every lookup fails (with the exception set for a name, else as a name not bound) but for
 * the names bound with {@link #bind}. Used
 * through {@link #install()}, which makes it the initial context factory until {@link #uninstall()} puts back the one
 * there was before.
 */
public final class FailingNaming implements InitialContextFactory {

    private static final Map<String, NamingException> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();
    private static final Map<String, Supplier<Object>> COMPUTED = new ConcurrentHashMap<>();

    /** Whether {@link #install()} was called since the last {@link #uninstall()}. */
    private static boolean installed;
    /** The initial context factory before {@link #install()}, null for none. */
    private static String before;

    static void install() {
        if (!installed) {
            before = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
            installed = true;
        }
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FailingNaming.class.getName());
    }

    static void uninstall() {
        if (installed) {
            if (before == null) {
                System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(Context.INITIAL_CONTEXT_FACTORY, before);
            }
            installed = false;
        }
        FAILURES.clear();
        BOUND.clear();
        COMPUTED.clear();
    }

    /** A lookup of the name fails with a naming exception whose cause is {@code cause}. */
    static void failWith(String name, Exception cause) {
        NamingException e = new NamingException("Could not create the resource at " + name);
        e.setRootCause(cause);
        FAILURES.put(name, e);
    }

    /** A lookup of the name finds {@code object}. */
    static void bind(String name, Object object) {
        BOUND.put(name, object);
    }

    /** Each lookup of the name finds what {@code value} gives then (a name whose object depends on the caller). */
    static void bindComputed(String name, Supplier<Object> value) {
        COMPUTED.put(name, value);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("lookup") && args[0] instanceof String name) {
                        if (COMPUTED.containsKey(name)) {
                            return COMPUTED.get(name).get();
                        }
                        if (BOUND.containsKey(name)) {
                            return BOUND.get(name);
                        }
                        NamingException failure = FAILURES.get(name);
                        throw failure != null ? failure : new NameNotFoundException(name);
                    }
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
