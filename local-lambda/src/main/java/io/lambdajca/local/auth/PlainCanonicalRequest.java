package io.lambdajca.local.auth;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The SigV4 canonical request of a request in the plain shape SDKs send to Lambda, written directly: a path of
 * unreserved characters, slashes and percent escapes, without empty or dot segments; a query (if any) of
 * {@code name=value} pairs of unreserved characters; signed header names in lower case, in ascending order, none of
 * those the SDK signer leaves out, with values free of control characters and of leading, trailing or repeated spaces.
 * For every other request {@link #of} answers null, and {@link CanonicalRequest} has the AWS SDK signer's own code
 * write it. For the requests it takes, the text is the SDK's, character for character: the path encoded once more
 * ({@code %} becomes {@code %25}, the rest is unreserved), the query sorted, the headers as sent.
 */
final class PlainCanonicalRequest {

    /** Headers the SDK signer never signs (V4CanonicalRequest's list): a request signing them takes the SDK's path. */
    private static final Set<String> IGNORED = Set.of("connection", "x-amzn-trace-id", "user-agent", "expect",
            "transfer-encoding", "x-forwarded-for");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH");

    private static final Comparator<String> BY_NAME_THEN_VALUE = Comparator
            .comparing((String pair) -> pair.substring(0, pair.indexOf('=')))
            .thenComparing(pair -> pair.substring(pair.indexOf('=') + 1));

    private PlainCanonicalRequest() {
    }

    /** The canonical request, or null when the request is not in the plain shape (or a signed header is missing). */
    static String of(String method, String rawPath, String rawQuery, List<String> signedHeaders,
            Function<String, String> header, String payloadHash) {
        if (!METHODS.contains(method)) {
            return null;
        }
        StringBuilder out = new StringBuilder(512).append(method).append('\n');
        if (!appendPath(out, rawPath)) {
            return null;
        }
        out.append('\n');
        if (!appendQuery(out, rawQuery)) {
            return null;
        }
        out.append('\n');
        String previous = "";
        for (String name : signedHeaders) {
            String value = header.apply(name);
            if (name.compareTo(previous) <= 0 || !plainName(name) || IGNORED.contains(name) || value == null
                    || !plainValue(value)) {
                return null;
            }
            out.append(name).append(':').append(value).append('\n');
            previous = name;
        }
        out.append('\n');
        for (int i = 0; i < signedHeaders.size(); i++) {
            out.append(i == 0 ? "" : ";").append(signedHeaders.get(i));
        }
        return out.append('\n').append(payloadHash).toString();
    }

    private static boolean appendPath(StringBuilder out, String rawPath) {
        int n = rawPath == null ? 0 : rawPath.length();
        if (n == 0 || rawPath.charAt(0) != '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= n; i++) {
            char c = i < n ? rawPath.charAt(i) : '/';
            if (c == '/') {
                int length = i - segmentStart;
                boolean last = i == n;
                // an empty segment (but a trailing slash), "." or "..": the SDK normalises, so it takes these
                if ((length == 0 && !last) || dotSegment(rawPath, segmentStart, length)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (c == '%') {
                if (i + 2 >= n || !hex(rawPath.charAt(i + 1)) || !hex(rawPath.charAt(i + 2))) {
                    return false;
                }
            } else if (!unreserved(c)) {
                return false;
            }
        }
        for (int i = 0; i < n; i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                out.append("%25");
            } else {
                out.append(c);
            }
        }
        return true;
    }

    private static boolean dotSegment(String path, int start, int length) {
        return (length == 1 && path.charAt(start) == '.')
                || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.');
    }

    private static boolean appendQuery(StringBuilder out, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return true;
        }
        String[] pairs = rawQuery.split("&", -1);
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return false;
            }
            for (int i = 0; i < pair.length(); i++) {
                if (i != eq && !unreserved(pair.charAt(i))) {
                    return false;
                }
            }
        }
        // as the SDK sorts: by name, then the values of a name
        Arrays.sort(pairs, BY_NAME_THEN_VALUE);
        for (int i = 0; i < pairs.length; i++) {
            out.append(i == 0 ? "" : "&").append(pairs[i]);
        }
        return true;
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean plainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainValue(String value) {
        int n = value.length();
        if (n > 0 && (value.charAt(0) == ' ' || value.charAt(n - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7f || (c == ' ' && value.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }
}
