package io.lambdajca.adapter;

import static io.lambdajca.adapter.TestArns.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import javax.naming.Context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.testing.SystemProperties;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaServiceException;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.testfunctions.Handlers;

/**
 * A proxy that wants credentials, as a corporate one does: the JVM's {@code http.proxyUser} and
 * {@code http.proxyPassword} give them to each of the adapter's clients (STS's, Lambda's synchronous and streaming
 * clients), which the README says; without them, the application is told that the proxy asks for credentials rather
 * than that a connection was lost, and nothing reaches Lambda.
 */
class ProxyAuthenticationTest {

    private static final String HOST = "lambda.behind-a-proxy.invalid";
    private static final String PROFILE = "java:/lambda/profiles/BehindProxy";
    private static final String USER = "build-agent";
    private static final String PASSWORD = "proxy-test-password";

    private SystemProperties proxyProperties;
    private LocalLambda lambda;
    private ForwardProxy proxy;

    @BeforeEach
    void start() throws Exception {
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build())
                .function(FunctionDefinition.builder("lines", Handlers.STREAM_LINES, zip).build())
                .role(RoleDefinition.of(ROLE)).build().start();
        proxy = ForwardProxy.requiring(USER, PASSWORD, Map.of(HOST, "127.0.0.1"));
        proxyProperties = new SystemProperties().set("http.proxyHost", "127.0.0.1")
                .set("http.proxyPort", String.valueOf(proxy.port())).set("http.nonProxyHosts", null)
                .set("http.proxyUser", null).set("http.proxyPassword", null);
    }

    @AfterEach
    void stop() throws Exception {
        proxyProperties.close();
        proxy.close();
        lambda.close();
    }

    @Test
    void withoutTheProxysCredentials_anInvocationAndAStream_sayThatTheProxyAsksForThem() throws Exception {
        try (DirectConnection direct = DirectConnection.with(mcf -> {
            mcf.setRegion(lambda.region());
            mcf.setEndpointOverride(endpoint());
            mcf.setAccessKeyId(LocalLambda.DEFAULT_ACCESS_KEY);
            mcf.setSecretAccessKey(LocalLambda.DEFAULT_SECRET_KEY);
            mcf.setMaxRetries(1);
            mcf.setRetryBaseDelayMillis(1L);
        })) {
            LambdaConnection connection = direct.connection();
            assertThatThrownBy(() -> connection.invoke(InvocationRequest.builder("echo").payload("{}").build()))
                    .isInstanceOfSatisfying(LambdaServiceException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(407))
                    .hasMessage("Invoke of function 'echo' failed: (HTTP 407): no AWS error code; an HTTP proxy on "
                            + "the way asks for credentials (Basic realm=\"lambdajca-test\") that it did not get or did "
                            + "not take (the JVM's http.proxyUser and http.proxyPassword give them); the answer "
                            + "began: (an empty body)");
            assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("lines").payload("1").build()))
                    .isInstanceOf(EndpointUnavailableException.class)
                    .hasMessageStartingWith("InvokeWithResponseStream of function 'lines' could not reach the Lambda "
                            + "endpoint through the HTTP proxy: the proxy did not open a tunnel to it (its answer to "
                            + "CONNECT was not 200: 407 if it asks for credentials, which the JVM's http.proxyUser and "
                            + "http.proxyPassword give) after 2 attempt(s)");
        }
        // the 407 answer is not resent; the tunnel refused is, as a connection not made (nothing was sent)
        String at = HOST + ":" + lambda.endpoint().getPort();
        assertThat(proxy.firstLines()).as("what the proxy was asked").filteredOn(line -> !line.startsWith("GET "))
                .containsExactly("POST http://" + at + "/2015-03-31/functions/echo/invocations HTTP/1.1",
                        "CONNECT " + at + " HTTP/1.1", "CONNECT " + at + " HTTP/1.1");
        assertThat(lambda.lambdaRequests()).as("requests that reached Lambda").isZero();
    }

    @Test
    void withHttpProxyUserAndPassword_sts_anInvocation_andAStream_goThroughTheProxy() throws Exception {
        proxyProperties.set("http.proxyUser", USER).set("http.proxyPassword", PASSWORD);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
        LambdaCredentialProfile role = new LambdaCredentialProfile();
        role.setType("ASSUME_ROLE");
        role.setRoleArn(ROLE);
        role.setRegion(lambda.region());
        role.setEndpointOverride(endpoint());
        role.setAccessKeyId(LocalLambda.DEFAULT_ACCESS_KEY);
        role.setSecretAccessKey(LocalLambda.DEFAULT_SECRET_KEY);
        MapNaming.BOUND.put(PROFILE, role);
        try (DirectConnection direct = DirectConnection.with(mcf -> {
            mcf.setRegion(lambda.region());
            mcf.setEndpointOverride(endpoint());
            mcf.setCredentialProfile(PROFILE);
            mcf.setMaxRetries(0);
        })) {
            LambdaConnection connection = direct.connection();
            assertThat(connection.invoke(InvocationRequest.builder("echo").payload("{\"behind\":\"proxy\"}").build())
                    .payloadAsString()).isEqualTo("{\"behind\":\"proxy\"}");
            try (InvocationStream stream = connection.invokeStream(InvocationRequest.builder("lines").payload("2")
                    .build())) {
                assertThat(new String(stream.inputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("line 1\nline 2\n");
            }
        } finally {
            MapNaming.BOUND.remove(PROFILE);
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        }
        String at = HOST + ":" + lambda.endpoint().getPort();
        assertThat(proxy.firstLines()).as("what the proxy was asked").contains("POST http://" + at + "/ HTTP/1.1",
                "POST http://" + at + "/2015-03-31/functions/echo/invocations HTTP/1.1",
                "CONNECT " + at + " HTTP/1.1");
    }

    private String endpoint() {
        return "http://" + HOST + ":" + lambda.endpoint().getPort();
    }
}
