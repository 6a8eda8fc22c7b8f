package io.lambdajca.adapter.internal;

/**
 * Whether bytes are one JSON value (RFC 8259) in UTF-8, checked in one pass over the bytes without decoding them into
 * characters: it allocates nothing for documents nested at most 64 deep, and 128 bytes beyond. It accepts what
 * Lambda's front end accepts and refuses what it refuses (it answers "Invalid UTF-8 start byte 0x97" for bytes that
 * are not UTF-8): a UTF-8 sequence is checked by its structure (lead byte and continuation bytes), as Lambda's parser
 * checks it, and nesting deeper than {@value #MAX_DEPTH} is refused, as the parsers of Lambda and of the servers are
 * by default. One value only: a second value after the first is refused.
 */
final class JsonCheck {

    /** The default nesting limit of Jackson (2.15 on) and Parsson. */
    static final int MAX_DEPTH = 1000;

    private final byte[] in;
    private int pos;
    /** One bit per open container, 1 for an object: the first 64 levels in a long, deeper ones in an array. */
    private long shallow;
    private long[] deep;
    private int depth;

    private JsonCheck(byte[] in) {
        this.in = in;
    }

    /** Null when the bytes are one JSON value, else what is wrong and where. */
    static String problem(byte[] bytes) {
        return new JsonCheck(bytes).check();
    }

    private String check() {
        if (in.length >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
            pos = 3; // a UTF-8 byte order mark, which Lambda's parser skips
        }
        String problem = value();
        if (problem != null) {
            return problem;
        }
        while (depth > 0) {
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
                    depth--;
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
                    depth--;
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
        boolean object = top();
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
            depth--;
            return null;
        }
        return unexpected("where ',' or '" + (object ? '}' : ']') + "' was expected");
    }

    private String push(boolean object) {
        if (depth == MAX_DEPTH) {
            return "nesting deeper than " + MAX_DEPTH + " levels at offset " + (pos - 1);
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
        return null;
    }

    private boolean top() {
        int i = depth - 1;
        return i < 64 ? (shallow & 1L << i) != 0 : (deep[(i - 64) >> 6] & 1L << (i - 64)) != 0;
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
        int continuations;
        if ((lead & 0xE0) == 0xC0) {
            continuations = 1;
        } else if ((lead & 0xF0) == 0xE0) {
            continuations = 2;
        } else if ((lead & 0xF8) == 0xF0) {
            continuations = 3;
        } else {
            return "invalid UTF-8 start byte 0x" + hex(lead) + " at offset " + pos;
        }
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
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
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
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
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
}
