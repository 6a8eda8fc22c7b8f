package io.lambdajca.adapter;

import static io.lambdajca.adapter.TestArns.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import javax.naming.Context;

import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.testing.SystemProperties;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.testfunctions.Handlers;

/**
 * The README says the adapter reaches Lambda, STS and Roles Anywhere through the HTTP proxy that the JVM's
 * {@code http.proxyHost} and {@code http.proxyPort} system properties name, as the AWS SDK's clients do by default:
 * with the endpoint's host name one that only the proxy can reach ({@code .invalid} resolves nowhere), the credentials
 * come from STS (an ASSUME_ROLE profile), a synchronous invocation and a response stream return the function's answer,
 * and the proxy saw each of the three clients' connections.
 */
class ThroughHttpProxyTest {

    private static final String HOST = "lambda.proxy-only.invalid";
    private static final String PROFILE = "java:/lambda/profiles/ThroughProxy";

    @Test
    void theJvmsProxySystemProperties_carryStsInvokeAndStreaming() throws Exception {
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        try (LocalLambda lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build())
                .function(FunctionDefinition.builder("lines", Handlers.STREAM_LINES, zip).build())
                .role(RoleDefinition.of(ROLE)).build().start();
                ForwardProxy proxy = ForwardProxy.start(Map.of(HOST, "127.0.0.1"))) {
            String endpoint = "http://" + HOST + ":" + lambda.endpoint().getPort();
            SystemProperties naming = new SystemProperties().set(Context.INITIAL_CONTEXT_FACTORY,
                    MapNaming.class.getName());
            SystemProperties proxySettings = withProxy("127.0.0.1", proxy.port(), null);
            LambdaCredentialProfile role = new LambdaCredentialProfile();
            role.setType("ASSUME_ROLE");
            role.setRoleArn(ROLE);
            role.setRegion(lambda.region());
            role.setEndpointOverride(endpoint);
            role.setAccessKeyId(LocalLambda.DEFAULT_ACCESS_KEY);
            role.setSecretAccessKey(LocalLambda.DEFAULT_SECRET_KEY);
            MapNaming.BOUND.put(PROFILE, role);
            DirectConnection direct = null;
            try {
                direct = DirectConnection.with(mcf -> {
                    mcf.setRegion(lambda.region());
                    mcf.setEndpointOverride(endpoint);
                    mcf.setCredentialProfile(PROFILE);
                    mcf.setMaxRetries(0);
                });
                LambdaConnection connection = direct.connection();
                InvocationResult echoed = connection.invoke(InvocationRequest.builder("echo")
                        .payload("{\"through\":\"proxy\"}").build());
                assertThat(echoed.payloadAsString()).isEqualTo("{\"through\":\"proxy\"}");
                try (InvocationStream stream = connection.invokeStream(InvocationRequest.builder("lines")
                        .payload("2").build())) {
                    assertThat(new String(stream.inputStream().readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("line 1\nline 2\n");
                }
            } finally {
                proxySettings.close();
                MapNaming.BOUND.remove(PROFILE);
                naming.close();
                if (direct != null) {
                    direct.close();
                }
            }
            // each client asked the proxy: STS and Lambda's synchronous client with their requests in absolute form,
            // the streaming client (the SDK's Netty client) for a tunnel
            String at = HOST + ":" + lambda.endpoint().getPort();
            assertThat(proxy.firstLines()).contains("POST http://" + at + "/ HTTP/1.1",
                    "POST http://" + at + "/2015-03-31/functions/echo/invocations HTTP/1.1",
                    "CONNECT " + at + " HTTP/1.1");
        }
    }

    /** A host listed in {@code http.nonProxyHosts} is reached directly: here the proxy named does not even listen. */
    @Test
    void aHostInNonProxyHosts_isReachedDirectly() throws Exception {
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        int nothingListens;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = closed.getLocalPort();
        }
        try (LocalLambda lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build()).build().start()) {
            SystemProperties proxySettings = withProxy("127.0.0.1", nothingListens, "localhost|127.0.0.1");
            try (proxySettings; DirectConnection direct = DirectConnection.to(lambda, mcf -> mcf.setMaxRetries(0))) {
                assertThat(direct.connection().invoke(InvocationRequest.builder("echo").payload("[1]").build())
                        .payloadAsString()).isEqualTo("[1]");
                try (InvocationStream stream = direct.connection().invokeStream(InvocationRequest.builder("echo")
                        .payload("[2]").build())) {
                    assertThat(stream.inputStream().readAllBytes()).isNotEmpty();
                }
            }
        }
    }

    /**
     * Sets the JVM's proxy properties (a null one removed); closing what this returns puts back what they were, not
     * nothing: a JVM started with a proxy keeps it for the test classes after this one.
     */
    private static SystemProperties withProxy(String host, int port, String nonProxyHosts) {
        return new SystemProperties().set("http.proxyHost", host).set("http.proxyPort", String.valueOf(port))
                .set("http.nonProxyHosts", nonProxyHosts);
    }
}
