package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.local.testing.Poll;

/**
 * The Lambda endpoint goes away mid-run and comes back on the same address: calls fail fast with "endpoint
 * unavailable" while it is gone, and succeed again within a second of its return (no pooled connection stays broken).
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@RunAsClient
class EndpointOutageIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("outage-it.war", InvokeServlet.class);
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void endpointDownThenBack_failsFastThenRecoversWithinOneSecond() throws Exception {
        for (int i = 0; i < 20; i++) {
            String ok = call();
            assertTrue(ok.startsWith("OK"), "before the outage: " + ok);
        }
        LambdaEnvironment.stopEndpoint();
        try {
            long start = System.nanoTime();
            String down = call();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(down.startsWith("EndpointUnavailableException"), "while down: " + down);
            assertTrue(millis < 5_000, "failed within the connect timeout and retries: " + millis + " ms");
            System.out.println("FIGURE outage: call failed after " + millis + " ms: " + down);
        } finally {
            LambdaEnvironment.restartEndpoint();
        }
        long back = System.nanoTime();
        Poll.value(Duration.ofSeconds(5), () -> {
            try {
                return call();
            } catch (Exception e) {
                return e.toString();
            }
        }, r -> r.startsWith("OK"), "answering after the outage");
        long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
        System.out.println("FIGURE outage: first success " + recoveredMillis + " ms after the endpoint returned");
        assertTrue(recoveredMillis <= 1_000, "recovered within 1 s: " + recoveredMillis + " ms");
        for (int i = 0; i < 20; i++) {
            String ok = call();
            assertTrue(ok.startsWith("OK"), "no pooled connection stays broken: " + ok);
        }
    }

    private String call() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "invoke")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
