package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.LambdaConnection;
import jakarta.resource.ResourceException;

/**
 * Invoke's tenant id and durable execution name as a real connection sends them, seen on the wire by a recording
 * endpoint (the local endpoint has no durable functions, so it never answers a durable execution ARN), and the ARN it
 * answers: the headers of the model's Invoke ({@code X-Amz-Tenant-Id}, {@code X-Amz-Durable-Execution-Name},
 * {@code X-Amz-Durable-Execution-Arn}).
 */
class InvokeHeadersOnTheWireTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST"
            + "/durable-execution/order-42/6f1c";

    private static final List<Headers> received = new CopyOnWriteArrayList<>();
    private static JsonEndpoint endpoint;
    private static LambdaConnection connection;

    @BeforeAll
    static void connect() throws IOException, ResourceException {
        endpoint = JsonEndpoint.start(exchange -> {
            received.add(exchange.getRequestHeaders());
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            if (exchange.getRequestHeaders().containsKey("X-Amz-Durable-Execution-Name")) {
                exchange.getResponseHeaders().add("X-Amz-Durable-Execution-Arn", ARN);
            }
            return "{}";
        });
        connection = endpoint.connect();
    }

    @AfterAll
    static void close() throws ResourceException {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    @Test
    void tenantIdAndDurableExecutionName_areSentAsTheirHeaders_andTheArnComesBack() {
        InvocationResult result = connection.invoke(InvocationRequest.builder("orders").payload("{}")
                .tenantId("Acme Corp/eu=1").durableExecutionName("order-42").build());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("X-Amz-Tenant-Id")).containsExactly("Acme Corp/eu=1");
        assertThat(received.get(0).get("X-Amz-Durable-Execution-Name")).containsExactly("order-42");
        assertThat(result.durableExecutionArn()).contains(ARN);
    }

    @Test
    void withoutThem_neitherHeaderIsSent_andNoArnComesBack() {
        InvocationResult result = connection.invoke(InvocationRequest.builder("orders").payload("{}").build());
        assertThat(received).hasSize(1);
        // Headers looks names up ignoring case
        assertThat(received.get(0).containsKey("X-Amz-Tenant-Id")).isFalse();
        assertThat(received.get(0).containsKey("X-Amz-Durable-Execution-Name")).isFalse();
        assertThat(result.durableExecutionArn()).isEmpty();
    }

    @Test
    void aTenantIdTheModelRefuses_neverLeaves() {
        assertThatThrownBy(() -> connection.invoke(InvocationRequest.builder("orders").payload("{}")
                .tenantId("tenant;1").build())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tenantId 'tenant;1' must match");
        assertThat(received).isEmpty();
    }
}
