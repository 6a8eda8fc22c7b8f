package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.testfunctions.Handlers;
import jakarta.json.JsonObject;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.TenantIsolationMode;

/**
 * Tenant isolation of functions deployed with the endpoint ({@link FunctionDefinition.Builder#tenantIsolation()} and
 * {@code --function ...,tenancy=PER_TENANT}): they behave as functions created with
 * {@code TenancyConfig {TenantIsolationMode: PER_TENANT}} (see {@link TenancyContractTest}).
 */
class DeployedTenancyTest {

    private static LocalLambda lambda;
    private static LambdaClient client;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("built", Handlers.COUNTING, TestFunctions.zip())
                        .tenantIsolation().build())
                .function(Main.function("name=option,handler=" + Handlers.COUNTING + ",code=" + TestFunctions.zip()
                        + ",tenancy=PER_TENANT"))
                .function(Main.function("name=plain,handler=" + Handlers.COUNTING + ",code=" + TestFunctions.zip()))
                .build().start();
        client = LambdaClient.builder()
                .endpointOverride(lambda.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        lambda.close();
    }

    private static JsonObject invoke(String function, String tenant) {
        var r = client.invoke(b -> b.functionName(function).tenantId(tenant).payload(SdkBytes.fromUtf8String("{}")));
        assertThat(r.functionError()).isNull();
        return Jsons.object(r.payload().asByteArray());
    }

    @Test
    void deployedWithIsolation_reportsItsTenancy_andServesEachTenantInItsOwnInstances() {
        for (String function : new String[] {"built", "option"}) {
            assertThat(client.getFunctionConfiguration(r -> r.functionName(function)).tenancyConfig()
                    .tenantIsolationMode()).as(function).isEqualTo(TenantIsolationMode.PER_TENANT);
            JsonObject blue = invoke(function, "blue");
            JsonObject green = invoke(function, "green");
            JsonObject blueAgain = invoke(function, "blue");
            assertThat(blue.getString("tenantId")).isEqualTo("blue");
            assertThat(green.getString("tenantId")).isEqualTo("green");
            assertThat(green.getString("instance")).isNotEqualTo(blue.getString("instance"));
            assertThat(blueAgain.getString("instance")).isEqualTo(blue.getString("instance"));
            assertThat(blueAgain.getInt("count")).isEqualTo(2);
            assertThatThrownBy(() -> invoke(function, null)).isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("Tenant ID configuration not specified");
        }
    }

    @Test
    void deployedWithoutIsolation_refusesATenantId() {
        assertThat(client.getFunctionConfiguration(r -> r.functionName("plain")).tenancyConfig()).isNull();
        assertThat(invoke("plain", null).getInt("count")).isPositive();
        assertThatThrownBy(() -> invoke("plain", "blue")).isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void functionOption_acceptsOnlyPerTenant() {
        assertThatThrownBy(() -> Main.function("name=f,handler=h,code=" + TestFunctions.zip() + ",tenancy=shared"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--function f: tenancy must be PER_TENANT, not 'shared'");
    }
}
