package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaServiceException;

/**
 * An EndpointOverride that answers with a redirect (a load balancer sending http:// to https://, an old host name):
 * the SDK follows none, and the application is told where the redirect leads, so that the endpoint can be set to it,
 * for an invocation and a stream alike; the target's user information, query and fragment, which may hold secrets,
 * are left out.
 */
class RedirectingEndpointTest {

    private static final String TARGET = "https://sso-user:sso-password@lambda.example.com:8443/2015-03-31/functions/"
            + "echo/invocations?access_token=eyJREDIRECTTOKEN&X-Amz-Signature=abc123#id_token=eyJFRAGMENT";

    private HttpServer redirecting;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", TARGET);
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        redirecting.start();
    }

    @AfterEach
    void stop() {
        redirecting.stop(0);
    }

    @Test
    void aRedirect_isALambdaServiceException_namingWhereItLeads_forAnInvocationAndAStream() throws Exception {
        try (DirectConnection direct = DirectConnection.with(mcf -> {
            mcf.setRegion("us-east-1");
            mcf.setEndpointOverride("http://127.0.0.1:" + redirecting.getAddress().getPort());
            mcf.setAccessKeyId("AKIAREDIRECTEDTEST");
            mcf.setSecretAccessKey("redirected-test-secret");
            mcf.setMaxRetries(2);
        })) {
            LambdaConnection connection = direct.connection();
            int before = requests.get(); // the client's first call, at activation
            String where = "no AWS error code; a redirect to https://lambda.example.com:8443/2015-03-31/functions/"
                    + "echo/invocations (its query, fragment or user information left out), which is not followed "
                    + "(set the endpoint to where it leads); the answer began: (an empty body)";
            assertThatThrownBy(() -> connection.invoke(InvocationRequest.builder("echo").payload("{}").build()))
                    .isInstanceOfSatisfying(LambdaServiceException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(301))
                    .hasMessage("Invoke of function 'echo' failed: (HTTP 301): " + where);
            assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("echo").payload("{}").build()))
                    .isInstanceOf(LambdaServiceException.class)
                    .hasMessage("InvokeWithResponseStream of function 'echo' failed: (HTTP 301): " + where);
            assertThat(requests.get() - before).as("requests: a redirect is not resent").isEqualTo(2);
        }
    }
}
