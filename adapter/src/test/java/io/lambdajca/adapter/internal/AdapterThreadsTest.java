package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thread the adapter makes on an application's thread keeps no reference to the application's class loader: the
 * "application" here is a class defined by a loader of its own, whose code asks for the thread with that loader as
 * the context class loader, as a request thread of the application would; the thread outlives the loader.
 */
public class AdapterThreadsTest {

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseThreads() {
        release.countDown();
    }

    /** The application's code: asks for a thread in one of the two ways and starts it. */
    public static final class Application implements Function<Runnable[], Thread> {
        @Override
        public Thread apply(Runnable[] task) {
            Thread current = Thread.currentThread();
            ClassLoader before = current.getContextClassLoader();
            current.setContextClassLoader(getClass().getClassLoader());
            try {
                return task.length == 1 ? adapterThread(task[0]) : libraryThread(task[0]);
            } finally {
                current.setContextClassLoader(before);
            }
        }
    }

    /** As the adapter makes its own threads (the code asking is the adapter's, the caller the application). */
    public static Thread adapterThread(Runnable task) {
        Thread t = AdapterThreads.daemon(() -> new Thread(task, "adapter-made"));
        t.start();
        return t;
    }

    /** As a library starts a thread of its own while the adapter builds one of its objects (the SDK's reaper). */
    public static Thread libraryThread(Runnable task) {
        return AdapterThreads.asAdapter(() -> {
            Thread t = new Thread(task, "library-made");
            t.setDaemon(true);
            t.start();
            return t;
        });
    }

    @Test
    void theAdaptersThreads_keepNoApplicationLoader() throws Exception {
        assertLoaderCollectedWhileThreadRuns(new Runnable[] {this::await});
    }

    @Test
    void threadsStartedWhileTheAdapterBuilds_keepNoApplicationLoader() throws Exception {
        assertLoaderCollectedWhileThreadRuns(new Runnable[] {this::await, null});
    }

    private void assertLoaderCollectedWhileThreadRuns(Runnable[] task) throws Exception {
        Started started = startFromApplication(task);
        assertThat(started.thread.isAlive()).isTrue();
        assertThat(started.thread.getContextClassLoader()).isNotInstanceOf(ApplicationLoader.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (started.loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20); // lets the collector clear the reference; the loop is bounded by the deadline
        }
        assertThat(started.loader.get()).as("the application's loader, while the thread still runs").isNull();
        assertThat(started.thread.isAlive()).isTrue();
    }

    /** The thread, and the loader of the application that asked for it (nothing else holds the loader). */
    private record Started(Thread thread, WeakReference<ClassLoader> loader) {
    }

    @SuppressWarnings("unchecked")
    private static Started startFromApplication(Runnable[] task) throws Exception {
        ApplicationLoader app = new ApplicationLoader();
        Function<Runnable[], Thread> code = (Function<Runnable[], Thread>) app.loadClass(Application.class.getName())
                .getDeclaredConstructor().newInstance();
        assertThat(code.getClass().getClassLoader()).isSameAs(app);
        return new Started(code.apply(task), new WeakReference<>(app));
    }

    private void await() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Defines {@link Application} itself (child first) and leaves every other class to the test's loader. */
    static final class ApplicationLoader extends ClassLoader {
        ApplicationLoader() {
            super(AdapterThreadsTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Application.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }
}
