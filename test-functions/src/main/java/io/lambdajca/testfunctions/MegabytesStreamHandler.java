package io.lambdajca.testfunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Streams N mebibytes (N x 1,048,576 bytes; input: N, a JSON number) generated on the fly, 64 KiB at a time, without
 * holding more than one 64 KiB block: every byte is {@code 'a' + (offset % 26)}, so a reader can check the content
 * as it goes. Used for large responses (100 MB within the streaming limit, more than 200 MB beyond it).
 */
public class MegabytesStreamHandler implements RequestStreamHandler {

    /** The size of the one block the handler fills and writes, again and again. */
    private static final int BLOCK = 64 * 1024;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long total = StreamInput.number(input) * 1024 * 1024;
        byte[] block = new byte[BLOCK];
        for (long offset = 0; offset < total; offset += BLOCK) {
            int n = (int) Math.min(BLOCK, total - offset);
            for (int i = 0; i < n; i++) {
                block[i] = (byte) ('a' + (offset + i) % 26);
            }
            output.write(block, 0, n);
        }
        output.flush();
    }

    /** The byte this handler writes at {@code offset}. */
    public static byte byteAt(long offset) {
        return (byte) ('a' + offset % 26);
    }
}
