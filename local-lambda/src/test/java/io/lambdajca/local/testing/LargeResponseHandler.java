package io.lambdajca.local.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/** Answers a JSON string of as many bytes as its input names ({@code 7340032} gives a 7 MB string). */
public class LargeResponseHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int size = Integer.parseInt(new String(input.readAllBytes(), StandardCharsets.UTF_8).trim());
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        output.write('"');
        for (int left = size; left > 0; left -= chunk.length) {
            output.write(chunk, 0, Math.min(left, chunk.length));
        }
        output.write('"');
    }
}
