package io.lambdajca.adapter.internal;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.function.Supplier;

/**
 * Where the adapter makes its threads, and builds what makes threads of its own (the SDK clients: the Apache client's
 * {@code idle-connection-reaper} starts with the first one built). That often happens on an application's thread: a
 * first call, a lookup, a credentials refresh it triggers. A thread made there would keep that application's class
 * loader for as long as it runs, after the application is undeployed: through its context class loader, and through
 * the access control context the JDK 17 {@code Thread} constructor takes from the frames on the stack (the
 * application's classes among them). Here the context class loader is the adapter's, and the frames below this class
 * are left out of that context.
 */
public final class AdapterThreads {

    private static final ClassLoader ADAPTER = AdapterThreads.class.getClassLoader();

    private AdapterThreads() {
    }

    /** The thread {@code make} makes, as a daemon with the adapter's class loader, in the adapter's context. */
    public static <T extends Thread> T daemon(Supplier<T> make) {
        return asAdapter(() -> {
            T t = make.get();
            t.setDaemon(true);
            t.setContextClassLoader(ADAPTER);
            return t;
        });
    }

    /**
     * What {@code build} returns, built with the adapter's class loader as the context class loader and without the
     * caller's frames in the access control context, so that threads it starts keep no application's loader.
     */
    @SuppressWarnings("removal") // AccessController: the JDK 17 Thread constructor still inherits its context
    public static <T> T asAdapter(Supplier<T> build) {
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(ADAPTER);
        try {
            return AccessController.doPrivileged((PrivilegedAction<T>) build::get);
        } finally {
            current.setContextClassLoader(before);
        }
    }
}
