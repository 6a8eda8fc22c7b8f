package io.lambdajca.testfunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Streams {@code "first\n"} and flushes it, then waits until the marker file named by its input exists (a JSON string,
 * an absolute path), and ends with {@code "last\n"}. A caller that creates the marker only once it has read the first
 * chunk proves that the chunk arrived while the handler was still running. When the marker never appears, the
 * function times out mid-stream (its waiting ends when the timeout interrupts it; should nothing interrupt it, it gives
 * up with an {@link IllegalStateException} one second after the function's time is over).
 */
public class GatedStreamHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Path marker = Path.of(StreamInput.text(input));
        output.write("first\n".getBytes(StandardCharsets.UTF_8));
        output.flush();
        long deadline = System.nanoTime() + (context.getRemainingTimeInMillis() + 1000) * 1_000_000L;
        while (!Files.exists(marker)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("marker " + marker + " did not appear in time");
            }
            try {
                Thread.sleep(10); // polling the file system, not synchronising with the caller
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + marker, e);
            }
        }
        output.write("last\n".getBytes(StandardCharsets.UTF_8));
        output.flush();
    }
}
