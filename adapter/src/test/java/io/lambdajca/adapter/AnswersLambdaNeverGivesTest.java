package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationStream;
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
            if (path.endsWith("/response-streaming-invocations")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                return "<html><body>Sign in to use this network</body></html>";
            }
            if (path.endsWith("/invocations")) {
                exchange.getResponseHeaders().add("X-Amz-Log-Result", "START RequestId: 1 (not base64)");
                return "{\"ok\":true}";
            }
            if (path.startsWith("/2017-03-31/tags/")) {
                return "{\"Tags\":{\"team\":null}}";
            }
            if (path.endsWith("/versions")) {
                return "{\"Versions\":[null]}";
            }
            if (path.contains("/aliases/weighted")) {
                return "{\"Name\":\"weighted\",\"FunctionVersion\":\"1\",\"RoutingConfig\":"
                        + "{\"AdditionalVersionWeights\":{\"2\":null}}}";
            }
            if (path.contains("/aliases/")) {
                return "{\"FunctionVersion\":\"1\"}"; // no Name
            }
            if (path.endsWith("/wrong-type")) {
                return "{\"Configuration\":{\"FunctionName\":\"wrong-type\",\"MemorySize\":\"lots\"}}";
            }
            if (path.endsWith("/bare")) {
                return "{}"; // no Configuration
            }
            if (path.endsWith("/arch")) {
                return "{\"Configuration\":{\"FunctionName\":\"arch\",\"Architectures\":[null]}}";
            }
            return "{\"Configuration\":{\"Runtime\":\"java21\"}}"; // no FunctionName
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
    void aStreamAnsweredWithAPageThatIsNotAnEventStream_failsItsReader_withALambdaServiceException() {
        // Lambda answers the function's own content type, so the page is taken as a stream until its bytes are read
        try (InvocationStream stream = connection.invokeStream(InvocationRequest.builder("orders").payload("{}")
                .build())) {
            assertThatThrownBy(() -> stream.inputStream().readAllBytes()).isInstanceOf(LambdaServiceException.class)
                    .hasMessageContaining("InvokeWithResponseStream of function 'orders' failed: the answer is not an "
                            + "event stream that can be read (Prelude checksum failure");
        }
    }

    @Test
    void anAnswerOfAnotherShape_isALambdaServiceException_notALostConnection() {
        assertThatThrownBy(() -> connection.getFunction("wrong-type"))
                .isInstanceOfSatisfying(LambdaServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(200))
                .hasMessageContaining("GetFunction of function 'wrong-type' failed: (HTTP 200): the answer is JSON "
                        + "that does not have the shape of Lambda's answer")
                .hasMessageContaining("lots");
    }

    @Test
    void aFunctionWithoutItsName_isALambdaServiceException() {
        assertThatThrownBy(() -> connection.getFunction("orders")).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("without its FunctionName");
    }

    @Test
    void nullsWhereLambdaAlwaysSendsAValue_areLambdaServiceExceptions() {
        assertThatThrownBy(() -> connection.getFunction("bare")).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("describes no function");
        assertThatThrownBy(() -> connection.getFunction("arch")).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("function 'arch' holds what Lambda never sends");
        assertThatThrownBy(() -> connection.functions().listVersions("orders"))
                .isInstanceOf(LambdaServiceException.class).hasMessageContaining("describes no function");
        assertThatThrownBy(() -> connection.functions().getAlias("orders", "weighted"))
                .isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("alias 'weighted' of function 'orders' holds what Lambda never sends");
        assertThatThrownBy(() -> connection.functions().listTags(
                "arn:aws:lambda:us-east-1:123456789012:function:orders")).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("the tags of");
    }

    @Test
    void anAliasWithoutItsName_isALambdaServiceException() {
        assertThatThrownBy(() -> connection.functions().getAlias("orders", "live"))
                .isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("an answer about an alias of function 'orders' has no alias Name");
    }
}
