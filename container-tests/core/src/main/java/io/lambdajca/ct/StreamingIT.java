package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.InvocationStream;
import jakarta.ejb.EJB;

/**
 * Response streaming on every server: an EJB starts the invocation and returns its stream with the pooled connection
 * already back; the lines arrive in order, the first while the function is still running; and streams closed before
 * their end are cancelled and free their HTTP connections (more of them than the SDK client has, then as many
 * streams at once as it has).
 */
@ExtendWith(ArquillianExtension.class)
@Order(7)
class StreamingIT {

    @Deployment
    static WebArchive app() {
        return Deployments.app("streaming-it.war", LambdaCaller.class);
    }

    @EJB
    private LambdaCaller caller;

    @Test
    void lines_arriveInOrder_theFirstWhileTheFunctionStillRuns() throws IOException {
        // the gated function writes "first", then waits for the marker, which is created only once "first" has been
        // read here: it reached the application while the function ran
        Path marker = marker();
        try (InvocationStream stream = caller.openStream(Jndi.DEFAULT, "stream-gated", json(marker));
                BufferedReader lines = lines(stream)) {
            assertEquals("first", lines.readLine());
            assertFalse(stream.isComplete(), "the function still runs");
            Files.createFile(marker);
            assertEquals("last", lines.readLine());
            assertNull(lines.readLine(), "the stream ends with the function");
            assertTrue(stream.isComplete());
            assertEquals("$LATEST", stream.executedVersion());
        }
        try (InvocationStream stream = caller.openStream(Jndi.DEFAULT, "stream-lines", "200");
                BufferedReader lines = lines(stream)) {
            for (int i = 1; i <= 200; i++) {
                assertEquals("line " + i, lines.readLine(), "in the order written");
            }
            assertNull(lines.readLine());
        }
    }

    @Test
    void streamsClosedEarly_areCancelled_andFreeTheirConnections() throws IOException {
        int connections = Resources.SMALL_POOL_CONNECTIONS;
        List<Path> markers = new ArrayList<>();
        try {
            // each function waits for a marker that comes only at the end: were a stream closed early not
            // cancelled, its HTTP connection would stay taken until then
            for (int i = 0; i < 2 * connections + 1; i++) {
                Path marker = marker();
                markers.add(marker);
                InvocationStream stream = caller.openStream(Jndi.SMALL_POOL, "stream-gated", json(marker));
                assertEquals("first", lines(stream).readLine());
                stream.close();
            }
            List<InvocationStream> open = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    Path marker = marker();
                    markers.add(marker);
                    InvocationStream stream = caller.openStream(Jndi.SMALL_POOL, "stream-gated", json(marker));
                    open.add(stream);
                    assertEquals("first", lines(stream).readLine(), "stream " + (i + 1) + " of " + connections
                            + " at once, after " + (2 * connections + 1) + " closed early");
                }
            } finally {
                open.forEach(InvocationStream::close);
            }
        } finally {
            for (Path marker : markers) {
                Files.createFile(marker);
            }
        }
    }

    private static BufferedReader lines(InvocationStream stream) {
        return new BufferedReader(new InputStreamReader(stream.inputStream(), StandardCharsets.UTF_8));
    }

    private static Path marker() throws IOException {
        return Files.createTempDirectory("stream-marker").resolve("go");
    }

    private static String json(Path marker) {
        return "\"" + marker.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
