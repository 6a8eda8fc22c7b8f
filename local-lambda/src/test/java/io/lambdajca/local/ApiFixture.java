package io.lambdajca.local;

import java.time.Duration;
import java.util.function.Consumer;

import io.lambdajca.local.testing.Poll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * A running endpoint and an SDK client without retries, for the contract tests of aliases, tags and tenancy; creates
 * test functions and waits until they can be used.
 */
final class ApiFixture implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::123456789012:role/test";
    static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";

    final LocalLambda lambda;
    final LambdaClient client;

    ApiFixture() {
        lambda = LocalLambda.builder().port(0).build().start();
        client = noRetryClient(lambda);
    }

    /** The SDK's client for the endpoint, with the test keys and no retries: every answer is seen as sent. */
    static LambdaClient noRetryClient(LocalLambda lambda) {
        return LambdaClient.builder()
                .endpointOverride(lambda.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    CreateFunctionResponse create(String name, String handler, Consumer<CreateFunctionRequest.Builder> more) {
        CreateFunctionResponse created = client.createFunction(r -> {
            r.functionName(name).runtime(Runtime.JAVA21).role(ROLE).handler(handler)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())));
            more.accept(r);
        });
        settled(name);
        return created;
    }

    /**
     * Publishes a version that differs from the previous one: changes the description first where the endpoint has
     * UpdateFunctionConfiguration (Lambda publishes nothing new for unchanged code and configuration).
     */
    FunctionConfiguration publishNew(String name, int n) {
        try {
            client.updateFunctionConfiguration(r -> r.functionName(name).description("version " + n));
            settled(name);
        } catch (LambdaException e) {
            if (!"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
        }
        var published = client.publishVersion(r -> r.functionName(name));
        return FunctionConfiguration.builder().version(published.version()).functionArn(published.functionArn())
                .build();
    }

    /** Waits until the function is Active and not being updated, however quickly the endpoint gets there. */
    private void settled(String name) {
        Poll.value(Duration.ofSeconds(10), () -> client.getFunctionConfiguration(r -> r.functionName(name)),
                (GetFunctionConfigurationResponse c) -> (c.state() == null || c.state() == State.ACTIVE)
                        && c.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS, name + " active");
    }

    @Override
    public void close() {
        client.close();
        lambda.close();
    }
}
