package io.lambdajca.local.runtime;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * What one invocation logged, through its {@link LambdaLogger} or its standard output and error. Lambda returns the
 * last 4 KB of it when the caller asks for the log tail.
 */
final class InvocationLog implements LambdaLogger {

    static final int TAIL_BYTES = 4096;

    private final StringBuilder text = new StringBuilder(256);

    @Override
    public synchronized void log(String message) {
        text.append(message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    synchronized void line(String line) {
        text.append(line).append('\n');
    }

    /** The last 4 KB, cut at a character boundary. */
    synchronized byte[] tail() {
        byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
        if (all.length <= TAIL_BYTES) {
            return all;
        }
        int start = all.length - TAIL_BYTES;
        while (start < all.length && (all[start] & 0xC0) == 0x80) {
            start++;
        }
        return java.util.Arrays.copyOfRange(all, start, all.length);
    }

    synchronized String text() {
        return text.toString();
    }
}
