package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.testfunctions.Handlers;
import jakarta.json.JsonObject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.TenantIsolationMode;

/**
 * Tenant isolation ({@code TenancyConfig PER_TENANT}, Invoke's {@code X-Amz-Tenant-Id}) and Invoke's
 * {@code X-Amz-Durable-Execution-Name}, through the SDK against a running endpoint. No answer of AWS to these is
 * recorded in the snapshots: the shapes come from the service model, the error for a missing or unexpected tenant id
 * from AWS's troubleshooting guide, and the one for a durable execution name is local-lambda's own text (documented in
 * its README).
 */
class TenancyContractTest {

    private static ApiFixture api;
    private static LambdaClient client;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        client = api.client;
        api.create("isolated", Handlers.COUNTING, r -> r.tenancyConfig(t -> t.tenantIsolationMode(
                TenantIsolationMode.PER_TENANT)));
        api.create("shared", Handlers.COUNTING, r -> { });
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject invoke(String function, String tenant) {
        var r = client.invoke(b -> b.functionName(function).tenantId(tenant).payload(SdkBytes.fromUtf8String("{}")));
        assertThat(r.functionError()).isNull();
        return Jsons.object(r.payload().asByteArray());
    }

    private static LambdaException error(Runnable call) {
        try {
            call.run();
        } catch (LambdaException e) {
            return e;
        }
        throw new AssertionError("expected an error answer");
    }

    @Test
    void tenancyConfig_isPartOfTheFunctionConfiguration() {
        // model shapes CreateFunctionRequest.TenancyConfig and FunctionConfiguration.TenancyConfig
        assertThat(client.getFunctionConfiguration(r -> r.functionName("isolated")).tenancyConfig()
                .tenantIsolationMode()).isEqualTo(TenantIsolationMode.PER_TENANT);
        assertThat(client.getFunction(r -> r.functionName("isolated")).configuration().tenancyConfig()
                .tenantIsolationMode()).isEqualTo(TenantIsolationMode.PER_TENANT);
        assertThat(client.getFunctionConfiguration(r -> r.functionName("shared")).tenancyConfig()).isNull();
        // model shape TenantIsolationMode: enum [PER_TENANT]
        LambdaException bad = error(() -> api.create("bad-tenancy", Handlers.ECHO, r -> r.tenancyConfig(t -> t
                .tenantIsolationMode("SHARED"))));
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(bad.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'SHARED' at "
                + "'tenancyConfig.tenantIsolationMode' failed to satisfy constraint: Member must satisfy enum value "
                + "set: [PER_TENANT]");
    }

    @Test
    void eachTenant_hasItsOwnExecutionEnvironments_andSeesItsIdInTheContext() {
        Set<String> blueInstances = new HashSet<>();
        Set<String> greenInstances = new HashSet<>();
        for (int round = 1; round <= 3; round++) {
            JsonObject blue = invoke("isolated", "blue");
            JsonObject green = invoke("isolated", "tenant-2:green/x=y+z@example.com");
            assertThat(blue.getString("tenantId")).isEqualTo("blue");
            assertThat(green.getString("tenantId")).isEqualTo("tenant-2:green/x=y+z@example.com");
            // invoked one after the other, each tenant reuses its own warm environment: its count goes on
            assertThat(blue.getInt("count")).isEqualTo(round);
            assertThat(green.getInt("count")).isEqualTo(round);
            blueInstances.add(blue.getString("instance"));
            greenInstances.add(green.getString("instance"));
        }
        assertThat(blueInstances).hasSize(1).doesNotContainAnyElementsOf(greenInstances);
        // a new tenant never gets an environment another tenant used, though both are idle
        JsonObject red = invoke("isolated", "red");
        assertThat(red.getInt("count")).isEqualTo(1);
        assertThat(red.getString("instance")).isNotIn(blueInstances.iterator().next(),
                greenInstances.iterator().next());
        // without isolation, successive invocations share the warm environment and see no tenant
        JsonObject first = invoke("shared", null);
        JsonObject second = invoke("shared", null);
        assertThat(second.getString("instance")).isEqualTo(first.getString("instance"));
        assertThat(second.containsKey("tenantId") && !second.isNull("tenantId")).isFalse();
    }

    @Test
    void tenantId_isRequiredWithIsolation_refusedWithout_andChecked() {
        // AWS's text for both cases, from the Lambda developer guide's "Troubleshooting tenant isolation" page
        // (docs.aws.amazon.com/lambda/latest/dg/tenant-isolation-troubleshooting.html); no snapshot records it
        String mismatch = "Tenant ID configuration not specified or passed to a function when tenant isolation is "
                + "not enabled.";
        assertThatThrownBy(() -> invoke("isolated", null))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(mismatch);
                });
        assertThatThrownBy(() -> invoke("shared", "blue"))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(mismatch);
                });
        // model shape TenantId: 1-256 characters of [a-zA-Z0-9\._:\/=+\-@ ]+
        LambdaException pattern = error(() -> invoke("isolated", "blue#1"));
        assertThat(pattern.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(pattern.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'blue#1' "
                + "at 'tenantId' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[a-zA-Z0-9\\._:\\/=+\\-@ ]+");
        assertThat(error(() -> invoke("isolated", "t".repeat(257))).awsErrorDetails().errorMessage())
                .contains("'tenantId'", "length less than or equal to 256");
        assertThat(invoke("isolated", "t".repeat(256)).getInt("count")).isEqualTo(1);
    }

    @Test
    void durableExecutionName_isCheckedAgainstTheModel_andRefusedForAFunctionThatIsNotDurable() {
        // model shape DurableExecutionName: 1-64 characters of [a-zA-Z0-9-_]+
        LambdaException pattern = error(() -> client.invoke(b -> b.functionName("shared")
                .durableExecutionName("not valid!").payload(SdkBytes.fromUtf8String("{}"))));
        assertThat(pattern.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(pattern.awsErrorDetails().errorMessage()).contains("'durableExecutionName'", "[a-zA-Z0-9-_]+");
        assertThat(error(() -> client.invoke(b -> b.functionName("shared").durableExecutionName("d".repeat(65))
                .payload(SdkBytes.fromUtf8String("{}")))).awsErrorDetails().errorMessage())
                .contains("length less than or equal to 64");
        // no recorded answer: local-lambda's choice is to refuse it, as no function here is durable
        assertThatThrownBy(() -> client.invoke(b -> b.functionName("shared").durableExecutionName("order-1")
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).contains("not a durable function"));
    }
}
