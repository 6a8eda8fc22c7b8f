package io.lambdajca.adapter.internal;

import java.util.concurrent.ScheduledExecutorService;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * Builds the SDK client of a {@link ClientConfig}, with the HTTP client of {@link SyncHttpClients}. The SDK
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
                .httpClientBuilder(SyncHttpClients.builder(config))
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
