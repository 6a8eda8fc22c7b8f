package io.lambdajca.adapter.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import io.lambdajca.adapter.internal.credentials.CredentialProviders;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one resource adapter instance: one per distinct {@link ClientConfig} (credentials, region,
 * endpoint and HTTP settings), shared by every connection definition and managed connection that uses it, all closed
 * when the adapter stops, together with their credentials providers. A new client is built and warmed up (one short
 * call) by the first caller that needs it, holding no lock: callers needing the same client wait for that one build, at
 * most {@link #BUILD_WAIT}; callers of other clients do not wait for it. The classes that closing them needs and using
 * them does not load are loaded when this is made ({@link ClosingClasses}).
 */
public final class LambdaClients implements AutoCloseable {

    /** Longest wait for a client another caller is building: its build plus its warm-up, with a margin. */
    public static final Duration BUILD_WAIT = WarmUp.TIMEOUT.plusSeconds(5);

    private final SingleFlight<ClientConfig, LambdaClient> clients = new SingleFlight<>(BUILD_WAIT);
    /** The async clients, for response streaming only: built on first streaming use, on one shared event loop. */
    private final SingleFlight<ClientConfig, LambdaAsyncClient> asyncClients = new SingleFlight<>(BUILD_WAIT);
    private final StreamEventLoop eventLoop = new StreamEventLoop();
    private final OpenStreams streams = new OpenStreams();
    private final Factory factory;
    private final CredentialProviders credentials = new CredentialProviders();
    private volatile boolean closed;

    public LambdaClients() {
        this(LambdaClientFactory::build);
    }

    LambdaClients(Factory factory) {
        this.factory = factory;
        ClosingClasses.load();
    }

    /** Builds the SDK client of a configuration. */
    @FunctionalInterface
    interface Factory {
        LambdaClient build(ClientConfig config, AwsCredentialsProvider credentials, ScheduledExecutorService scheduler);
    }

    /**
     * The shared client of this configuration, built and warmed up now if it is the first use.
     *
     * @throws SingleFlight.TimedOut when another caller is building it and has not finished within {@link #BUILD_WAIT}
     */
    public LambdaClient client(ClientConfig config) {
        checkOpen();
        LambdaClient client = clients.get(config, this::build, c -> "the AWS Lambda client for region "
                + c.region().id() + (c.endpointOverride() == null ? "" : " at " + c.endpointOverride()) + " with "
                + c.credentials().describe());
        checkOpenAfterBuild(clients);
        return client;
    }

    private LambdaClient build(ClientConfig c) {
        // the first Apache client built starts the SDK's idle-connection-reaper thread
        LambdaClient created = AdapterThreads.asAdapter(() -> factory.build(c, credentials.provider(c.credentials()),
                credentials.scheduler()));
        AdapterLog.clientCreated(c.region().id(), c.endpointOverride(), c.credentials().describe());
        WarmUp.run(created, c);
        return created;
    }

    /**
     * The shared async client of this configuration, for response streaming, built now if it is the first streaming
     * call of any connection definition with this configuration (with the same credentials provider as its sync
     * client); not warmed up, since its sync client was.
     *
     * @throws IllegalStateException when the adapter has stopped
     */
    public LambdaAsyncClient asyncClient(ClientConfig config) {
        checkOpen();
        LambdaAsyncClient client = asyncClients.get(config, c -> {
            LambdaAsyncClient created = AdapterThreads.asAdapter(() -> LambdaAsyncClientFactory.build(c,
                    credentials.provider(c.credentials()), credentials.scheduler(), eventLoop.group()));
            AdapterLog.asyncClientCreated(c.region().id(), c.endpointOverride(), c.credentials().describe());
            return created;
        }, c -> "the AWS Lambda streaming client for region " + c.region().id());
        checkOpenAfterBuild(asyncClients);
        return client;
    }

    /** The response streams that have not ended, aborted when the adapter stops. */
    public OpenStreams streams() {
        return streams;
    }

    /** Whether any streaming client was built (and so the streaming threads started). */
    public boolean streaming() {
        return eventLoop.started();
    }

    private static void closeQuietly(ClientConfig config, SdkAutoCloseable client) {
        try {
            client.close();
        } catch (RuntimeException ex) {
            AdapterLog.clientCloseFailed(config.region().id(), ex);
        }
    }

    /**
     * The adapter may have stopped during the build: close() has then closed the client, or will once it is built; a
     * client added after close() drained them is closed here.
     */
    private <V extends SdkAutoCloseable> void checkOpenAfterBuild(SingleFlight<ClientConfig, V> built) {
        if (closed) {
            built.drain(LambdaClients::closeQuietly);
            checkOpen();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new AdapterStoppedException();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** How many SDK clients are open. */
    public int size() {
        return clients.size();
    }

    /** The credentials providers behind the clients. */
    public CredentialProviders credentials() {
        return credentials;
    }

    /**
     * Closes every client and credentials provider; idempotent, and a client still being built is closed once built.
     * Open response streams are aborted first, and the streaming threads are waited for (at most
     * {@link StreamEventLoop#SHUTDOWN_WAIT}) after their clients are closed.
     */
    @Override
    public void close() {
        closed = true;
        streams.abortAll();
        int streaming = asyncClients.drain(LambdaClients::closeQuietly);
        eventLoop.close();
        int count = clients.drain(LambdaClients::closeQuietly);
        credentials.close();
        AdapterLog.clientsClosed(count + streaming);
    }
}
