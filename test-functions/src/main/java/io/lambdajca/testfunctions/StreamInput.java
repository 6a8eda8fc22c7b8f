package io.lambdajca.testfunctions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The input of the streaming test handlers: one JSON number or string, read without a JSON library. */
final class StreamInput {

    private StreamInput() {
    }

    /** The input as text: a JSON string's content, or a number's digits. */
    static String text(InputStream in) throws IOException {
        String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    static long number(InputStream in) throws IOException {
        String s = text(in);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("input must be a whole number, got: " + s, e);
        }
    }
}
