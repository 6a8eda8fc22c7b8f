package io.lambdajca.adapter.internal;

import java.util.concurrent.ScheduledExecutorService;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * Builds the SDK client of a {@link ClientConfig}. The HTTP client (Apache 4, the fastest here) is given explicitly,
 * since the SDK's service lookup of HTTP clients does not work across an application server's class loaders. Lambda
 * asks for no client certificate, so the client presents none (it would otherwise read the server's own
 * {@code javax.net.ssl.keyStore}, which GlassFish sets without a password, and warn for every client built). The SDK
 * runs its timeouts on the adapter's shared scheduler rather than on two threads of its own, and does no retries of its own: the adapter's {@link Retrier} decides, so that an invocation is never re-sent after it
 * may have reached the function.
 */
final class LambdaClientFactory {

    private LambdaClientFactory() {
    }

    static LambdaClient build(ClientConfig config, AwsCredentialsProvider credentials,
            ScheduledExecutorService scheduler) {
        LambdaClientBuilder builder = LambdaClient.builder()
                .region(config.region())
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.readTimeout())
                        .maxConnections(config.maxConnections())
                        .connectionAcquisitionTimeout(config.connectTimeout())
                        .tlsKeyManagersProvider(() -> null)) // no client certificate
                .overrideConfiguration(o -> o
                        .scheduledExecutorService(scheduler)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(config.callTimeout()));
        if (config.endpointOverride() != null) {
            builder.endpointOverride(config.endpointOverride());
        }
        return builder.build();
    }
}
