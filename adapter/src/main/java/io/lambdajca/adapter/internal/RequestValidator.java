package io.lambdajca.adapter.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationType;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

/**
 * Lambda's rules for names, qualifiers, payloads and client context, checked before any network call so that a bad
 * request fails at once with a message naming the value and the rule. The rules are those of the Lambda API
 * reference.
 */
public final class RequestValidator {

    /** Invoke accepts a name, partial ARN or full ARN of 1-170 characters. */
    static final int MAX_INVOKE_NAME = 170;
    /** DeleteFunction and GetFunction accept 1-140 characters. */
    static final int MAX_MANAGE_NAME = 140;
    /** A bare function name is at most 64 characters. */
    static final int MAX_BARE_NAME = 64;
    /** Qualifiers are 1-128 characters. */
    static final int MAX_QUALIFIER = 128;
    /** Synchronous request payloads must be smaller than 6,291,456 bytes. */
    public static final int MAX_SYNC_PAYLOAD = 6_291_456;
    /** Asynchronous (Event) payloads must be smaller than 1 MB (1,048,576 bytes) since October 2025. */
    public static final int MAX_EVENT_PAYLOAD = 1_048_576;
    /** The base64-encoded client context is at most 3,583 bytes. */
    public static final int MAX_CLIENT_CONTEXT = 3583;

    static final String INVOKE_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    static final String MANAGE_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern INVOKE_NAME = Pattern.compile(INVOKE_NAME_PATTERN);
    private static final Pattern MANAGE_NAME = Pattern.compile(MANAGE_NAME_PATTERN);
    private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]+");
    /** Looked up once: the lookup scans the class path and is far costlier than parsing a small payload. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private RequestValidator() {
    }

    public static void invokeName(String name) {
        name(name, INVOKE_NAME, INVOKE_NAME_PATTERN, MAX_INVOKE_NAME);
    }

    public static void manageName(String name) {
        name(name, MANAGE_NAME, MANAGE_NAME_PATTERN, MAX_MANAGE_NAME);
    }

    private static void name(String name, Pattern pattern, String patternText, int maxLength) {
        if (name == null) {
            throw new InvalidRequestException(null, "functionName must not be null");
        }
        if (name.isEmpty() || name.length() > maxLength) {
            throw new InvalidRequestException(name, "functionName '" + abbreviate(name) + "' has " + name.length()
                    + " characters; Lambda accepts 1 to " + maxLength);
        }
        var m = pattern.matcher(name);
        if (!m.matches()) {
            throw new InvalidRequestException(name, "functionName '" + abbreviate(name) + "' is not a function name, "
                    + "partial ARN or ARN: it must match " + patternText);
        }
        String bare = m.group(7);
        if (bare.length() > MAX_BARE_NAME) {
            throw new InvalidRequestException(name, "function name '" + abbreviate(bare) + "' has " + bare.length()
                    + " characters; Lambda function names are at most " + MAX_BARE_NAME);
        }
    }

    public static void qualifier(String functionName, String qualifier) {
        if (qualifier == null) {
            return;
        }
        if (qualifier.isEmpty() || qualifier.length() > MAX_QUALIFIER || !QUALIFIER.matcher(qualifier).matches()) {
            throw new InvalidRequestException(functionName, "qualifier '" + abbreviate(qualifier) + "' must be 1 to "
                    + MAX_QUALIFIER + " characters of [a-zA-Z0-9$_-] (a version number, an alias or $LATEST)");
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
        int limit = type == InvocationType.EVENT ? MAX_EVENT_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload.length >= limit) {
            throw new InvalidRequestException(functionName, "payload of " + payload.length + " bytes is too large for "
                    + "a " + type.wireName() + " invocation: Lambda accepts less than " + limit + " bytes");
        }
    }

    /** Checks client context JSON and returns it base64-encoded, as Lambda wants it. */
    public static String clientContext(String functionName, String json) {
        if (json == null) {
            return null;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String problem = jsonProblem(bytes);
        if (problem != null || !json.trim().startsWith("{")) {
            throw new InvalidRequestException(functionName, "clientContext must be a JSON object"
                    + (problem == null ? "" : ": " + problem));
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
        // from a Reader: the InputStream form sniffs the encoding and builds a decoder on every call
        try (JsonParser parser = JSON.createParser(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
            while (parser.hasNext()) {
                parser.next();
            }
            return null;
        } catch (JsonException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
