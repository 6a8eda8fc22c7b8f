package io.lambdajca.adapter.internal;

import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.KeyManager;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;

/**
 * Builds the SDK async client of a {@link ClientConfig}, which the SDK needs for InvokeWithResponseStream: the same
 * region, endpoint, credentials provider, connect and read timeouts and connection limit as the sync client of that
 * configuration, on the SDK's Netty HTTP client, given explicitly (the SDK's service lookup of HTTP clients does not
 * work across an application server's class loaders) and running on the adapter's {@link StreamEventLoop}. Netty's
 * read timeout is an idle timeout, so it bounds the wait between two chunks of a stream, not the stream.
 * <p>
 * It has no call timeout of its own, since one would end a long stream: the adapter bounds the wait for the stream to
 * open itself ({@link StreamInvoker}). The SDK retries nothing ({@code doNotRetry}): the adapter's {@link Retrier}
 * resends only failures before the stream opened, never a stream that has begun. The SDK's futures complete on the
 * thread that completes them, not on a thread pool of the SDK's, since the adapter's callbacks never block; its
 * timeouts run on the adapter's shared scheduler.
 */
final class LambdaAsyncClientFactory {

    private LambdaAsyncClientFactory() {
    }

    static LambdaAsyncClient build(ClientConfig config, AwsCredentialsProvider credentials,
            ScheduledExecutorService scheduler, SdkEventLoopGroup eventLoop) {
        LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
                .region(config.region())
                .credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroup(eventLoop)
                        .connectionTimeout(config.connectTimeout())
                        .readTimeout(config.readTimeout())
                        .maxConcurrency(config.maxConnections())
                        .connectionAcquisitionTimeout(config.connectTimeout())
                        // no client certificate: none, rather than null, which the Netty client takes as "read
                        // javax.net.ssl.keyStore" (a server's own keystore: GlassFish sets it, and its password is not
                        // ours, so the SDK logged a warning with a stack trace at every client built)
                        .tlsKeyManagersProvider(() -> new KeyManager[0]))
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                        Runnable::run))
                .overrideConfiguration(o -> o
                        .scheduledExecutorService(scheduler)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (config.endpointOverride() != null) {
            builder.endpointOverride(config.endpointOverride());
        }
        return builder.build();
    }
}
