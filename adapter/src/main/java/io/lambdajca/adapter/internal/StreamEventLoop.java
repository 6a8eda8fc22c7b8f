package io.lambdajca.adapter.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The threads of the adapter's streaming clients: one Netty event loop group shared by every async client of one
 * adapter instance, started by the first streaming invocation (an application that never streams starts none) and
 * shut down when the adapter stops. Its threads are named {@code lambdajca-stream-N} and are daemons. Shutting down
 * waits, at most {@link #SHUTDOWN_WAIT}, for the threads to end, so that an undeploy leaves none behind: also for the
 * thread of Netty's {@link GlobalEventExecutor} (the RAR's own copy of Netty), which runs the group's termination and
 * ends a second after its last task.
 */
final class StreamEventLoop implements AutoCloseable {

    /** Two threads: streaming is I/O, and a few threads carry many streams. */
    static final int THREADS = 2;
    /** Netty's quiet period: no task may be submitted meanwhile; the clients are closed before, so a short one. */
    static final Duration QUIET_PERIOD = Duration.ofMillis(50);
    /** The longest wait for the threads to end. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private NioEventLoopGroup group;
    private SdkEventLoopGroup sdkGroup;
    private boolean closed;

    /** The group, started now if this is the first use; fails once closed. */
    synchronized SdkEventLoopGroup group() {
        if (closed) {
            throw new AdapterStoppedException();
        }
        if (sdkGroup == null) {
            group = new NioEventLoopGroup(THREADS, new StreamThreads());
            sdkGroup = SdkEventLoopGroup.create(group);
        }
        return sdkGroup;
    }

    /**
     * Netty starts an event loop's thread on its first task, on the thread of whoever submitted it: an application's
     * request thread. These threads are made in the adapter's own context instead ({@link AdapterThreads}).
     */
    private static final class StreamThreads extends DefaultThreadFactory {
        StreamThreads() {
            super("lambdajca-stream", true);
        }

        @Override
        protected Thread newThread(Runnable r, String name) {
            return AdapterThreads.daemon(() -> super.newThread(r, name));
        }
    }

    synchronized boolean started() {
        return group != null;
    }

    /** Shuts the threads down and waits, at most {@link #SHUTDOWN_WAIT}, for them to end; idempotent. */
    @Override
    public void close() {
        NioEventLoopGroup stopping;
        synchronized (this) {
            closed = true;
            stopping = group;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownGracefully(QUIET_PERIOD.toMillis(), SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            // the group's termination completes on the global executor's thread (its children's termination
            // listeners run there), so that thread has started by then, and is waited for next
            if (!stopping.terminationFuture().await(SHUTDOWN_WAIT.toMillis() + QUIET_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS) || !globalExecutorEnded()) {
                AdapterLog.streamThreadsNotStopped(SHUTDOWN_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits, at most {@link #SHUTDOWN_WAIT}, for the thread of Netty's global executor to end. */
    private static boolean globalExecutorEnded() throws InterruptedException {
        try {
            return GlobalEventExecutor.INSTANCE.awaitInactivity(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalStateException notStarted) {
            return true; // Netty's answer when no thread of it has started: none to wait for
        }
    }
}
