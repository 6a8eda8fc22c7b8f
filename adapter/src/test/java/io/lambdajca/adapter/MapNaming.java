package io.lambdajca.adapter;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * JNDI for a test without a server: {@code new InitialContext()} looks names up in {@link #BOUND} while the system
 * property {@value Context#INITIAL_CONTEXT_FACTORY} names this class, and the class is found by the calling thread's
 * context class loader. Its context answers {@code lookup(String)} and {@code close()} only; a
 * {@link RuntimeException} bound at a name is thrown by its lookup.
 */
public final class MapNaming implements InitialContextFactory {

    /** What is bound, by JNDI name. */
    public static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(MapNaming.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object bound = BOUND.get(String.valueOf(args[0]));
                        if (bound == null) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        if (bound instanceof RuntimeException failure) {
                            throw failure; // as some servers' naming fails for a name it cannot resolve
                        }
                        yield bound;
                    }
                    case "close" -> null;
                    default -> throw new OperationNotSupportedException(method.getName());
                });
    }
}
