package io.lambdajca.testfunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Streams N numbered lines ({@code "line 1\n"} to {@code "line N\n"}), flushing after each, so that each line is one
 * chunk of a streamed response. Input: N, a JSON number.
 */
public class LinesStreamHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long lines = StreamInput.number(input);
        for (long i = 1; i <= lines; i++) {
            output.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            output.flush();
        }
    }
}
