package io.lambdajca.local.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * Runs invocations in execution environments: one thread per running invocation, bounded by the concurrency limits
 * (reserved per function, or what the reservations leave of the account's), each with its function's timeout. A
 * handler that overruns is interrupted and its environment abandoned; the caller gets Lambda's timeout error at once.
 */
public final class Invoker implements AutoCloseable {

    /**
     * Largest synchronous response Lambda returns: 6 MB and 100 bytes, the maximum AWS quotes when a response is
     * larger (recorded in November 2025).
     */
    static final int MAX_SYNC_RESPONSE = 6 * 1024 * 1024 + 100;

    /** Most events waiting for an environment. */
    static final int MAX_QUEUED_EVENTS = 100_000;
    /** The longest a queued event with no free environment waits before it looks again. */
    private static final long EVENT_RETRY_MAX_MILLIS = 200;

    private static final Logger LOG = Logger.getLogger(Invoker.class.getName());
    /** Frames from here on are the endpoint's, not the function's: Lambda's stack traces stop at the runtime. */
    private static final String RUNTIME_PACKAGE = Invoker.class.getPackageName() + ".";

    /** The executions functions without a reservation share (those reserved are not in it). */
    private final Semaphore account;
    private final int retryAfterSeconds;
    private final ThreadPoolExecutor environments;
    /** Hands queued events to environments; it never runs a handler, so no event waits behind another function's. */
    private final ScheduledThreadPoolExecutor events;
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final Watchdog watchdog = new Watchdog();
    private final AtomicLong overrunning = new AtomicLong();

    public Invoker(AccountConcurrency accountConcurrency, int retryAfterSeconds) {
        this.account = accountConcurrency.unreservedPool();
        this.retryAfterSeconds = retryAfterSeconds;
        this.environments = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads("local-lambda-env-"));
        this.events = new ScheduledThreadPoolExecutor(1, threads("local-lambda-event-"));
        StandardStreams.install();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs a synchronous invocation; {@code done} is called once, from another thread, with the outcome.
     *
     * @throws ApiException 429 when no execution environment is free
     */
    public void invoke(Invocation inv, boolean tail, Consumer<InvocationOutcome> done) {
        LambdaFunction.Permit permit = inv.function.acquire(account, retryAfterSeconds);
        try {
            environments.execute(new Run(inv, permit, tail, done));
        } catch (RejectedExecutionException e) {
            permit.release();
            throw new ApiException(500, "ServiceException", "local-lambda is shutting down");
        }
    }

    /**
     * Runs a synchronous invocation whose response goes to {@code sink} as the handler writes it (flushed when the
     * handler returns); {@code done} is called once, from another thread, with the outcome, whose payload is empty
     * unless the function failed. A {@link ResponseTooLargeException} from the sink fails the invocation with
     * {@code Function.ResponseSizeTooLarge}.
     *
     * @throws ApiException 429 when no execution environment is free
     */
    public void invokeStreaming(Invocation inv, boolean tail, java.io.OutputStream sink,
            Consumer<InvocationOutcome> done) {
        LambdaFunction.Permit permit = inv.function.acquire(account, retryAfterSeconds);
        try {
            environments.execute(new Run(inv, permit, tail, done, sink));
        } catch (RejectedExecutionException e) {
            permit.release();
            throw new ApiException(500, "ServiceException", "local-lambda is shutting down");
        }
    }

    /**
     * Queues an asynchronous (Event) invocation: it runs in an environment once one is free (it waits its turn instead
     * of being throttled), and is discarded when its function's reserved concurrency is 0. At most
     * {@value #MAX_QUEUED_EVENTS} wait; beyond that Lambda's 429 for an exhausted queue.
     */
    public void enqueue(Invocation inv) {
        if (queuedEvents.incrementAndGet() > MAX_QUEUED_EVENTS) {
            queuedEvents.decrementAndGet();
            throw ApiException.throttled("CallerRateLimitExceeded", retryAfterSeconds);
        }
        try {
            events.execute(() -> dispatch(inv, 0));
        } catch (RejectedExecutionException e) {
            queuedEvents.decrementAndGet();
            throw new ApiException(500, "ServiceException", "local-lambda is shutting down");
        }
    }

    /**
     * Starts a queued event in a free environment, or looks again later (5 ms after the first look, doubling up to
     * {@value #EVENT_RETRY_MAX_MILLIS} ms); on the event thread, which never waits or runs a handler.
     */
    private void dispatch(Invocation inv, int looks) {
        if (inv.function.discardsEvents()) {
            queuedEvents.decrementAndGet();
            LOG.info(() -> "Event " + inv.requestId + " to " + inv.invokedArn + " discarded: its reserved concurrency "
                    + "is 0 (ZeroReservedConcurrency)");
            return;
        }
        LambdaFunction.Permit permit = inv.function.tryAcquire(account);
        try {
            if (permit == null) {
                long delay = Math.min(EVENT_RETRY_MAX_MILLIS, 5L << Math.min(looks, 10));
                events.schedule(() -> dispatch(inv, looks + 1), delay, TimeUnit.MILLISECONDS);
                return;
            }
            environments.execute(new Run(inv, permit, false, outcome -> { }));
            queuedEvents.decrementAndGet();
        } catch (RejectedExecutionException e) { // closing: the event is dropped with the endpoint
            if (permit != null) {
                permit.release();
            }
        }
    }

    /** Handlers still running after their timeout, whose threads did not stop when interrupted. */
    public long overrunningHandlers() {
        return overrunning.get();
    }

    @Override
    public void close() {
        events.shutdownNow();
        environments.shutdownNow();
        watchdog.close();
    }

    /** One invocation in its execution environment. */
    private final class Run implements Runnable {
        private final Invocation inv;
        private final LambdaFunction.Permit permit;
        private final boolean tail;
        private final Consumer<InvocationOutcome> done;
        private final java.io.OutputStream sink;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final InvocationLog log = new InvocationLog();
        private long startNanos;
        private volatile boolean interruptSent;

        Run(Invocation inv, LambdaFunction.Permit permit, boolean tail, Consumer<InvocationOutcome> done) {
            this(inv, permit, tail, done, null);
        }

        Run(Invocation inv, LambdaFunction.Permit permit, boolean tail, Consumer<InvocationOutcome> done,
                java.io.OutputStream sink) {
            this.inv = inv;
            this.permit = permit;
            this.tail = tail;
            this.done = done;
            this.sink = sink;
        }

        @Override
        public void run() {
            Thread thread = Thread.currentThread();
            FunctionVersion v = inv.version;
            startNanos = System.nanoTime();
            long timeoutNanos = TimeUnit.SECONDS.toNanos(v.timeoutSeconds());
            if (tail) {
                log.line("START RequestId: " + inv.requestId + " Version: " + v.version());
            }
            Runnable onTimeout = () -> timedOut(thread);
            watchdog.watch(onTimeout, startNanos + timeoutNanos);
            LocalContext context = new LocalContext(inv.requestId, v, inv.invokedArn, inv.clientContext, log,
                    startNanos + timeoutNanos, inv.tenantId);
            ClassLoader previous = thread.getContextClassLoader();
            InvocationOutcome outcome;
            StandardStreams.capture(log);
            thread.setContextClassLoader(v.runtime().loader());
            try {
                if (sink != null) {
                    try {
                        v.runtime().invoke(inv.payload, context, sink);
                    } catch (Throwable t) {
                        flushQuietly(sink); // what the handler wrote before it failed still goes out
                        throw t;
                    }
                    sink.flush();
                }
                byte[] response = sink != null ? new byte[0] : v.runtime().invoke(inv.payload, context);
                outcome = response.length > MAX_SYNC_RESPONSE
                        ? failure("Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed "
                                + "payload size (" + MAX_SYNC_RESPONSE + " bytes).", null)
                        : new InvocationOutcome(response, null, null, v.version(), false);
            } catch (ResponseTooLargeException e) {
                outcome = failure("Function.ResponseSizeTooLarge", e.getMessage(), null);
            } catch (Throwable t) {
                outcome = failure(t.getClass().getName(), t.getMessage(), t);
            } finally {
                StandardStreams.release();
                thread.setContextClassLoader(previous);
                watchdog.cancel(onTimeout);
            }
            if (!finish(outcome)) {
                // the watchdog answered first and interrupts this thread: wait for that interrupt and clear it, so
                // that it cannot reach the next invocation this thread runs
                while (!interruptSent) {
                    Thread.onSpinWait();
                }
                overrunning.decrementAndGet();
                Thread.interrupted();
                LOG.info(() -> "Function " + v.name() + " request " + inv.requestId
                        + ": handler thread stopped after its timeout");
            }
        }

        private void timedOut(Thread thread) {
            FunctionVersion v = inv.version;
            String message = String.format(Locale.ROOT, "RequestId: %s Error: Task timed out after %d.00 seconds",
                    inv.requestId, v.timeoutSeconds());
            log.line(message);
            // counted before the timeout answer goes out, so that whoever reads the answer sees the count
            overrunning.incrementAndGet();
            if (!finish(new InvocationOutcome(errorPayload("Sandbox.Timedout", message, null), "Unhandled", null,
                    v.version(), true))) {
                overrunning.decrementAndGet(); // the handler finished first: it is not overrunning
            } else {
                try {
                    thread.interrupt();
                } finally {
                    interruptSent = true;
                }
                LOG.warning(() -> "Function " + v.name() + " request " + inv.requestId + " timed out after "
                        + v.timeoutSeconds() + " s; interrupted its handler thread " + thread.getName());
            }
        }

        private InvocationOutcome failure(String type, String message, Throwable t) {
            if (t != null) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                log.log(trace.toString());
            }
            return new InvocationOutcome(errorPayload(type, message, t), "Unhandled", null, inv.version.version(),
                    false);
        }

        /** Completes the invocation once: releases the environment, counts it and answers the caller. */
        private boolean finish(InvocationOutcome outcome) {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            permit.release();
            inv.function.counted(outcome);
            if (tail) {
                double millis = (System.nanoTime() - startNanos) / 1e6;
                log.line("END RequestId: " + inv.requestId);
                log.line(String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d "
                        + "ms\tMemory Size: %d MB\tMax Memory Used: %d MB\t", inv.requestId, millis,
                        (long) Math.ceil(millis), inv.version.memorySizeMb(), inv.version.memorySizeMb() / 4));
            }
            try {
                done.accept(tail ? new InvocationOutcome(outcome.payload(), outcome.functionError(), log.tail(),
                        outcome.executedVersion(), outcome.timedOut()) : outcome);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not deliver the outcome of request " + inv.requestId, e);
            }
            return true;
        }
    }

    private static void flushQuietly(java.io.OutputStream sink) {
        try {
            sink.flush();
        } catch (java.io.IOException e) {
            LOG.log(Level.FINE, "could not send the rest of a failed invocation's stream", e);
        }
    }

    /** Lambda's error payload: {@code {"errorMessage", "errorType", "stackTrace"}}, with the cause nested. */
    static byte[] errorPayload(String type, String message, Throwable t) {
        return Jsons.bytes(errorJson(type, message, t));
    }

    private static JsonObject errorJson(String type, String message, Throwable t) {
        var builder = Jsons.PROVIDER.createObjectBuilder();
        if (message != null) {
            builder.add("errorMessage", message);
        }
        builder.add("errorType", type);
        if (t != null) {
            JsonArrayBuilder frames = Jsons.PROVIDER.createArrayBuilder();
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith(RUNTIME_PACKAGE)) {
                    break;
                }
                frames.add(e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName() + ":"
                        + e.getLineNumber() + ")");
            }
            builder.add("stackTrace", frames);
            Throwable cause = t.getCause();
            if (cause != null && cause != t) {
                builder.add("cause", errorJson(cause.getClass().getName(), cause.getMessage(), cause));
            }
        }
        return builder.build();
    }
}
