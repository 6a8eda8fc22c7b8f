package io.lambdajca.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lambdajca.testfunctions.Handlers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;

/**
 * {@link LocalLambda#publishVersion} and {@link LocalLambda#updateEnvironment}: a function left as a release pipeline
 * leaves it, seen through the API as a client sees it.
 */
class ReleaseHelpersTest {

    @Test
    void publishThenUpdate_leavesAVersionThatDiffersFromLatest() {
        try (LocalLambda lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("greeter", Handlers.GREETING, TestFunctions.zip())
                        .environment("GREETING", "Blue").build())
                .build().start()) {
            assertEquals("1", lambda.publishVersion("greeter", "blue"));
            assertEquals("1", lambda.publishVersion("greeter", "again"), "nothing changed: the same version");

            lambda.updateEnvironment("greeter", Map.of("GREETING", "Green"));

            LambdaClient client = LambdaClient.builder().endpointOverride(lambda.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                    .httpClientBuilder(Apache5HttpClient.builder()).build();
            try (client) {
                assertEquals(LastUpdateStatus.SUCCESSFUL, client.getFunctionConfiguration(r -> r
                        .functionName("greeter")).lastUpdateStatus(), "returned once the update was done");
                assertEquals("\"Blue, team!\"", invoke(client, "1"));
                assertEquals("\"Green, team!\"", invoke(client, "$LATEST"));
                assertEquals("blue", client.getFunctionConfiguration(r -> r.functionName("greeter").qualifier("1"))
                        .description());
            }
            assertEquals("2", lambda.publishVersion("greeter", "green"), "$LATEST changed: a new version");
        }
    }

    private static String invoke(LambdaClient client, String qualifier) {
        return client.invoke(r -> r.functionName("greeter").qualifier(qualifier)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"team\"}"))).payload().asUtf8String();
    }
}
