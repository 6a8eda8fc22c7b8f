package io.lambdajca.adapter.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationType;

/**
 * Lambda's rules for names, qualifiers, tenant ids, durable execution names, payloads and client context, checked
 * before any network call so that a bad request fails at once with a message naming the value and the rule. The
 * rules are the shapes of the current service model (botocore 1.43's Lambda model): every value the model accepts is
 * sent, and Lambda answers for it.
 */
public final class RequestValidator {

    /**
     * {@code NamespacedFunctionName}, the FunctionName of Invoke, GetFunction and DeleteFunction: a name, partial ARN
     * or full ARN of 1-256 characters. A bare name over 64 characters is not refused: no function can have one, and
     * Lambda answers such a request with not-found, which the application sees as it sees any other absent function.
     */
    static final int MAX_FUNCTION_NAME = 256;
    /**
     * The model's {@code NamespacedFunctionName} pattern, with the {@code (eusc-)?} region prefix of the European
     * Sovereign Cloud that Lambda's own answers quote (the model does not have it yet): never stricter than the
     * service.
     */
    static final String FUNCTION_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + "((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)"
            + "(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";
    /** The group of {@link #FUNCTION_NAME_PATTERN} that holds the qualifier a name ends with. */
    private static final int NAME_QUALIFIER_GROUP = 13;
    /** {@code NumericLatestPublishedOrAliasQualifier}, the Qualifier of Invoke, GetFunction and DeleteFunction. */
    static final int MAX_QUALIFIER = 128;
    static final String QUALIFIER_PATTERN = "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+";
    /** {@code TenantId}, Invoke's {@code X-Amz-Tenant-Id} header. */
    static final int MAX_TENANT_ID = 256;
    static final String TENANT_ID_PATTERN = "[a-zA-Z0-9\\._:\\/=+\\-@ ]+";
    /** {@code DurableExecutionName}, Invoke's {@code X-Amz-Durable-Execution-Name} header. */
    static final int MAX_DURABLE_EXECUTION_NAME = 64;
    static final String DURABLE_EXECUTION_NAME_PATTERN = "[a-zA-Z0-9-_]+";
    /** Synchronous request payloads must be smaller than 6,291,456 bytes. */
    public static final int MAX_SYNC_PAYLOAD = 6_291_456;
    /**
     * Asynchronous (Event) payloads may take 1 MB (1,048,576 bytes) since October 2025: Lambda refuses a larger one
     * with "N byte payload is too large for the Event invocation type (limit 1048576 bytes)", so the limit is sent.
     */
    public static final int MAX_EVENT_PAYLOAD = 1_048_576;
    /** The base64-encoded client context is at most 3,583 bytes. */
    public static final int MAX_CLIENT_CONTEXT = 3583;

    private static final Pattern FUNCTION_NAME = Pattern.compile(FUNCTION_NAME_PATTERN);
    private static final Pattern QUALIFIER = Pattern.compile(QUALIFIER_PATTERN);
    private static final Pattern TENANT_ID = Pattern.compile(TENANT_ID_PATTERN);
    private static final Pattern DURABLE_EXECUTION_NAME = Pattern.compile(DURABLE_EXECUTION_NAME_PATTERN);

    private RequestValidator() {
    }

    /** The FunctionName of Invoke, GetFunction and DeleteFunction ({@code NamespacedFunctionName}). */
    public static void functionName(String name) {
        if (name == null) {
            throw new InvalidRequestException(null, "functionName must not be null");
        }
        if (name.isEmpty() || name.length() > MAX_FUNCTION_NAME) {
            throw new InvalidRequestException(name, "functionName '" + abbreviate(name) + "' has " + name.length()
                    + " characters; Lambda accepts 1 to " + MAX_FUNCTION_NAME);
        }
        // runs on every invocation: a plain name is checked by a scan, ten times cheaper than the pattern
        if (!isPlainName(name) && !FUNCTION_NAME.matcher(name).matches()) {
            throw new InvalidRequestException(name, "functionName '" + abbreviate(name) + "' is not a function name, "
                    + "partial ARN or ARN: it must match " + FUNCTION_NAME_PATTERN + whereItFails(FUNCTION_NAME, name));
        }
    }

