package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.lambdajca.adapter.testing.TestTls;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.testing.TestPki;

/**
 * An https:// EndpointOverride whose TLS handshake fails, as with a certificate of a company's own CA that the
 * server's JVM does not trust, or a port that speaks plain HTTP: the application is told that the handshake failed and
 * why, not that a connection was lost, for an invocation and a stream; nothing was sent, so the call is resent as one
 * that could not connect.
 */
class TlsHandshakeFailuresTest {

    private static final String FAILED = "could not reach the Lambda endpoint: the TLS handshake with it failed (for "
            + "example a certificate that this JVM's trust store does not trust, or an https:// endpoint on a port "
            + "that speaks plain HTTP) after 2 attempt(s): ";

    @Test
    void aCertificateTheJvmDoesNotTrust_isAFailedHandshake_forAnInvocationAndAStream() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpsServer untrusted = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        untrusted.setHttpsConfigurator(new HttpsConfigurator(TestTls.serverSignedBy(TestPki.newCa("A CA no JVM trusts"),
                "127.0.0.1")));
        untrusted.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        untrusted.start();
        try (DirectConnection direct = connectionTo("https://127.0.0.1:" + untrusted.getAddress().getPort())) {
            LambdaConnection connection = direct.connection();
            assertThatThrownBy(() -> connection.invoke(InvocationRequest.builder("echo").payload("{}").build()))
                    .isInstanceOf(EndpointUnavailableException.class)
                    .hasMessageStartingWith("Invoke of function 'echo' " + FAILED)
                    .hasMessageContaining("PKIX path building failed");
            assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("echo").payload("{}").build()))
                    .isInstanceOf(EndpointUnavailableException.class)
                    .hasMessageStartingWith("InvokeWithResponseStream of function 'echo' " + FAILED)
                    .hasMessageContaining("PKIX path building failed");
        } finally {
            untrusted.stop(0);
        }
        assertThat(requests.get()).as("requests that got through").isZero();
    }

    @Test
    void httpsToAPortThatSpeaksPlainHttp_isAFailedHandshake() throws Exception {
        // a web server answers the bytes of a TLS ClientHello with a 400 of its own, in plain HTTP
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerBadRequests(plain), "plain-http");
            server.setDaemon(true);
            server.start();
            try (DirectConnection direct = connectionTo("https://127.0.0.1:" + plain.getLocalPort())) {
                assertThatThrownBy(() -> direct.connection().invoke(InvocationRequest.builder("echo").payload("{}")
                        .build())).isInstanceOf(EndpointUnavailableException.class)
                        .hasMessageStartingWith("Invoke of function 'echo' " + FAILED)
                        .hasMessageContaining("Unsupported or unrecognized SSL message");
            }
        }
    }

    private static void answerBadRequests(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.getInputStream().read(new byte[1024]);
                client.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                // the test ended, or the client went away
            }
        }
    }

    private static DirectConnection connectionTo(String endpoint) throws Exception {
        return DirectConnection.with(mcf -> {
            mcf.setRegion("us-east-1");
            mcf.setEndpointOverride(endpoint);
            mcf.setAccessKeyId("AKIATLSHANDSHAKETEST");
            mcf.setSecretAccessKey("tls-handshake-test-secret");
            mcf.setMaxRetries(1);
            mcf.setRetryBaseDelayMillis(1L);
        });
    }
}
