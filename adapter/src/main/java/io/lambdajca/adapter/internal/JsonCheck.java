package io.lambdajca.adapter.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are one JSON value (RFC 8259) in UTF-8, checked without decoding them into characters. It accepts what
 * Lambda's front end accepts and refuses what it refuses (it answers "Invalid UTF-8 start byte 0x97" for bytes that
 * are not UTF-8): a UTF-8 sequence is checked by its structure (lead byte and continuation bytes), as Lambda's parser
 * checks it, and nesting deeper than {@value #MAX_DEPTH} is refused, as the parsers of Lambda and of the servers are by
 * default. One value only: a second value after the first is refused.
 * <p>
 * Two passes over the same grammar, for speed: {@link #valid} decides in one loop on local variables, and reads the
 * plain bytes of long strings eight at a time; only bytes it refuses are walked again by the instance methods, which
 * name what is wrong and where. A refusal needs both: should they ever disagree, the bytes are sent, never refused by
 * a check stricter than Lambda's. {@code JsonCheckTest} compares the two on generated documents;
 * {@code JsonCheckBenchmark} times them (the fast pass about 1.6 times as fast as the walk on an array of small
 * objects, 3 to 6 times on records with 400-byte texts). For documents nested at most 64 deep the walk allocates
 * nothing and the fast pass only its nesting stack, a small object the JIT removes in most calls (0 to 5 bytes per
 * check on average); deeper ones take 128 bytes more.
 */
final class JsonCheck {

    /** The default nesting limit of Jackson (2.15 on) and Parsson. */
    static final int MAX_DEPTH = 1000;

    /**
     * How {@link #valid} treats a byte inside a string: 0 as itself, 1 the closing quote, 2 an escape, 3 a control
     * character (refused), 4 to 6 the lead byte of a UTF-8 sequence of 2 to 4 bytes, 7 no UTF-8 lead byte (refused).
     */
    private static final byte[] IN_STRING = new byte[256];

    /**
     * From how many bytes into a string {@link #plainRun} reads eight bytes at a time: for the short strings of
     * structure-heavy documents (names, small values) a byte at a time is faster.
     */
    private static final int LONG_STRING = 16;

    /** Eight bytes of an array read as one long. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    static {
        for (int b = 0; b < 0x20; b++) {
            IN_STRING[b] = 3;
        }
        IN_STRING['"'] = 1;
        IN_STRING['\\'] = 2;
        for (int b = 0x80; b < 0x100; b++) {
            IN_STRING[b] = (byte) ((b & 0xE0) == 0xC0 ? 4 : (b & 0xF0) == 0xE0 ? 5 : (b & 0xF8) == 0xF0 ? 6 : 7);
        }
    }

    private final byte[] in;
    private int pos;
    private final Nesting open = new Nesting();

    private JsonCheck(byte[] in) {
        this.in = in;
    }

    /** The text without the byte order mark it starts with, if it does (which the check skips in bytes). */
    static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Null when the bytes are one JSON value, else what is wrong and where. */
    static String problem(byte[] bytes) {
        return valid(bytes) ? null : explain(bytes);
    }

    /** The walk that names what is wrong and where (null when it finds nothing wrong). */
    static String explain(byte[] bytes) {
        return new JsonCheck(bytes).check();
    }

    /**
     * Whether the bytes are one JSON value: the grammar of the instance methods in one loop, positions in local
     * variables, the open containers in the same bit stack.
     */
    static boolean valid(byte[] in) {
        final int n = in.length;
        int p = n >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF ? 3 : 0;
        Nesting open = new Nesting();
        values:
        while (true) {
            p = skipWhitespace(in, p);
            if (p == n) {
                return false;
            }
            byte b = in[p];
            if (b == '{' || b == '[') {
                boolean object = b == '{';
                if (!open.push(object)) {
                    return false;
                }
                p = skipWhitespace(in, p + 1);
                if (p < n && in[p] == (object ? '}' : ']')) {
                    p++;
                    open.pop();
                } else if (object) {
                    p = name(in, p);
                    if (p < 0) {
                        return false;
                    }
                    continue; // the member's value
                } else {
                    continue; // the first element
                }
            } else if (b == '"') {
                p = string(in, p + 1);
            } else if (b == 't') {
                p = p + 3 < n && in[p + 1] == 'r' && in[p + 2] == 'u' && in[p + 3] == 'e' ? p + 4 : -1;
            } else if (b == 'f') {
                p = p + 4 < n && in[p + 1] == 'a' && in[p + 2] == 'l' && in[p + 3] == 's' && in[p + 4] == 'e'
                        ? p + 5 : -1;
            } else if (b == 'n') {
                p = p + 3 < n && in[p + 1] == 'u' && in[p + 2] == 'l' && in[p + 3] == 'l' ? p + 4 : -1;
            } else {
                p = number(in, p);
            }
            if (p < 0) {
                return false;
            }
            while (true) { // after a value: the end of the document, a container's end, or a comma
                p = skipWhitespace(in, p);
                if (open.depth() == 0) {
                    return p == n;
                }
                if (p == n) {
                    return false;
                }
                boolean object = open.inObject();
                b = in[p];
                if (b == ',') {
                    if (object) {
                        p = name(in, skipWhitespace(in, p + 1));
                        if (p < 0) {
                            return false;
                        }
                    } else {
                        p++;
                    }
                    continue values;
                }
                if (b != (object ? '}' : ']')) {
                    return false;
                }
                p++;
                open.pop();
            }
        }
    }

    private static int skipWhitespace(byte[] in, int p) {
        while (p < in.length) {
            byte b = in[p];
            if (b > ' ' || b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return p;
            }
            p++;
        }
        return p;
    }

    /** An object member's name and its colon, from {@code p}: the index after the colon, or -1. */
    private static int name(byte[] in, int p) {
        if (p == in.length || in[p] != '"') {
            return -1;
        }
        p = string(in, p + 1);
        if (p < 0) {
            return -1;
        }
        p = skipWhitespace(in, p);
        return p < in.length && in[p] == ':' ? p + 1 : -1;
    }

    /** A string's content and closing quote, from just after its opening quote: the index after it, or -1. */
    private static int string(byte[] in, int p) {
        final int n = in.length;
        final int start = p;
        while (p < n) {
            int kind = IN_STRING[in[p] & 0xFF];
            if (kind == 0) {
                p++;
                if (p - start >= LONG_STRING) {
                    p = plainRun(in, p);
                }
            } else if (kind == 1) {
                return p + 1;
            } else if (kind == 2) {
                p = escape(in, p + 1);
                if (p < 0) {
                    return -1;
                }
            } else if (kind == 3 || kind == 7) {
                return -1;
            } else {
                int end = p + kind - 3; // the last continuation byte
                if (end >= n) {
                    return -1;
                }
                for (int i = p + 1; i <= end; i++) {
                    if ((in[i] & 0xC0) != 0x80) {
                        return -1;
                    }
                }
                p = end + 1;
            }
        }
        return -1;
    }

    /**
     * Past the bytes from {@code p} that stand for themselves in a string, eight at a time while none of the eight is a
     * quote, a backslash, a control character or a byte of a UTF-8 sequence (each test is exact for "any of the
     * eight"); the bytes after are left to the byte-by-byte loop.
     */
    private static int plainRun(byte[] in, int p) {
        while (p + Long.BYTES <= in.length) {
            long w = (long) LONGS.get(in, p);
            long quote = w ^ 0x2222222222222222L;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long special = w // bit 7 of a byte: a byte of 0x80 or more
                    | (w - 0x2020202020202020L) & ~w // below 0x20
                    | (quote - 0x0101010101010101L) & ~quote // 0x22
                    | (backslash - 0x0101010101010101L) & ~backslash; // 0x5C
            if ((special & 0x8080808080808080L) != 0) {
                return p;
            }
            p += Long.BYTES;
        }
        return p;
    }

    /** An escape, from just after its backslash: the index after it, or -1. */
    private static int escape(byte[] in, int p) {
        if (p == in.length) {
            return -1;
        }
        switch (in[p]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return p + 1;
            case 'u':
                if (p + 4 >= in.length) {
                    return -1;
                }
                for (int i = p + 1; i <= p + 4; i++) {
                    if (Character.digit(in[i], 16) < 0) {
                        return -1;
                    }
                }
                return p + 5;
            default:
                return -1;
        }
    }

    /** A number ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}) from {@code p}: the index after it, or -1. */
    private static int number(byte[] in, int p) {
        final int n = in.length;
        if (in[p] == '-') {
            p++;
        }
        if (p < n && in[p] == '0') {
            p++;
        } else {
            int start = p;
            p = digits(in, p);
            if (p == start) {
                return -1;
            }
        }
        if (p < n && in[p] == '.') {
            int start = ++p;
            p = digits(in, p);
            if (p == start) {
                return -1;
            }
        }
        if (p < n && (in[p] == 'e' || in[p] == 'E')) {
            p++;
            if (p < n && (in[p] == '+' || in[p] == '-')) {
                p++;
            }
            int start = p;
            p = digits(in, p);
            if (p == start) {
                return -1;
            }
        }
        return p;
    }

    private static int digits(byte[] in, int p) {
        while (p < in.length && in[p] >= '0' && in[p] <= '9') {
            p++;
        }
        return p;
    }

    private String check() {
        if (in.length >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
            pos = 3; // a UTF-8 byte order mark, which Lambda's parser skips
        }
        String problem = value();
        if (problem != null) {
            return problem;
        }
        while (open.depth() > 0) {
            problem = afterValueInContainer();
            if (problem != null) {
                return problem;
            }
        }
        skipWhitespace();
        return pos == in.length ? null : unexpected("after the end of the JSON value");
    }

    /**
     * Reads one value, or opens a container and reads its first member; the following members are read by
     * {@link #afterValueInContainer}. Recursion is bounded by {@value #MAX_DEPTH}.
     */
    private String value() {
        skipWhitespace();
        if (pos == in.length) {
            return "no JSON value before the end of the payload at offset " + pos;
        }
        byte b = in[pos];
        switch (b) {
            case '{':
                pos++;
                String p = push(true);
                if (p != null) {
                    return p;
                }
                skipWhitespace();
                if (pos < in.length && in[pos] == '}') {
                    pos++;
                    open.pop();
                    return null;
                }
                return member();
            case '[':
                pos++;
                p = push(false);
                if (p != null) {
                    return p;
                }
                skipWhitespace();
                if (pos < in.length && in[pos] == ']') {
                    pos++;
                    open.pop();
                    return null;
                }
                return value();
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                if (b == '-' || b >= '0' && b <= '9') {
                    return number();
                }
                return unexpected("where a JSON value (object, array, string, number, true, false or null) was "
                        + "expected");
        }
    }

    /** An object member: its name, a colon and the opening of its value. */
    private String member() {
        skipWhitespace();
        if (pos == in.length || in[pos] != '"') {
            return unexpected("where an object member's name (a string) was expected");
        }
        String p = string();
        if (p != null) {
            return p;
        }
        skipWhitespace();
        if (pos == in.length || in[pos] != ':') {
            return unexpected("where ':' was expected after an object member's name");
        }
        pos++;
        return value();
    }

    /** After a value inside the innermost open container: a comma and the next member, or the container's end. */
    private String afterValueInContainer() {
        skipWhitespace();
        boolean object = open.inObject();
        if (pos == in.length) {
            return "the payload ends inside an " + (object ? "object" : "array") + " at offset " + pos;
        }
        byte b = in[pos];
        if (b == ',') {
            pos++;
            return object ? member() : value();
        }
        if (b == (object ? '}' : ']')) {
            pos++;
            open.pop();
            return null;
        }
        return unexpected("where ',' or '" + (object ? '}' : ']') + "' was expected");
    }

    private String push(boolean object) {
        return open.push(object) ? null : "nesting deeper than " + MAX_DEPTH + " levels at offset " + (pos - 1);
    }

    private String string() {
        int start = pos++;
        while (pos < in.length) {
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return null;
            }
            if (b == '\\') {
                String p = escape();
                if (p != null) {
                    return p;
                }
            } else if (b < 0x20) {
                return "control character 0x" + hex(b) + " inside a string at offset " + pos
                        + " (it must be escaped)";
            } else if (b < 0x80) {
                pos++;
            } else {
                String p = utf8(b);
                if (p != null) {
                    return p;
                }
            }
        }
        return "the string starting at offset " + start + " is not closed";
    }

    private String escape() {
        int at = pos++;
        if (pos == in.length) {
            return "the payload ends inside an escape at offset " + at;
        }
        byte e = in[pos++];
        switch (e) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return null;
            case 'u':
                for (int i = 0; i < 4; i++, pos++) {
                    if (pos == in.length || Character.digit(in[pos], 16) < 0) {
                        return "\\u at offset " + at + " must be followed by four hexadecimal digits";
                    }
                }
                return null;
            default:
                pos--;
                return unexpected("after '\\' (an escape is one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    /** One multi-byte UTF-8 sequence, checked by its structure: a lead byte and its continuation bytes. */
    private String utf8(int lead) {
        int kind = IN_STRING[lead]; // 4 to 6 for a lead byte, as the fast pass reads it
        if (kind < 4 || kind > 6) {
            return "invalid UTF-8 start byte 0x" + hex(lead) + " at offset " + pos;
        }
        int continuations = kind - 3;
        int at = pos++;
        for (int i = 0; i < continuations; i++, pos++) {
            if (pos == in.length || (in[pos] & 0xC0) != 0x80) {
                return "invalid UTF-8 sequence starting with byte 0x" + hex(lead) + " at offset " + at;
            }
        }
        return null;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} */
    private String number() {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        if (pos < in.length && in[pos] == '0') {
            pos++;
        } else if (digits() == 0) {
            return "the number at offset " + start + " has no digits";
        }
        if (pos < in.length && in[pos] == '.') {
            pos++;
            if (digits() == 0) {
                return "the number at offset " + start + " has no digits after its decimal point";
            }
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                return "the number at offset " + start + " has no digits in its exponent";
            }
        }
        return null;
    }

    private int digits() {
        int start = pos;
        pos = digits(in, pos);
        return pos - start;
    }

    private String literal(String word) {
        for (int i = 0; i < word.length(); i++, pos++) {
            if (pos == in.length || in[pos] != word.charAt(i)) {
                return unexpected("inside the literal '" + word + "'");
            }
        }
        return null;
    }

    private void skipWhitespace() {
        pos = skipWhitespace(in, pos);
    }

    private String unexpected(String where) {
        if (pos == in.length) {
            return "the payload ends " + where + " at offset " + pos;
        }
        int b = in[pos] & 0xFF;
        String what = b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : "byte 0x" + hex(b);
        return "unexpected " + what + " at offset " + pos + " " + where;
    }

    private static String hex(int b) {
        return Integer.toHexString(0x100 | b).substring(1).toUpperCase();
    }

    /** The open containers, one bit each (1 for an object): the first 64 levels in a long, deeper ones in an array. */
    private static final class Nesting {

        private long shallow;
        private long[] deep;
        private int depth;

        /** Opens a container; false when it would nest deeper than {@value #MAX_DEPTH}. */
        boolean push(boolean object) {
            if (depth == MAX_DEPTH) {
                return false;
            }
            if (depth < 64) {
                shallow = object ? shallow | 1L << depth : shallow & ~(1L << depth);
            } else {
                if (deep == null) {
                    deep = new long[(MAX_DEPTH - 64 + 63) / 64];
                }
                int i = depth - 64;
                deep[i >> 6] = object ? deep[i >> 6] | 1L << i : deep[i >> 6] & ~(1L << i);
            }
            depth++;
            return true;
        }

        void pop() {
            depth--;
        }

        int depth() {
            return depth;
        }

        /** Whether the innermost open container is an object. */
        boolean inObject() {
            int i = depth - 1;
            return i < 64 ? (shallow & 1L << i) != 0 : (deep[(i - 64) >> 6] & 1L << (i - 64)) != 0;
        }
    }
}
