package io.lambdajca.samples.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.lambdajca.api.InvocationStream;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Copies a function's stream to the HTTP response as it arrives, flushing each chunk so that neither the server's
 * response buffer nor JAX-RS holds it back. When the client goes away the next write fails; the function's stream is
 * closed in every case, which cancels the invocation's stream if it has not ended.
 */
final class ReportStreamOutput implements StreamingOutput {

    private final InvocationStream stream;

    ReportStreamOutput(InvocationStream stream) {
        this.stream = stream;
    }

    @Override
    public void write(OutputStream response) throws IOException {
        try (InvocationStream s = stream) {
            InputStream in = s.inputStream();
            byte[] buffer = new byte[8192];
            int n;
            // read returns what has arrived (at least one byte), so each chunk reaches the page as the function
            // flushes it
            while ((n = in.read(buffer)) != -1) {
                response.write(buffer, 0, n);
                response.flush();
            }
        }
    }
}
