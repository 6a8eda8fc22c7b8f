package io.lambdajca.testfunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Streams N numbered lines as {@link LinesStreamHandler} does (input: N), but the last one without a flush, logs
 * {@code "about to fail"}, then throws {@link IllegalStateException} with the message {@code "failed after N lines"}:
 * a function that fails mid-stream, all of whose lines should still reach the caller.
 */
public class FailingStreamHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long lines = StreamInput.number(input);
        for (long i = 1; i <= lines; i++) {
            output.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            if (i < lines) {
                output.flush();
            }
        }
        context.getLogger().log("about to fail\n");
        throw new IllegalStateException("failed after " + lines + " lines");
    }
}