    /**
     * Whether the name has only the characters of a bare function name ({@code [a-zA-Z0-9-_.]}): the pattern accepts
     * every such name (all its other parts are optional and hold a colon), so the scan decides exactly as it would.
     */
    static boolean isPlainName(String name) {
        return onlyWordCharsAnd(name, '.');
    }

    /**
     * Whether the qualifier has only the characters of {@code [a-zA-Z0-9-_$]}, which the pattern's second alternative
     * accepts as they come (only {@code $LATEST.PUBLISHED} needs the pattern).
     */
    static boolean isPlainQualifier(String qualifier) {
        return onlyWordCharsAnd(qualifier, '$');
    }

    private static boolean onlyWordCharsAnd(String s, char extra) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == extra)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Qualifier of Invoke, InvokeWithResponseStream, GetFunction and DeleteFunction; null is none. When the name
     * ends with one too ({@code f:1}, {@code ...:function:f:1}), they must be the same, or Lambda answers "The derived
     * qualifier from the function name does not match the specified qualifier." (recorded for Invoke, GetFunction and
     * DeleteFunction: LocalStack's AWS-validated test_lambda_api snapshot, test_ops_with_arn_qualifier_mismatch; the
     * streaming invocation names its function as Invoke does).
     */
    public static void qualifier(String functionName, String qualifier) {
        if (qualifier == null || qualifier.isEmpty() || qualifier.length() > MAX_QUALIFIER
                || !isPlainQualifier(qualifier)) {
            // as the pattern decides, without it for the usual qualifiers: a qualifier goes with many invocations
            optional(functionName, "qualifier", qualifier, MAX_QUALIFIER, QUALIFIER, QUALIFIER_PATTERN,
                    " (a version number, an alias, $LATEST or $LATEST.PUBLISHED)");
        }
        agreesWithName(functionName, qualifier);
    }

    /** The qualifier, valid already, and the one the valid name ends with, if any, are the same. */
    private static void agreesWithName(String functionName, String qualifier) {
        if (qualifier == null || functionName.indexOf(':') < 0) {
            return;
        }
        Matcher m = FUNCTION_NAME.matcher(functionName);
        String inName = m.matches() ? m.group(NAME_QUALIFIER_GROUP) : null;
        if (inName != null && !inName.equals(qualifier)) {
            throw new InvalidRequestException(functionName, "qualifier '" + abbreviate(qualifier) + "' differs from '"
                    + inName + "', the qualifier functionName ends with: Lambda refuses a request where they differ");
        }
    }

    /**
     * Invoke's tenant id (for functions with tenant isolation); null is none. The model's pattern takes spaces anywhere,
     * but a header value cannot start or end with one (HTTP drops them, RFC 9110 5.5): Lambda would get another tenant.
     */
    public static void tenantId(String functionName, String tenantId) {
        optional(functionName, "tenantId", tenantId, MAX_TENANT_ID, TENANT_ID, TENANT_ID_PATTERN, "");
        if (tenantId != null && (tenantId.startsWith(" ") || tenantId.endsWith(" "))) {
            throw new InvalidRequestException(functionName, "tenantId '" + abbreviate(tenantId) + "' starts or ends "
                    + "with a space, which HTTP drops from a header: Lambda would get '" + abbreviate(tenantId.strip())
                    + "'");
        }
    }

    /** Invoke's durable execution name (for durable functions); null is none. */
    public static void durableExecutionName(String functionName, String name) {
        optional(functionName, "durableExecutionName", name, MAX_DURABLE_EXECUTION_NAME, DURABLE_EXECUTION_NAME,
                DURABLE_EXECUTION_NAME_PATTERN, "");
    }

    /** A value within 1 to {@code maxLength} characters matching {@code pattern}; null is not given. */
    static void optional(String functionName, String what, String value, int maxLength, Pattern pattern,
            String patternText, String hint) {
        if (value == null) {
            return;
        }
        if (value.isEmpty() || value.length() > maxLength) {
            throw new InvalidRequestException(functionName, what + " '" + abbreviate(value) + "' has " + value.length()
                    + " characters; Lambda accepts 1 to " + maxLength);
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidRequestException(functionName, what + " '" + abbreviate(value) + "' must match "
                    + patternText + hint + whereItFails(pattern, value));
        }
    }

    /** The payload must be one JSON value and within the limit of its invocation type. */
    public static void payload(String functionName, InvocationType type, byte[] payload) {
        payloadSize(functionName, type, payload);
        if (payload.length > 0) {
            String problem = jsonProblem(payload);
            if (problem != null) {
                throw new InvalidRequestException(functionName, "payload is not valid JSON (Lambda accepts only JSON "
                        + "payloads): " + problem);
            }
        }
    }

    /** The size limit alone, for payloads JSON-B has just written (they are JSON by construction). */
    public static void payloadSize(String functionName, InvocationType type, byte[] payload) {
        if (type == InvocationType.EVENT ? payload.length > MAX_EVENT_PAYLOAD : payload.length >= MAX_SYNC_PAYLOAD) {
            throw new InvalidRequestException(functionName, "payload of " + payload.length + " bytes is too large for "
                    + "invocation type " + type.wireName() + ": Lambda accepts " + (type == InvocationType.EVENT
                    ? "at most " + MAX_EVENT_PAYLOAD : "less than " + MAX_SYNC_PAYLOAD) + " bytes");
        }
    }

    /** Checks client context JSON and returns it base64-encoded, as Lambda wants it. */
    public static String clientContext(String functionName, String json) {
        if (json == null) {
            return null;
        }
        // a byte order mark before the object is left out, as the JSON check (and Lambda, for a payload) skips it:
        // the function's runtime parses the context too, and common parsers refuse one
        String value = JsonCheck.withoutByteOrderMark(json);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        String problem = jsonProblem(bytes);
        if (problem != null || !value.trim().startsWith("{")) {
            throw new InvalidRequestException(functionName, "clientContext must be a JSON object; it is '"
                    + abbreviate(json) + "'" + (problem == null ? "" : ": " + problem));
        }
        String encoded = Base64.getEncoder().encodeToString(bytes);
        if (encoded.length() > MAX_CLIENT_CONTEXT) {
            throw new InvalidRequestException(functionName, "clientContext is " + encoded.length()
                    + " bytes once base64-encoded; Lambda accepts at most " + MAX_CLIENT_CONTEXT);
        }
        return encoded;
    }

    public static <T> T notNull(String functionName, String what, T value) {
        if (value == null) {
            throw new InvalidRequestException(functionName, what + " must not be null");
        }
        return value;
    }

    private static String jsonProblem(byte[] payload) {
        // a pass over the bytes: no decoded copy of the payload, no parser (see JsonCheck)
        return JsonCheck.problem(payload);
    }

    /**
     * Where a value the pattern refuses goes wrong, for a message that may quote only its start: the first character
     * that no value the pattern accepts has there, after the longest start of the value that some accepted value has
     * (found by halving: a shorter start of such a start is one too). Empty when the value is such a start itself (it
     * ends too early).
     */
    static String whereItFails(Pattern pattern, String value) {
        int good = 0; // the length of a start some accepted value has
        int bad = value.length() + 1; // the length of one no accepted value has
        while (bad - good > 1) {
            int mid = (good + bad) >>> 1;
            Matcher m = pattern.matcher(value.substring(0, mid));
            if (m.matches() || m.hitEnd()) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        if (good == value.length()) {
            return "";
        }
        int c = value.codePointAt(good);
        String shown = c > 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("U+%04X", c);
        return ": " + shown + " at index " + good + " cannot be there";
    }

    /** A value as a message quotes it: its first 77 characters when it is longer than 80. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
