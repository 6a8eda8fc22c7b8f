package io.lambdajca.adapter;

import static io.lambdajca.adapter.TestArns.ROLE;
import static io.lambdajca.adapter.TestArns.ROLES_ANYWHERE_PROFILE;
import static io.lambdajca.adapter.TestArns.TRUST_ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.naming.Context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.adapter.testing.SystemProperties;
import io.lambdajca.adapter.testing.TestTls;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaServiceException;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.testing.TestPki;
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
    private static final String ASKS_FOR_CREDENTIALS = "Invoke of function 'echo' failed: (HTTP 407): no AWS error "
            + "code; an HTTP proxy on the way asks for credentials (Basic realm=\"lambdajca-test\") that it did not "
            + "get or did not take (the JVM's http.proxyUser and http.proxyPassword give them); the answer began: (an "
            + "empty body)";

    private final TestPki devices = TestPki.newCa("The devices' CA");
    private SystemProperties proxyProperties;
    private LocalLambda lambda;
    private ForwardProxy proxy;

    @BeforeEach
    void start() throws Exception {
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build())
                .function(FunctionDefinition.builder("lines", Handlers.STREAM_LINES, zip).build())
                .role(RoleDefinition.of(ROLE))
                .trustAnchor(new TrustAnchorDefinition(TRUST_ANCHOR, devices.caCertificate()))
                .rolesAnywhereProfile(new RolesAnywhereProfileDefinition(ROLES_ANYWHERE_PROFILE, Set.of(ROLE), false))
                .build().start();
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
        try (DirectConnection direct = withStaticKeys(endpoint())) {
            LambdaConnection connection = direct.connection();
            assertThatThrownBy(() -> connection.invoke(InvocationRequest.builder("echo").payload("{}").build()))
                    .isInstanceOfSatisfying(LambdaServiceException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(407))
                    .hasMessage(ASKS_FOR_CREDENTIALS);
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
        // to an https:// endpoint the synchronous client's tunnel gets the 407, which it says the same way
        int asked = proxy.firstLines().size();
        try (DirectConnection direct = withStaticKeys("https://" + at)) {
            assertThatThrownBy(() -> direct.connection().invoke(InvocationRequest.builder("echo").payload("{}")
                    .build())).isInstanceOfSatisfying(LambdaServiceException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(407))
                    .hasMessage(ASKS_FOR_CREDENTIALS);
        }
        assertThat(proxy.firstLines().subList(asked, proxy.firstLines().size()))
                .as("what the proxy was asked: the warm-up's tunnel, then the invocation's, not resent")
                .containsExactly("CONNECT " + at + " HTTP/1.1", "CONNECT " + at + " HTTP/1.1");
        assertThat(lambda.lambdaRequests()).as("requests that reached Lambda").isZero();
    }

    private DirectConnection withStaticKeys(String endpoint) throws Exception {
        return DirectConnection.with(mcf -> {
            mcf.setRegion(lambda.region());
            mcf.setEndpointOverride(endpoint);
            mcf.setAccessKeyId(LocalLambda.DEFAULT_ACCESS_KEY);
            mcf.setSecretAccessKey(LocalLambda.DEFAULT_SECRET_KEY);
            mcf.setMaxRetries(1);
            mcf.setRetryBaseDelayMillis(1L);
        });
    }

    @Test
    void withHttpProxyUserAndPassword_sts_anInvocation_andAStream_goThroughTheProxy() throws Exception {
        proxyProperties.set("http.proxyUser", USER).set("http.proxyPassword", PASSWORD);
        LambdaCredentialProfile role = profile("ASSUME_ROLE", endpoint());
        role.setAccessKeyId(LocalLambda.DEFAULT_ACCESS_KEY);
        role.setSecretAccessKey(LocalLambda.DEFAULT_SECRET_KEY);
        anInvocationAndAStreamWith(role, endpoint());
        String at = HOST + ":" + lambda.endpoint().getPort();
        assertThat(proxy.firstLines()).as("what the proxy was asked").contains("POST http://" + at + "/ HTTP/1.1",
                "POST http://" + at + "/2015-03-31/functions/echo/invocations HTTP/1.1",
                "CONNECT " + at + " HTTP/1.1");
    }

    /**
     * The usual corporate case: an https:// endpoint, as AWS's are, behind a proxy that wants credentials before it
     * opens a tunnel ({@code CONNECT}) and inspects TLS with a certificate of the company's CA, which the JVM's trust
     * store ({@code javax.net.ssl.trustStore}) holds; the credentials from Roles Anywhere, whose calls go the STS
     * client's way.
     */
    @Test
    void overHttps_withHttpProxyUserAndPassword_rolesAnywhere_anInvocation_andAStream_tunnelThroughTheProxy(
            @TempDir Path dir) throws Exception {
        TestPki companyCa = TestPki.newCa("A company's TLS-inspecting proxy");
        TestPki.Issued device = devices.issue("EC", "device-1");
        String endpoint = "https://" + HOST + ":" + lambda.endpoint().getPort();
        try (ForwardProxy inspecting = ForwardProxy.inspectingTls(TestTls.serverSignedBy(companyCa, HOST), USER,
                PASSWORD, Map.of(HOST, "127.0.0.1"))) {
            char[] password = "trust-store-password".toCharArray();
            proxyProperties.set("http.proxyPort", String.valueOf(inspecting.port()))
                    .set("http.proxyUser", USER).set("http.proxyPassword", PASSWORD)
                    .set("javax.net.ssl.trustStore", TestTls.trustStore(companyCa, dir.resolve("trust.p12"), password)
                            .toString())
                    .set("javax.net.ssl.trustStorePassword", new String(password))
                    .set("javax.net.ssl.trustStoreType", "PKCS12");
            LambdaCredentialProfile anywhere = profile("ROLES_ANYWHERE", endpoint);
            anywhere.setTrustAnchorArn(TRUST_ANCHOR);
            anywhere.setProfileArn(ROLES_ANYWHERE_PROFILE);
            anywhere.setCertificateFile(device.writeCertificatePem(dir.resolve("device.pem")).toString());
            anywhere.setPrivateKeyFile(device.writeKeyPem(dir.resolve("device.key")).toString());
            anInvocationAndAStreamWith(anywhere, endpoint);
            assertThat(inspecting.firstLines()).as("what the proxy was asked: tunnels only, nothing in the clear")
                    .isNotEmpty().containsOnly("CONNECT " + HOST + ":" + lambda.endpoint().getPort() + " HTTP/1.1");
        }
    }

    private LambdaCredentialProfile profile(String type, String endpoint) {
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setType(type);
        profile.setRoleArn(ROLE);
        profile.setRegion(lambda.region());
        profile.setEndpointOverride(endpoint);
        return profile;
    }

    /** An invocation and a stream at this endpoint with this profile's credentials, which the endpoint issued. */
    private void anInvocationAndAStreamWith(LambdaCredentialProfile profile, String endpoint) throws Exception {
        proxyProperties.set(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
        MapNaming.BOUND.put(PROFILE, profile);
        try (DirectConnection direct = DirectConnection.with(mcf -> {
            mcf.setRegion(lambda.region());
            mcf.setEndpointOverride(endpoint);
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
        }
        assertThat(lambda.issuedCredentials()).as("credentials the endpoint issued").isNotEmpty();
    }

    private String endpoint() {
        return "http://" + HOST + ":" + lambda.endpoint().getPort();
    }
}
