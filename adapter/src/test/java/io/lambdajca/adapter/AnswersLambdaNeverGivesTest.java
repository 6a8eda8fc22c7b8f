package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

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

    private static HttpServer endpoint;
    private static DirectConnection direct;
    private static LambdaConnection connection;

    @BeforeAll
    static void connect() throws IOException, ResourceException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            String body;
            if (path.endsWith("/invocations")) {
                exchange.getResponseHeaders().add("X-Amz-Log-Result", "START RequestId: 1 (not base64)");
                body = "{\"ok\":true}";
            } else if (path.contains("/aliases/")) {
                body = "{\"FunctionVersion\":\"1\"}"; // no Name
            } else {
                body = "{\"Configuration\":{\"Runtime\":\"java21\"}}"; // no FunctionName
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        endpoint.start();
        direct = DirectConnection.with(mcf -> {
            mcf.setRegion("us-east-1");
            mcf.setEndpointOverride("http://127.0.0.1:" + endpoint.getAddress().getPort());
            mcf.setAccessKeyId("AKIAANSWERSANSWERS01");
            mcf.setSecretAccessKey("answers-test-secret");
            mcf.setMaxRetries(0);
        });
        connection = direct.connection();
    }

    @AfterAll
    static void close() throws ResourceException {
        if (direct != null) {
            direct.close();
        }
        if (endpoint != null) {
            endpoint.stop(0);
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
