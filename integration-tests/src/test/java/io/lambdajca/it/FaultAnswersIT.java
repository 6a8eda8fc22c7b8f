package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.LambdaServiceException;
import io.lambdajca.api.ThrottledException;
import io.lambdajca.it.FaultServer.Fault;

/**
 * Broken answers from the endpoint, one per connection definition (3 s read timeout, 5 s call timeout, one retry):
 * each ends in the documented LambdaException subclass whose message says what happened, within the call timeout;
 * safe operations are retried where it helps and an invocation that may have reached the function is not; and
 * afterwards, once the endpoint is healthy, the same connection factory serves a normal call with no connection left
 * in use.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@RunAsClient
class FaultAnswersIT {

    /** What a call may take beyond the call timeout (the SDK's timer and aborting the connection). */
    private static final long MARGIN_MILLIS = 1_000;
    private static final long BOUND_MILLIS = FaultEnvironment.CALL_TIMEOUT_MILLIS + MARGIN_MILLIS;

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("fault-answers-it.war", FaultCallServlet.class);
    }

    @ArquillianResource
    private URL base;

    @ArquillianResource
    private ManagementClient management;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Fault current;
    private String op;
    private int faultyAnswers;

    /** What one call through the servlet ended in. */
    private record Outcome(String type, long millis, String message) {

        void threw(Class<?> expected, String... says) {
            assertEquals(expected.getName(), type, "type; message: " + message);
            for (String s : says) {
                assertTrue(message.contains(s), "the message says '" + s + "': " + message);
            }
            assertTrue(millis <= BOUND_MILLIS, "ended within the call timeout: " + millis + " ms; " + message);
        }
    }

    @Test
    void html502FromAProxy_isAServiceError_quotingThePage_retriedOnce() throws Exception {
        Outcome o = call(Fault.HTML_502, "get");
        o.threw(LambdaServiceException.class, "GetFunction of function 'target'", "(HTTP 502)", "no AWS error code",
                "<html> <head><title>502 Bad Gateway</title></head>");
        assertEquals(2, faultyAnswers(), "a 5xx is retried for a safe operation");
    }

    @Test
    void json500WithoutAnErrorType_isAServiceError_withItsBody_retriedOnce() throws Exception {
        Outcome o = call(Fault.JSON_500, "list");
        o.threw(LambdaServiceException.class, "ListFunctions", "(HTTP 500)", "Internal server error");
        assertEquals(2, faultyAnswers(), "a 5xx is retried for a safe operation");
    }

    @Test
    void garbage400_isAServiceError_quotingTheBody_notRetried() throws Exception {
        Outcome o = call(Fault.GARBAGE_400, "get");
        o.threw(LambdaServiceException.class, "(HTTP 400)", "no AWS error code", "Bad Request ?? {{not json");
        assertEquals(1, faultyAnswers(), "a 4xx is not retried");
    }

    @Test
    void html200FromACaptivePortal_isAServiceError_notALostConnection_retriedOnce() throws Exception {
        Outcome o = call(Fault.HTML_200, "get");
        o.threw(LambdaServiceException.class, "(HTTP 200)", "the answer is not JSON", "after 2 attempt(s)",
                "Unexpected character ('<'");
        assertEquals(2, faultyAnswers(), "a safe operation is sent again");
    }

    @Test
    void plain429WithoutAnAwsErrorCode_isThrottling_retried() throws Exception {
        Outcome o = call(Fault.PLAIN_429, "get");
        o.threw(ThrottledException.class, "throttled", "after 2 attempt(s)", "HTTP 429",
                "Too Many Requests: slow down");
        assertEquals(2, faultyAnswers(), "a 429 is retried");
    }

    @Test
    void truncatedBody_isALostConnection_retriedOnce() throws Exception {
        Outcome o = call(Fault.TRUNCATED, "get");
        o.threw(EndpointUnavailableException.class, "lost its connection", "after 2 attempt(s)",
                "Premature end of Content-Length delimited message body");
        assertEquals(2, faultyAnswers(), "a safe operation is sent again");
    }

    @Test
    void resetMidResponse_isALostConnection_retriedOnce() throws Exception {
        Outcome o = call(Fault.RESET, "get");
        o.threw(EndpointUnavailableException.class, "lost its connection", "after 2 attempt(s)", "reset");
        assertEquals(2, faultyAnswers(), "a safe operation is sent again");
    }

    @Test
    void checksumMismatch_isACorruptedAnswer_notALostConnection() throws Exception {
        Outcome o = call(Fault.CHECKSUM, "get");
        o.threw(EndpointUnavailableException.class, "CRC32 checksum does not match its x-amz-crc32 header",
                "after 2 attempt(s)");
        assertFalse(o.message().contains("lost its connection"), o.message());
        assertEquals(2, faultyAnswers(), "a safe operation is sent again");
    }

    @Test
    void drippingBody_endsAtTheCallTimeout_notTwice() throws Exception {
        Outcome o = call(Fault.DRIP, "get");
        o.threw(EndpointUnavailableException.class, "timed out", "CallTimeoutMillis", "after 1 attempt(s)");
        assertTrue(o.millis() >= FaultEnvironment.CALL_TIMEOUT_MILLIS - 100, "ran until the call timeout: "
                + o.millis() + " ms");
        assertEquals(1, faultyAnswers(), "no time left for a retry");
    }

    @Test
    void silentEndpoint_isRetriedWithWhatIsLeft_andEndsAtTheCallTimeout() throws Exception {
        Outcome o = call(Fault.SILENT, "get");
        o.threw(EndpointUnavailableException.class, "timed out", "CallTimeoutMillis", "after 2 attempt(s)");
        assertTrue(o.millis() >= FaultEnvironment.CALL_TIMEOUT_MILLIS - 100, "the retry used the time left: "
                + o.millis() + " ms");
        assertEquals(2, faultyAnswers(), "the read timed out after 3 s; the retry had the 2 s left");
    }

    @Test
    void silentEndpoint_anInvocationIsNotSentTwice() throws Exception {
        Outcome o = call(Fault.SILENT_INVOKE, "invoke");
        o.threw(EndpointUnavailableException.class, "Invoke of function 'target'", "timed out", "ReadTimeoutMillis",
                "after 1 attempt(s)");
        assertTrue(o.millis() >= FaultEnvironment.READ_TIMEOUT_MILLIS - 100, "waited for the read timeout: "
                + o.millis() + " ms");
        assertEquals(1, faultyAnswers(), "the function may be running: not sent again");
    }

    /** Once the endpoint is healthy again, the same connection factory serves a normal call; none is in use. */
    @AfterEach
    void sameFactoryServesANormalCall_andNoConnectionIsInUse() throws Exception {
        if (current == null) {
            return; // the case did not get as far as its call
        }
        FaultEnvironment.server().faulty(current, false);
        Outcome ok = send(current, op);
        assertEquals("OK", ok.type(), current + " healthy again: " + ok);
        long deadline = System.nanoTime() + 5_000_000_000L;
        int inUse = inUse(current);
        while (inUse != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            inUse = inUse(current);
        }
        assertEquals(0, inUse, current.pool() + " connections in use");
    }

    /** The requests the fault answered during the case's call. */
    private int faultyAnswers() {
        return faultyAnswers;
    }

    /** Makes the call through the connection definition of the fault, with the endpoint answering with the fault. */
    private Outcome call(Fault fault, String operation) throws Exception {
        current = fault;
        op = operation;
        FaultServer server = FaultEnvironment.server();
        int before = server.faultyAnswers(fault);
        server.faulty(fault, true);
        Outcome o;
        try {
            o = send(fault, operation);
        } finally {
            server.faulty(fault, false);
        }
        faultyAnswers = server.faultyAnswers(fault) - before;
        System.out.printf("FIGURE fault %s: %s after %d ms, %d request(s): %s%n", fault, o.type(), o.millis(),
                faultyAnswers, o.message());
        return o;
    }

    private Outcome send(Fault fault, String op) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "fault-call?op=" + op + "&jndi="
                + URLEncoder.encode(fault.jndi(), StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String[] lines = body.split("\n", 3);
        assertEquals(3, lines.length, "the servlet's answer: " + body);
        return new Outcome(lines[0], Long.parseLong(lines[1]), lines[2]);
    }

    private int inUse(Fault fault) throws Exception {
        ModelNode op = Operations.createReadResourceOperation(LambdaEnvironment.poolStatistics(fault.pool()));
        op.get("include-runtime").set(true);
        return LambdaEnvironment.execute(management, op).get("InUseCount").asInt();
    }
}
