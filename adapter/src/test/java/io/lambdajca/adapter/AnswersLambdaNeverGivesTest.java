package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaServiceException;
import jakarta.resource.ResourceException;

/**
 * Answers Lambda never gives but an endpoint set by EndpointOverride (an emulator, a proxy) might, through a real
 * connection: what reaches the application is the invocation's result or a LambdaException, never the api's own
 * NullPointerException or the JDK's IllegalArgumentException.
 */
class AnswersLambdaNeverGivesTest {

    private static JsonEndpoint endpoint;
    private static LambdaConnection connection;

    @BeforeAll
    static void connect() throws IOException, ResourceException {
        endpoint = JsonEndpoint.start(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/invocations")) {
                exchange.getResponseHeaders().add("X-Amz-Log-Result", "START RequestId: 1 (not base64)");
                return "{\"ok\":true}";
            }
            return path.contains("/aliases/") ? "{\"FunctionVersion\":\"1\"}" // no Name
                    : "{\"Configuration\":{\"Runtime\":\"java21\"}}"; // no FunctionName
        });
        connection = endpoint.connect();
    }

    @AfterAll
    static void close() throws ResourceException {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void aLogTailThatIsNotBase64_keepsTheInvocationsResult() {
        InvocationResult result = connection.invoke(InvocationRequest.builder("orders").payload("{}").tailLog(true)
                .build());
        assertThat(result.payloadAsString()).isEqualTo("{\"ok\":true}");
        assertThat(result.logTail()).contains("START RequestId: 1 (not base64)");
    }

    @Test
    void aFunctionWithoutItsName_isALambdaServiceException() {
        assertThatThrownBy(() -> connection.getFunction("orders")).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("without its FunctionName");
    }

    @Test
    void anAliasWithoutItsName_isALambdaServiceException() {
        assertThatThrownBy(() -> connection.functions().getAlias("orders", "live"))
                .isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("an answer about an alias of function 'orders' has no alias Name");
    }
}
