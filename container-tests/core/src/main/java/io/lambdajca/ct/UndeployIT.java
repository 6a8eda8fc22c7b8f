package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Last of the portable suite (a server's own check of a known defect of its may follow): the server's log holds no
 * error or warning from the whole run, undeploying the RAR the way the server's administrators do ends every thread the
 * adapter and its SDK clients started, and the server's whole log of the run (the adapter's loggers at their finest)
 * holds none of the run's secrets. A probe application that does not use the adapter lists the server's threads.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE - 1)
@RunAsClient
class UndeployIT {

    /** Threads the adapter starts (its scheduler) and the SDK's Apache client starts (its idle-connection reaper). */
    static final List<String> ADAPTER_THREADS = List.of("lambdajca-", "idle-connection-reaper");

    @Deployment(testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "thread-probe.war").addClass(ThreadsServlet.class);
    }

    @ArquillianResource
    private URL probe;

    @Test
    @Order(1)
    void theServerLog_hasNoProblemOfTheRun() throws Exception {
        List<String> problems = ClientSide.problemsInLog();
        assertTrue(problems.isEmpty(), "errors or warnings in the log of " + ClientSide.serverName() + ":\n"
                + String.join("\n", problems));
    }

    @Test
    @Order(2)
    void undeployingTheAdapter_endsItsThreads() throws Exception {
        assertFalse(adapterThreads().isEmpty(), "the adapter's threads run before the undeploy");
        ClientSide.undeployAdapter();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> left = adapterThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling interval; the deadline bounds the wait
            left = adapterThreads();
        }
        assertEquals(List.of(), left, "threads left after the adapter was undeployed from " + ClientSide.serverName());
        List<String> problems = ClientSide.problemsInLog();
        assertTrue(problems.isEmpty(), "errors or warnings when undeploying:\n" + String.join("\n", problems));
    }

    @Test
    @Order(3)
    void theServersWholeLogOfTheRun_holdsNoSecret() throws Exception {
        String log = ClientSide.logOfThisRun();
        assertTrue(log.contains("LAMBDAJCA1101"), "the adapter's finest messages were logged by "
                + ClientSide.serverName());
        List<String> issued = ClientSide.issuedSecrets();
        assertFalse(issued.isEmpty(), "temporary credentials were issued in this run");
        List<String> secrets = new ArrayList<>(ClientSide.configuredSecrets());
        secrets.addAll(issued);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the log of " + ClientSide.serverName()
                    + " holds a secret starting " + secret.substring(0, 4));
        }
        System.out.printf("FIGURE secrets (%s): searched %d lines of server log for %d secret values (%d issued "
                + "temporary ones): none found%n", ClientSide.serverName(), log.lines().count(), secrets.size(),
                issued.size());
    }

    private List<String> adapterThreads() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(probe.toString()).resolve("threads")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().filter(n -> ADAPTER_THREADS.stream().anyMatch(n::startsWith)).toList();
    }
}
