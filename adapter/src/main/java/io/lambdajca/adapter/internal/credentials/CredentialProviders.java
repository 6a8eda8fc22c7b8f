package io.lambdajca.adapter.internal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.lambdajca.adapter.internal.AdapterLog;
import io.lambdajca.adapter.internal.AdapterStoppedException;
import io.lambdajca.adapter.internal.AdapterThreads;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials providers of one resource adapter instance: one per distinct {@link CredentialSource}, shared by
 * every SDK client that uses it. Refreshing providers (AssumeRole, Roles Anywhere) share one small scheduler, which
 * every SDK client of the adapter also uses for its timeouts (instead of two threads of its own each), and their STS
 * and Roles Anywhere calls share one HTTP client, both created on first need. Everything is closed with the adapter:
 * no thread or connection outlives it. A refresh under way when the adapter stops is left to end (at most
 * {@link #REFRESH_WAIT}) before its client is closed, rather than failed: failing it would log a failure that is not
 * one, and need classes that a server may already have removed with the RAR's files.
 */
public final class CredentialProviders implements AutoCloseable {

    /** Two threads refresh every profile's credentials (a refresh is one short HTTP call) and run SDK timeouts. */
    static final int REFRESH_THREADS = 2;
    /** The longest {@link #close()} waits for a refresh under way (one short HTTP call) to end by itself. */
    static final Duration REFRESH_WAIT = Duration.ofSeconds(5);
    /** The longest {@link #close()} then waits for a refresh that outlived that, after closing its connection. */
    private static final Duration CLOSED_WAIT = Duration.ofSeconds(1);

    private final Map<CredentialSource, AwsCredentialsProvider> providers = new ConcurrentHashMap<>();
    private final List<SdkAutoCloseable> resources = new ArrayList<>();
    private final Clock clock;
    private final Duration refreshWait;
    private ScheduledThreadPoolExecutor scheduler;
    /** The scheduler as the SDK clients get it: its one-shot tasks (their timeouts) on a timing wheel. */
    private TimeoutScheduler timeouts;
    private SdkHttpClient http;
    private volatile boolean closed;

    public CredentialProviders() {
        this(Clock.systemUTC(), REFRESH_WAIT);
    }

    CredentialProviders(Clock clock, Duration refreshWait) {
        this.clock = clock;
        this.refreshWait = refreshWait;
    }

    /**
     * The shared provider of this source, created now on first use. SDK clients get it as a view that they cannot
     * close (a client closes the credentials provider it was built with when it closes): it is closed here, after every
     * client and every refresh that needs it. It is built holding no lock: building an STS client may call the network
     * (in the SDK's {@code auto} defaults mode it asks the instance metadata service for its region), and the other
     * profiles' first calls, and every new SDK client (which takes the shared scheduler), must not wait for that. Of
     * two threads building the same source's at once, the second closes its own and takes the first's.
     */
    public AwsCredentialsProvider provider(CredentialSource source) {
        AwsCredentialsProvider existing = providers.get(source);
        if (existing != null) {
            return existing;
        }
        List<SdkAutoCloseable> made = new ArrayList<>();
        AwsCredentialsProvider built;
        try {
            built = create(source, made);
        } catch (RuntimeException e) {
            closeAll(made);
            throw e;
        }
        synchronized (this) {
            existing = closed ? null : providers.get(source);
            if (!closed && existing == null) {
                resources.addAll(made);
                existing = new Shared(built);
                providers.put(source, existing);
                return existing;
            }
        }
        closeAll(made); // not kept: another thread's was kept first, or the adapter stopped meanwhile
        if (existing == null) {
            throw new AdapterStoppedException();
        }
        return existing;
    }

    /** How many distinct providers exist. */
    public int size() {
        return providers.size();
    }

    /** Threads of the shared refresh scheduler now alive (0 until a refreshing profile is used). */
    public synchronized int refreshThreads() {
        return scheduler == null ? 0 : scheduler.getPoolSize();
    }

    /** A new provider of the source; what must be closed with it is added to {@code made}, callers after callees. */
    private AwsCredentialsProvider create(CredentialSource source, List<SdkAutoCloseable> made) {
        if (source instanceof StaticKeys) {
            StaticKeys k = (StaticKeys) source;
            return StaticCredentialsProvider.create(k.sessionToken() == null
                    ? AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey().reveal())
                    : AwsSessionCredentials.create(k.accessKeyId(), k.secretAccessKey().reveal(),
                            k.sessionToken().reveal()));
        }
        if (source instanceof DefaultChain) {
            DefaultChainProvider chain = new DefaultChainProvider();
            made.add(chain);
            return chain;
        }
        if (source instanceof AssumeRole) {
            AssumeRole a = (AssumeRole) source;
            StsSessions sessions = new StsSessions(a, provider(a.caller()), http(), scheduler());
            made.add(sessions);
            return refreshing(source, sessions, made);
        }
        RolesAnywhere r = (RolesAnywhere) source;
        return refreshing(source, new RolesAnywhereSessions(r, http(), clock), made);
    }

    private AwsCredentialsProvider refreshing(CredentialSource source,
            java.util.function.Supplier<AwsSessionCredentials> fetcher, List<SdkAutoCloseable> made) {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(source.describe(), fetcher, executor(),
                clock);
        made.add(p);
        return p;
    }

    /**
     * The adapter's shared scheduler as the SDK clients get it, for their timeouts: one-shot tasks go on a timing
     * wheel and run on its thread when due (see {@link TimeoutScheduler}); the rest goes to the scheduler that also
     * refreshes credentials.
     */
    public synchronized ScheduledExecutorService scheduler() {
        if (timeouts == null) {
            timeouts = new TimeoutScheduler(executor(),
                    r -> AdapterThreads.daemon(() -> new Thread(r, "lambdajca-timeouts")));
        }
        return timeouts;
    }

    private synchronized ScheduledThreadPoolExecutor executor() {
        if (closed) {
            throw new AdapterStoppedException();
        }
        if (scheduler == null) {
            scheduler = new ScheduledThreadPoolExecutor(REFRESH_THREADS, new RefreshThreads());
            scheduler.setRemoveOnCancelPolicy(true);
            scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduler.setKeepAliveTime(1, TimeUnit.MINUTES);
            scheduler.allowCoreThreadTimeOut(true);
        }
        return scheduler;
    }

    private synchronized SdkHttpClient http() {
        if (closed) {
            throw new AdapterStoppedException();
        }
        if (http == null) {
            // the first Apache client built starts the SDK's idle-connection-reaper thread
            http = AdapterThreads.asAdapter(() -> Apache5HttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30))
                    .maxConnections(10)
                    .tlsKeyManagersProvider(() -> null) // no client certificate
                    .build());
        }
        return http;
    }

    /**
     * Stops refreshing and the timing wheel, lets a refresh under way end (at most {@link #REFRESH_WAIT}, with the
     * credentials it may need from another profile still served), then closes every provider, the clients they call
     * through, the scheduler (interrupting what still runs) and the HTTP client.
     */
    @Override
    public void close() {
        ScheduledThreadPoolExecutor running;
        TimeoutScheduler wheel;
        synchronized (this) {
            closed = true;
            for (SdkAutoCloseable r : resources) {
                if (r instanceof RefreshingCredentialsProvider) {
                    ((RefreshingCredentialsProvider) r).stopRefreshing();
                }
            }
            running = scheduler;
            wheel = timeouts;
            timeouts = null;
        }
        if (wheel != null) {
            wheel.stop(); // the wheel's thread ends, and the timeouts not yet due run now: their calls end
        }
        if (running != null) {
            running.shutdown(); // new tasks are refused, the running ones go on
            awaitEnd(running, refreshWait);
        }
        closeAll();
        if (running != null) {
            awaitEnd(running, CLOSED_WAIT); // a refresh still running ends once its connection is closed
        }
    }

    /** Waits, not holding this object's lock, for the scheduler's threads to end. */
    private static void awaitEnd(ScheduledThreadPoolExecutor running, Duration wait) {
        try {
            running.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void closeAll() {
        closeAll(resources);
        int count = providers.size();
        resources.clear();
        providers.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
        AdapterLog.credentialProvidersClosed(count);
    }

    /** Closes each, providers before the clients they call through: in reverse order of creation. */
    private static void closeAll(List<SdkAutoCloseable> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                made.get(i).close();
            } catch (RuntimeException ignored) {
                // best effort: the rest must still be closed
            }
        }
    }

    /** A shared provider as SDK clients get it: it resolves credentials, and closing it is not theirs to do. */
    private record Shared(AwsCredentialsProvider provider) implements AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            return provider.resolveCredentials();
        }

        @Override
        public String toString() {
            return provider.toString();
        }
    }

    /** The scheduler's threads, daemons named for the adapter, made in its context ({@link AdapterThreads}). */
    private static final class RefreshThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            String name = "lambdajca-scheduler-" + count.incrementAndGet();
            return AdapterThreads.daemon(() -> new SchedulerThread(r, name));
        }
    }

    /** A thread of the adapter's scheduler; it ends when the adapter stops. */
    static final class SchedulerThread extends Thread {
        SchedulerThread(Runnable r, String name) {
            super(r, name);
        }
    }
}
