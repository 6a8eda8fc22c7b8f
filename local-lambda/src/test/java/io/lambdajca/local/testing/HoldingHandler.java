package io.lambdajca.local.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Holds its execution environment until released: its input is a JSON string naming a directory, where it creates a
 * file {@code running-*} as it starts, then waits until a file {@code release} exists there, and answers
 * {@code "released"}. A test counts the running invocations by their files, without taking an environment itself.
 * When nothing releases it, it gives up with an {@link IllegalStateException} one second after the function's time.
 */
public class HoldingHandler implements RequestStreamHandler {

    /** The file that ends every invocation waiting in its directory. */
    public static final String RELEASE = "release";
    /** The prefix of the file each running invocation creates. */
    public static final String RUNNING = "running-";

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8).trim();
        Path dir = Path.of(text.substring(1, text.length() - 1).replace("\\\\", "\\"));
        Files.createTempFile(dir, RUNNING, "");
        long deadline = System.nanoTime() + (context.getRemainingTimeInMillis() + 1000) * 1_000_000L;
        while (!Files.exists(dir.resolve(RELEASE))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(dir.resolve(RELEASE) + " did not appear in time");
            }
            try {
                Thread.sleep(10); // polling the file system, not synchronising with the caller
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held", e);
            }
        }
        output.write("\"released\"".getBytes(StandardCharsets.UTF_8));
    }
}
