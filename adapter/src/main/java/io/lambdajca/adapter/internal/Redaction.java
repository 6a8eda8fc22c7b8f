package io.lambdajca.adapter.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secret values that text from outside the adapter can quote: an AWS error that echoes the canonical request
 * (its {@code x-amz-security-token} header or query parameter), an SDK message quoting an STS or Roles Anywhere answer
 * ({@code <SecretAccessKey>}, {@code "sessionToken":}, also escaped inside JSON text or HTML), a credentials file line
 * ({@code aws_secret_access_key =}), the {@code "Token"} of instance and container credentials, an OAuth
 * {@code access_token} or {@code id_token} and a presigned URL's {@code X-Amz-Signature} (in a redirect, a page), a
 * URL's password. The value after such a name becomes {@code ****}. The adapter's own messages never hold secrets;
 * this guards what it passes on from the SDK and the services.
 */
public final class Redaction {

    /**
     * A quote around a name or a value: plain or escaped inside JSON text, single, or as HTML writes it. A value ends
     * at a quote, escaped or not; an escape that is not a quote's ({@code \/}) is part of it.
     */
    private static final String QUOTE = "(?:\\\\?[\"']|&quot;|&#34;|&#39;)?";

    /**
     * A secret's name, then what separates it from its value. A bare {@code token} is a name when no letter or digit
     * precedes it ({@code "Token"}, {@code access_token}, not {@code NextToken}), unless it follows a parser's
     * "unexpected " or "expecting ", a sentence that names what it read or wanted ("Unexpected token: 'x'",
     * "expecting token: START_ARRAY"), not a secret.
     */
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(x-amz-security-token|aws_session_token"
            + "|aws_security_token|aws_secret_access_key|secret_?access_?key|session_?token|secret_?key|password"
            + "|x-amz-signature|(?<![a-z0-9])(?<!(?:unexpected|expecting) )token)"
            + "(" + QUOTE + "\\s*(?:[:=>]|&gt;)\\s*" + QUOTE + ")((?:\\\\(?![\"'])|[^\\s\"'<&,;}\\]\\\\])+)");

    /** The password of a URL's user information ({@code https://user:password@host}; a '/' there is encoded). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:)([^\\s@/]+)@");

    private Redaction() {
    }

    /** The text with every value that follows a secret's name masked; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SECRET_FIELD.matcher(text);
        String masked = m.find() ? m.replaceAll("$1$2****") : text;
        Matcher url = URL_PASSWORD.matcher(masked);
        return url.find() ? url.replaceAll("$1****@") : masked;
    }

    /**
     * The exception itself when no message of its chain quotes a secret; else a copy of the chain ({@link Redacted}
     * exceptions with the same classes named, masked messages and the same stack traces), fit to be handed on to code
     * that may log it whole.
     */
    public static Throwable safe(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact(message))) {
                return copy(thrown, 0);
            }
        }
        return thrown;
    }

    private static Throwable copy(Throwable t, int depth) {
        if (t == null || depth >= 10) {
            return null;
        }
        Throwable cause = t.getCause() == t ? null : t.getCause();
        Redacted copy = new Redacted(t.getClass().getName(), redact(t.getMessage()), copy(cause, depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** An exception of the chain, copied with its secrets masked; {@code toString()} names the original class. */
    public static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        Redacted(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        /** The class of the exception this copies. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            return originalClass + " (secrets masked)" + (getMessage() == null ? "" : ": " + getMessage());
        }
    }

    /** The message of {@code t}, followed by its root cause when it has one, secret values masked. */
    public static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return redact(root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root + ")");
    }

    /** Each exception of the chain as "Class: message", joined by "; caused by ", with secret values masked. */
    public static String describe(Throwable thrown) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (depth > 0) {
                b.append("; caused by ");
            }
            b.append(t.getClass().getName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage());
            }
        }
        return redact(b.toString());
    }
}
